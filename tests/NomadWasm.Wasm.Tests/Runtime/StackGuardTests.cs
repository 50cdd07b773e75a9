using NomadWasm.Wasm.Model;
using NomadWasm.Wasm.Runtime;
using NomadWasm.Wasm.Runtime.Traps;
using static NomadWasm.Wasm.Tests.Runtime.TestModules;

namespace NomadWasm.Wasm.Tests.Runtime;

/// <summary>
/// The stack limit lives in each store (compiled code reads <see cref="Store.StackLimit"/>), so
/// code of a store entered without a host-to-guest call of its own must still be guarded.
/// </summary>
public sealed class StackGuardTests
{
    private const string Recursive = """
        (module
          (func $r (export "r") (param i64) (result i64) (i64.add (call $r (local.get 0)) (i64.const 1)))
          (func $down (export "down") (param i32) (result i32)
            (if (result i32) (i32.eqz (local.get 0))
              (then (i32.const 0))
              (else (i32.add (call $down (i32.sub (local.get 0) (i32.const 1))) (i32.const 1))))))
        """;

    private static readonly FuncType I64ToI64 = new([ValType.I64], [ValType.I64]);

    [Fact]
    public void ImportFromAnotherStore_UnboundedRecursion_TrapsAndRestoresLimits()
    {
        var calleeStore = new Store(SharedEngine);
        var callee = Instantiate(Recursive, store: calleeStore);
        var callerStore = new Store(SharedEngine);
        var caller = Instantiate(
            """
            (module
              (import "b" "r" (func $r (param i64) (result i64)))
              (import "b" "down" (func $down (param i32) (result i32)))
              (func (export "run") (param i64) (result i64) (call $r (local.get 0)))
              (func (export "deep") (param i32) (result i32) (call $down (local.get 0))))
            """,
            linker => linker.DefineInstance("b", callee),
            callerStore);

        var trap = Assert.Throws<TrapException>(() => caller.Call("run", I64(0)));
        Assert.Equal(TrapKind.CallStackExhausted, trap.Kind);
        Assert.Equal(0, callerStore.StackLimit);

        // Bounded recursion through the import still runs, and both stores stay usable.
        Assert.Equal(2000, caller.CallI32("deep", I32(2000)));
        Assert.Equal(3, callee.CallI32("down", I32(3)));
        Assert.Equal(0, calleeStore.StackLimit);
        Assert.Equal(TrapKind.CallStackExhausted, Assert.Throws<TrapException>(() => callee.Call("r", I64(0))).Kind);
    }

    [Fact]
    public void TableCallIntoAnotherStore_UnboundedRecursion_Traps()
    {
        var callee = Instantiate(Recursive, store: new Store(SharedEngine));
        var caller = Instantiate(
            """
            (module
              (import "b" "r" (func $r (param i64) (result i64)))
              (type $t (func (param i64) (result i64)))
              (table 1 funcref)
              (elem (i32.const 0) $r)
              (func (export "run") (param i64) (result i64) (call_indirect (type $t) (local.get 0) (i32.const 0))))
            """,
            linker => linker.DefineInstance("b", callee),
            new Store(SharedEngine));

        var trap = Assert.Throws<TrapException>(() => caller.Call("run", I64(0)));
        Assert.Equal(TrapKind.CallStackExhausted, trap.Kind);
    }

    [Fact]
    public void HostReenteringAnotherStore_UnboundedRecursion_TrapsAndRestoresLimits()
    {
        var calleeStore = new Store(SharedEngine);
        var callee = Instantiate(Recursive, store: calleeStore);
        var recurse = callee.GetFunction("r")!;
        var callerStore = new Store(SharedEngine);
        nint limitSeenByHost = 0;
        var caller = Instantiate(
            """
            (module
              (import "env" "reenter" (func $h (param i64) (result i64)))
              (func (export "run") (param i64) (result i64) (call $h (local.get 0))))
            """,
            linker => linker.DefineFunction("env", "reenter", I64ToI64, (_, args, results) =>
            {
                limitSeenByHost = callerStore.StackLimit;
                results[0] = recurse.Invoke(args.ToArray())[0];
            }),
            callerStore);

        var trap = Assert.Throws<TrapException>(() => caller.Call("run", I64(0)));
        Assert.Equal(TrapKind.CallStackExhausted, trap.Kind);
        Assert.NotEqual(0, limitSeenByHost);
        Assert.Equal(0, callerStore.StackLimit);
        Assert.Equal(0, calleeStore.StackLimit);
    }
}
