using NomadWasm.Wasm.Runtime;
using NomadWasm.Wasm.Tests.Support;

namespace NomadWasm.Wasm.Tests.Programs;

/// <summary>
/// Fresh instances must not see what earlier instances did: linear memory starts zeroed (plus the
/// data segments) and globals start at their initialisers, even when the engine reuses memory
/// reservations between stores.
/// </summary>
public sealed class InstanceIsolationTests
{
    private const string Wat = """
        (module
          (memory (export "mem") 2 4)
          (global $g (mut i64) (i64.const 5))
          (data (i32.const 100) "\2a")
          ;; fill every byte of the current memory with 0xAA, grow by one page, fill that too
          (func (export "dirty")
            (memory.fill (i32.const 0) (i32.const 0xaa) (i32.mul (memory.size) (i32.const 65536)))
            (drop (memory.grow (i32.const 1)))
            (memory.fill (i32.const 131072) (i32.const 0xbb) (i32.const 65536))
            (global.set $g (i64.const -1)))
          ;; sum of all bytes as i64, plus the page count * 1e9, plus the global
          (func (export "state") (result i64) (local $i i32) (local $sum i64)
            (block $done
              (loop $next
                (br_if $done (i32.ge_u (local.get $i) (i32.mul (memory.size) (i32.const 65536))))
                (local.set $sum (i64.add (local.get $sum) (i64.load8_u (local.get $i))))
                (local.set $i (i32.add (local.get $i) (i32.const 1)))
                (br $next)))
            (i64.add (i64.add (local.get $sum) (i64.mul (i64.extend_i32_u (memory.size)) (i64.const 1000000000)))
                     (global.get $g)))
        )
        """;

    [Fact]
    public void Instantiate_AfterDirtyInstanceDisposed_SeesFreshMemoryAndGlobals()
    {
        var engine = new Engine();
        var pre = new Linker(engine).Prepare(engine.Compile(WasmTools.Wat2Wasm(Wat)));
        const long Fresh = 42 + (2 * 1_000_000_000L) + 5;
        for (var round = 0; round < 20; round++)
        {
            using var store = new Store(engine);
            var instance = pre.Instantiate(store);
            Assert.Equal(Fresh, instance.GetFunction("state")!.Invoke()[0].I64);
            instance.GetFunction("dirty")!.Invoke();
            Assert.NotEqual(Fresh, instance.GetFunction("state")!.Invoke()[0].I64);
        }
    }

    [Fact]
    public void Instantiate_WhileAnotherInstanceIsDirty_DoesNotShareMemory()
    {
        var engine = new Engine();
        var pre = new Linker(engine).Prepare(engine.Compile(WasmTools.Wat2Wasm(Wat)));
        using var first = new Store(engine);
        using var second = new Store(engine);
        var a = pre.Instantiate(first);
        a.GetFunction("dirty")!.Invoke();
        var b = pre.Instantiate(second);
        Assert.Equal(42 + (2 * 1_000_000_000L) + 5, b.GetFunction("state")!.Invoke()[0].I64);
        Assert.Equal(0xaa, a.GetMemory("mem")!.Span[0]);
        Assert.Equal(0, b.GetMemory("mem")!.Span[0]);
    }
}
