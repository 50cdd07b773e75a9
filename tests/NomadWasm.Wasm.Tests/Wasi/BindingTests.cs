using NomadWasm.Wasm.Runtime;
using NomadWasm.Wasm.Runtime.Traps;
using NomadWasm.Wasm.Wasi.Preview1;

namespace NomadWasm.Wasm.Tests.Wasi;

/// <summary>WasiPreview1.AddTo on the real runtime: traps, store data, per-instance isolation.</summary>
public sealed class BindingTests
{
    private static readonly Engine Engine = new();

    [Theory]
    [InlineData("iovec_buffer_out_of_bounds", "wasi_snapshot_preview1.fd_write")]
    [InlineData("iovec_array_out_of_bounds", "wasi_snapshot_preview1.fd_write")]
    [InlineData("result_pointer_out_of_bounds", "wasi_snapshot_preview1.args_sizes_get")]
    [InlineData("result_pointer_misaligned", "wasi_snapshot_preview1.args_sizes_get")]
    public void BadPointer_TrapsLikeWasmtime(string export, string function)
    {
        using var wasi = new WasiContext(new WasiConfiguration());
        var instance = Instantiate(wasi);
        var trap = Assert.Throws<TrapException>(() => instance.GetFunction(export)!.Invoke());
        Assert.Equal(TrapKind.MemoryOutOfBounds, trap.Kind);
        Assert.Equal(function, trap.FunctionName);
    }

    [Fact]
    public void BadFd_ReturnsErrnoWithoutTrapping()
    {
        using var wasi = new WasiContext(new WasiConfiguration());
        var instance = Instantiate(wasi);
        Assert.Equal((int)Errno.Badf, instance.GetFunction("no_pointer_bad_fd")!.Invoke()[0].I32);
    }

    [Fact]
    public void StoreWithoutWasiHost_FailsWithClearMessage()
    {
        var instance = Instantiate(data: "not a wasi host");
        var error = Assert.Throws<InvalidOperationException>(() => instance.GetFunction("no_pointer_bad_fd")!.Invoke());
        Assert.Contains("IWasiHost", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CustomHostState_ReachesItsWasiContext()
    {
        using var wasi = new WasiContext(new WasiConfiguration());
        var instance = Instantiate(data: new HostState(wasi));
        // fd_close(1234): EBADF from this store's context proves the call found it.
        Assert.Equal((int)Errno.Badf, instance.GetFunction("no_pointer_bad_fd")!.Invoke()[0].I32);
    }

    [Fact]
    public void ParallelRequests_EachSeeOnlyTheirOwnStdio()
    {
        var outputs = new string[32];
        Parallel.For(0, outputs.Length, i =>
            outputs[i] = WasiProgram.Run("stdio", stdin: $"request {i}").Stdout);
        for (var i = 0; i < outputs.Length; i++)
        {
            Assert.Equal($"REQUEST {i}\ntotal={$"request {i}".Length}\n", outputs[i]);
        }
    }

    [Fact]
    public void Cancellation_WakesSleepingPoll()
    {
        using var cancel = new CancellationTokenSource();
        using var h = new WasiHarness(new WasiConfiguration());
        h.Context.Cancellation = cancel.Token;
        var sub = h.Alloc(48);
        h.Memory[sub + 8] = 0; // clock
        BitConverter.TryWriteBytes(h.Memory.AsSpan((int)sub + 16), 1u); // monotonic
        BitConverter.TryWriteBytes(h.Memory.AsSpan((int)sub + 24), 60_000_000_000ul); // 60 s
        cancel.CancelAfter(TimeSpan.FromMilliseconds(50));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.Equal(Errno.Success, h.Call("poll_oneoff", sub, h.Alloc(32), 1, h.Alloc(4)));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), watch.Elapsed.ToString());
    }

    private static Instance Instantiate(object? data)
    {
        var bytes = File.ReadAllBytes(System.IO.Path.Combine(WasiProgram.Fixtures, "bad_pointer.wasm"));
        var pre = WasiPreview1.AddTo(new Linker(Engine)).Prepare(Engine.Compile(bytes));
        var store = new Store(Engine) { Data = data };
        return pre.Instantiate(store);
    }

    private sealed class HostState(WasiContext wasi) : IWasiHost
    {
        public WasiContext Wasi { get; } = wasi;
    }
}
