using NomadWasm.Wasm.Model;
using NomadWasm.Wasm.Runtime;
using NomadWasm.Wasm.Runtime.Traps;
using static NomadWasm.Wasm.Tests.Runtime.TestModules;
using Global = NomadWasm.Wasm.Runtime.Global;

namespace NomadWasm.Wasm.Tests.Runtime;

public sealed class LinkingTests
{
    private static readonly FuncType I32ToI32 = new([ValType.I32], [ValType.I32]);

    [Fact]
    public void HostFunction_CalledFromWasm_SeesCallerAndArguments()
    {
        Instance? seen = null;
        var store = new Store(SharedEngine) { Data = 40 };
        var instance = Instantiate(
            """
            (module (import "env" "add" (func $add (param i32) (result i32)))
              (memory (export "memory") 1)
              (func (export "run") (param i32) (result i32) (call $add (local.get 0))))
            """,
            linker => linker.DefineFunction("env", "add", I32ToI32, (caller, args, results) =>
            {
                seen = caller.Instance;
                Assert.NotNull(caller.Memory);
                results[0] = Value.FromI32(args[0].I32 + (int)caller.Store!.Data!);
            }),
            store);
        Assert.Equal(42, instance.CallI32("run", I32(2)));
        Assert.Same(instance, seen);
    }

    [Fact]
    public void HostFunction_ThrowingException_PropagatesUnchanged()
    {
        var instance = Instantiate(
            """(module (import "env" "f" (func $f (param i32) (result i32))) (func (export "run") (result i32) (call $f (i32.const 1))))""",
            linker => linker.DefineFunction("env", "f", I32ToI32, (_, _, _) => throw new InvalidTimeZoneException("exit 3")));
        var e = Assert.Throws<InvalidTimeZoneException>(() => instance.Call("run"));
        Assert.Equal("exit 3", e.Message);
    }

    [Fact]
    public void HostFunction_ManyParametersAndResults_Marshalled()
    {
        var types = Enumerable.Repeat(ValType.I64, 20).ToArray();
        var sig = new FuncType(types, [ValType.I64, ValType.F64]);
        var instance = Instantiate(
            """
            (module (import "env" "sum" (func $sum (param i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64) (result i64 f64)))
              (func (export "run") (result i64)
                (call $sum (i64.const 1) (i64.const 2) (i64.const 3) (i64.const 4) (i64.const 5) (i64.const 6) (i64.const 7) (i64.const 8) (i64.const 9) (i64.const 10)
                           (i64.const 11) (i64.const 12) (i64.const 13) (i64.const 14) (i64.const 15) (i64.const 16) (i64.const 17) (i64.const 18) (i64.const 19) (i64.const 20))
                (drop)))
            """,
            linker => linker.DefineFunction("env", "sum", sig, (_, args, results) =>
            {
                long total = 0;
                foreach (var a in args)
                {
                    total += a.I64;
                }

                results[0] = Value.FromI64(total);
                results[1] = Value.FromF64(0.5);
            }));
        Assert.Equal(210L, instance.CallI64("run"));
    }

    [Fact]
    public void Prepare_MissingOrMistypedImport_ThrowsLinkException()
    {
        var module = Compile("""(module (import "env" "f" (func (param i32) (result i32))) (import "env" "g" (global (mut i32))))""");
        var linker = new Linker(SharedEngine);
        var unknown = Assert.Throws<LinkException>(() => linker.Prepare(module));
        Assert.Equal("unknown import", unknown.Reason);
        Assert.StartsWith("unknown import", unknown.Message, StringComparison.Ordinal);

        linker.DefineFunction("env", "f", new FuncType([ValType.I64], [ValType.I32]), (_, _, r) => r[0] = Value.FromI32(0));
        Assert.Equal("incompatible import type", Assert.Throws<LinkException>(() => linker.Prepare(module)).Reason);

        linker.DefineFunction("env", "f", I32ToI32, (_, a, r) => r[0] = a[0]);
        linker.DefineGlobal("env", "g", new Global(new GlobalType(ValType.I32, false), Value.FromI32(1)));
        Assert.Equal("incompatible import type", Assert.Throws<LinkException>(() => linker.Prepare(module)).Reason);
    }

    [Theory]
    [InlineData(1u, null, 1u, 2u, false)]
    [InlineData(2u, 2u, 1u, 2u, true)]
    [InlineData(1u, 3u, 1u, 2u, false)]
    [InlineData(1u, 1u, 2u, null, false)]
    public void Prepare_MemoryLimits_UseSubtyping(uint min, uint? max, uint importMin, uint? importMax, bool ok)
    {
        using var memory = new Memory(new MemoryType(new Limits(min, max)));
        var limits = importMax is { } im ? $"{importMin} {im}" : $"{importMin}";
        var module = Compile($"""(module (import "env" "m" (memory {limits})))""");
        var linker = new Linker(SharedEngine).DefineMemory("env", "m", memory);
        if (ok)
        {
            linker.Prepare(module);
        }
        else
        {
            Assert.Equal("incompatible import type", Assert.Throws<LinkException>(() => linker.Prepare(module)).Reason);
        }
    }

    [Fact]
    public void ImportedInstance_FunctionsGlobalsMemoryTables_AreShared()
    {
        var store = new Store(SharedEngine);
        var provider = Instantiate(
            """
            (module
              (global (export "counter") (mut i32) (i32.const 10))
              (memory (export "mem") 1)
              (table (export "tab") 2 funcref)
              (func $get (export "get") (result i32) (global.get 0))
              (elem (i32.const 0) $get)
              (func (export "bump") (global.set 0 (i32.add (global.get 0) (i32.const 1)))))
            """,
            store: store);
        var linker = new Linker(SharedEngine).DefineInstance("p", provider);
        var consumer = linker.Prepare(Compile("""
            (module
              (import "p" "counter" (global $c (mut i32)))
              (import "p" "mem" (memory 1))
              (import "p" "tab" (table 2 funcref))
              (import "p" "bump" (func $bump))
              (type $r (func (result i32)))
              (func (export "run") (result i32)
                (call $bump)
                (global.set $c (i32.add (global.get $c) (i32.const 100)))
                (i32.store (i32.const 0) (i32.const 77))
                (call_indirect (type $r) (i32.const 0))))
            """)).Instantiate(store);
        Assert.Equal(111, consumer.CallI32("run"));
        Assert.Equal(111, provider.CallI32("get"));
        Assert.Equal(77, provider.GetMemory("mem")!.Span[0]);
    }

    [Fact]
    public void StartFunction_RunsAtInstantiation_AndItsTrapFailsIt()
    {
        var instance = Instantiate("""
            (module (global (export "g") (mut i32) (i32.const 0))
              (func $s (global.set 0 (i32.const 5))) (start $s))
            """);
        Assert.Equal(5, instance.GetGlobal("g")!.Value.I32);
        var trap = Assert.Throws<TrapException>(() => Instantiate("(module (func $s unreachable) (start $s))"));
        Assert.Equal(TrapKind.Unreachable, trap.Kind);
    }

    [Fact]
    public void Globals_ExtendedConstAndImmutable_Evaluate()
    {
        var instance = Instantiate(
            """
            (module (import "env" "base" (global $b i32))
              (global $g (export "g") i32 (i32.add (global.get $b) (i32.const 5)))
              (global $k f64 (f64.const 2.5))
              (func (export "get") (result i32) (global.get $g))
              (func (export "k") (result f64) (global.get $k)))
            """,
            linker => linker.DefineGlobal("env", "base", new Global(new GlobalType(ValType.I32, false), Value.FromI32(37))));
        Assert.Equal(42, instance.CallI32("get"));
        Assert.Equal(2.5, instance.Call("k")[0].F64);
        Assert.Throws<InvalidOperationException>(() => instance.GetGlobal("g")!.Value = Value.FromI32(1));
    }

    [Fact]
    public void Interrupt_RunningLoop_TrapsWithInterrupted()
    {
        var store = new Store(SharedEngine);
        var instance = Instantiate("(module (func (export \"spin\") (loop $l (br $l))))", store: store);
        store.SetDeadline(TimeSpan.FromMilliseconds(50));
        var trap = Assert.Throws<TrapException>(() => instance.Call("spin"));
        Assert.Equal(TrapKind.Interrupted, trap.Kind);
        Assert.Equal("interrupted", trap.Kind.Message());
    }

    [Fact]
    public void Invoke_WrongArgumentTypes_ThrowsArgumentException()
    {
        var instance = Instantiate("(module (func (export \"f\") (param i32)))");
        Assert.Throws<ArgumentException>(() => instance.Call("f", I64(1)));
        Assert.Throws<ArgumentException>(() => instance.Call("f"));
    }
}
