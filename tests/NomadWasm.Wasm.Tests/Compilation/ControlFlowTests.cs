using NomadWasm.Wasm.Runtime.Traps;
using static NomadWasm.Wasm.Tests.Runtime.TestModules;

namespace NomadWasm.Wasm.Tests.Compilation;

public sealed class ControlFlowTests
{
    [Fact]
    public void BrTable_WithExtraOperandsBelow_DropsThem()
    {
        var instance = Instantiate("""
            (module
              (func (export "pick") (param i32) (result i32)
                (i32.add (i32.const 1000)
                  (block (result i32)
                    (i32.const 7)
                    (block (result i32)
                      (i32.const 99)
                      (i32.const 20)
                      (br_table 0 1 2 (local.get 0)))
                    (i32.add))))
              (func (export "sum") (param i32) (result i32) (local i32)
                (loop $l
                  (local.set 1 (i32.add (local.get 1) (local.get 0)))
                  (local.set 0 (i32.sub (local.get 0) (i32.const 1)))
                  (br_if $l (local.get 0)))
                (local.get 1)))
            """);
        Assert.Equal(1027, instance.CallI32("pick", I32(0)));
        Assert.Equal(1020, instance.CallI32("pick", I32(1)));
        Assert.Equal(20, instance.CallI32("pick", I32(2)));
        Assert.Equal(20, instance.CallI32("pick", I32(9)));
        Assert.Equal(5050, instance.CallI32("sum", I32(100)));
    }

    [Fact]
    public void MultiValue_BlocksCallsAndReturns_CarryAllValues()
    {
        var instance = Instantiate("""
            (module
              (type $pair (func (param i32 i64) (result i64 i32)))
              (func $swap (type $pair) (local.get 1) (local.get 0))
              (func (export "swap") (param i32 i64) (result i64 i32) (call $swap (local.get 0) (local.get 1)))
              (func (export "early") (param i32) (result i32 i32 i32)
                (i32.const 1) (i32.const 2) (i32.const 3)
                (if (local.get 0) (then (i32.const 7) (i32.const 8) (i32.const 9) (return)))
                (drop) (i32.const 4))
              (func (export "block-params") (result i32)
                (i32.const 5) (i32.const 6)
                (block (param i32 i32) (result i32) (i32.mul))
                (loop (param i32) (result i32) (i32.const 1) (i32.add))))
            """);
        var swapped = instance.Call("swap", I32(1), I64(2));
        Assert.Equal(2L, swapped[0].I64);
        Assert.Equal(1, swapped[1].I32);
        Assert.Equal([7, 8, 9], instance.Call("early", I32(1)).Select(v => v.I32));
        Assert.Equal([1, 2, 4], instance.Call("early", I32(0)).Select(v => v.I32));
        Assert.Equal(31, instance.CallI32("block-params"));
    }

    [Fact]
    public void Unreachable_ThenDeadCode_TrapsWithFunctionName()
    {
        var instance = Instantiate("""
            (module
              (func $boom (export "boom") (result i32)
                (block (result i32) (unreachable) (i32.add) (br 0)))
              (func (export "dead-after-br") (result i32)
                (block (result i32) (br 0 (i32.const 3)) (drop) (i64.const 1) (i32.wrap_i64))))
            """);
        var trap = Assert.Throws<TrapException>(() => instance.Call("boom"));
        Assert.Equal(TrapKind.Unreachable, trap.Kind);
        Assert.Equal("boom", trap.FunctionName);
        Assert.Equal(3, instance.CallI32("dead-after-br"));
    }

    [Fact]
    public void Select_TypedAndUntyped_PicksByCondition()
    {
        var instance = Instantiate("""
            (module
              (func (export "sel") (param i32) (result i64) (select (i64.const 1) (i64.const 2) (local.get 0)))
              (func (export "sel-ref") (param i32) (result i32)
                (ref.is_null (select (result externref) (ref.null extern) (ref.null extern) (local.get 0)))))
            """);
        Assert.Equal(1L, instance.CallI64("sel", I32(5)));
        Assert.Equal(2L, instance.CallI64("sel", I32(0)));
        Assert.Equal(1, instance.CallI32("sel-ref", I32(0)));
    }

    [Fact]
    public void Recursion_Unbounded_TrapsWithCallStackExhausted()
    {
        var instance = Instantiate("""
            (module
              (func $r (export "r") (param i64) (result i64) (i64.add (call $r (local.get 0)) (i64.const 1))))
            """);
        var trap = Assert.Throws<TrapException>(() => instance.Call("r", I64(0)));
        Assert.Equal(TrapKind.CallStackExhausted, trap.Kind);

        // The instance and thread stay usable afterwards.
        Assert.Throws<TrapException>(() => instance.Call("r", I64(0)));
    }
}
