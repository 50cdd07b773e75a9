using NomadWasm.Wasm.Model;
using NomadWasm.Wasm.Runtime;
using NomadWasm.Wasm.Runtime.Traps;
using static NomadWasm.Wasm.Tests.Runtime.TestModules;

namespace NomadWasm.Wasm.Tests.Runtime;

public sealed class TableTests
{
    private const string Module = """
        (module
          (type $ii (func (param i32) (result i32)))
          (type $v (func))
          (table $t (export "t") 4 10 funcref)
          (table $e 2 externref)
          (func $inc (type $ii) (i32.add (local.get 0) (i32.const 1)))
          (func $dbl (type $ii) (i32.mul (local.get 0) (i32.const 2)))
          (func $nop (type $v))
          (elem (table $t) (i32.const 0) func $inc $dbl $nop)
          (elem $passive func $dbl $inc)
          (elem declare func $nop)
          (func (export "call") (param i32 i32) (result i32) (call_indirect $t (type $ii) (local.get 1) (local.get 0)))
          (func (export "size") (result i32) (table.size $t))
          (func (export "grow") (param i32) (result i32) (table.grow $t (ref.func $nop) (local.get 0)))
          (func (export "init") (param i32 i32 i32) (table.init $t $passive (local.get 0) (local.get 1) (local.get 2)))
          (func (export "drop") (elem.drop $passive))
          (func (export "copy") (param i32 i32 i32) (table.copy $t $t (local.get 0) (local.get 1) (local.get 2)))
          (func (export "fill") (param i32 i32) (table.fill $t (local.get 0) (ref.null func) (local.get 1)))
          (func (export "is-null") (param i32) (result i32) (ref.is_null (table.get $t (local.get 0))))
          (func (export "set-ext") (param i32 externref) (table.set $e (local.get 0) (local.get 1)))
          (func (export "get-ext") (param i32) (result externref) (table.get $e (local.get 0))))
        """;

    [Fact]
    public void CallIndirect_Entries_CallAndTrapBySpec()
    {
        var instance = Instantiate(Module);
        Assert.Equal(11, instance.CallI32("call", I32(0), I32(10)));
        Assert.Equal(20, instance.CallI32("call", I32(1), I32(10)));
        Assert.Equal(TrapKind.IndirectCallTypeMismatch, Assert.Throws<TrapException>(() => instance.Call("call", I32(2), I32(0))).Kind);
        Assert.Equal(TrapKind.UninitializedElement, Assert.Throws<TrapException>(() => instance.Call("call", I32(3), I32(0))).Kind);
        Assert.Equal(TrapKind.UndefinedElement, Assert.Throws<TrapException>(() => instance.Call("call", I32(4), I32(0))).Kind);
    }

    [Fact]
    public void TableOps_InitCopyFillGrow_FollowSpec()
    {
        var instance = Instantiate(Module);
        instance.Call("init", I32(2), I32(0), I32(2));
        Assert.Equal(6, instance.CallI32("call", I32(2), I32(3)));
        Assert.Equal(4, instance.CallI32("call", I32(3), I32(3)));
        Assert.Equal(TrapKind.TableOutOfBounds, Assert.Throws<TrapException>(() => instance.Call("init", I32(3), I32(0), I32(2))).Kind);
        instance.Call("drop");
        Assert.Throws<TrapException>(() => instance.Call("init", I32(0), I32(0), I32(1)));
        instance.Call("copy", I32(0), I32(2), I32(2));
        Assert.Equal(6, instance.CallI32("call", I32(0), I32(3)));
        instance.Call("fill", I32(1), I32(3));
        Assert.Equal(1, instance.CallI32("is-null", I32(3)));
        Assert.Equal(TrapKind.TableOutOfBounds, Assert.Throws<TrapException>(() => instance.Call("is-null", I32(4))).Kind);
        Assert.Equal(4, instance.CallI32("grow", I32(2)));
        Assert.Equal(6, instance.CallI32("size"));
        Assert.Equal(-1, instance.CallI32("grow", I32(5)));
        Assert.Equal(0, instance.CallI32("is-null", I32(5)));
    }

    [Fact]
    public void ExternRefTable_HostObjects_RoundTrip()
    {
        var instance = Instantiate(Module);
        var token = new object();
        instance.Call("set-ext", I32(1), Value.FromRef(ValType.ExternRef, token));
        Assert.Same(token, instance.Call("get-ext", I32(1))[0].Ref);
        Assert.Null(instance.Call("get-ext", I32(0))[0].Ref);
    }

    [Fact]
    public void ExportedTable_HostView_SeesFunctions()
    {
        var instance = Instantiate(Module);
        var table = instance.GetTable("t")!;
        var f = Assert.IsType<Function>(table.Get(1).Ref);
        Assert.Equal(14, f.Invoke(I32(7))[0].I32);
        Assert.Equal(TrapKind.TableOutOfBounds, Assert.Throws<TrapException>(() => table.Get(99)).Kind);
    }

    [Fact]
    public void Instantiate_ElementSegmentOutOfBounds_TrapsKeepingEarlierWrites()
    {
        var shared = new Table(new TableType(ValType.FuncRef, new Limits(3, null)));
        var module = Compile("""
            (module (import "env" "t" (table 3 funcref))
              (func $f) (elem (i32.const 0) $f) (elem (i32.const 2) $f $f))
            """);
        var linker = new Linker(SharedEngine).DefineTable("env", "t", shared);
        var trap = Assert.Throws<TrapException>(() => linker.Prepare(module).Instantiate(new Store(SharedEngine)));
        Assert.Equal(TrapKind.TableOutOfBounds, trap.Kind);
        Assert.NotNull(shared.Get(0).Ref);
        Assert.Null(shared.Get(2).Ref);
    }

    [Fact]
    public void LazyTable_SharedAndOverwritten_BehavesLikeEagerTable()
    {
        var store = new Store(SharedEngine);
        var owner = Instantiate(
            """
            (module
              (type $r (func (result i32)))
              (table (export "t") 3 funcref)
              (func $one (result i32) (i32.const 1))
              (func $two (result i32) (i32.const 2))
              (elem (i32.const 0) $one $two)
              (func (export "clear") (param i32) (table.set 0 (local.get 0) (ref.null func)))
              (func (export "call") (param i32) (result i32) (call_indirect (type $r) (local.get 0))))
            """,
            store: store);
        var user = new Linker(SharedEngine).DefineInstance("o", owner).Prepare(Compile("""
            (module
              (type $r (func (result i32)))
              (import "o" "t" (table 3 funcref))
              (func (export "call") (param i32) (result i32) (call_indirect (type $r) (local.get 0))))
            """)).Instantiate(store);
        Assert.Equal(2, user.CallI32("call", I32(1)));
        owner.Call("clear", I32(0));
        Assert.Equal(TrapKind.UninitializedElement, Assert.Throws<TrapException>(() => user.Call("call", I32(0))).Kind);
        Assert.Equal(TrapKind.UninitializedElement, Assert.Throws<TrapException>(() => owner.Call("call", I32(2))).Kind);
        var viaTable = Assert.IsType<Function>(owner.GetTable("t")!.Get(1).Ref);
        Assert.Same(viaTable, owner.GetTable("t")!.Get(1).Ref);
        Assert.Equal(2, viaTable.Invoke()[0].I32);
    }
}
