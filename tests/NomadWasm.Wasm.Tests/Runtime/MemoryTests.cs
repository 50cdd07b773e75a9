using NomadWasm.Wasm.Model;
using NomadWasm.Wasm.Runtime;
using NomadWasm.Wasm.Runtime.Traps;
using static NomadWasm.Wasm.Tests.Runtime.TestModules;

namespace NomadWasm.Wasm.Tests.Runtime;

public sealed class MemoryTests
{
    private const string Module = """
        (module
          (memory (export "mem") 1 3)
          (data (i32.const 8) "\01\02\03\04")
          (data $p "hello")
          (func (export "load") (param i32) (result i32) (i32.load offset=4 (local.get 0)))
          (func (export "load8") (param i32) (result i32) (i32.load8_s (local.get 0)))
          (func (export "store") (param i32 i64) (i64.store (local.get 0) (local.get 1)))
          (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
          (func (export "size") (result i32) (memory.size))
          (func (export "fill") (param i32 i32 i32) (memory.fill (local.get 0) (local.get 1) (local.get 2)))
          (func (export "copy") (param i32 i32 i32) (memory.copy (local.get 0) (local.get 1) (local.get 2)))
          (func (export "init") (param i32 i32 i32) (memory.init $p (local.get 0) (local.get 1) (local.get 2)))
          (func (export "drop") (data.drop $p))
          (func (export "f32rt") (param i32 f32) (result f32) (f32.store (local.get 0) (local.get 1)) (f32.load (local.get 0))))
        """;

    [Fact]
    public void Load_DataSegment_ReadsLittleEndian()
    {
        var instance = Instantiate(Module);
        Assert.Equal(0x04030201, instance.CallI32("load", I32(4)));
    }

    [Theory]
    [InlineData(65532, false)]
    [InlineData(65533, true)]
    [InlineData(-1, true)]
    public void Load_NearEnd_TrapsOnlyPastEnd(int address, bool traps)
    {
        var instance = Instantiate(Module);
        if (traps)
        {
            var trap = Assert.Throws<TrapException>(() => instance.Call("load", I32(address - 4)));
            Assert.Equal(TrapKind.MemoryOutOfBounds, trap.Kind);
        }
        else
        {
            Assert.Equal(0, instance.CallI32("load", I32(address - 4)));
        }
    }

    [Fact]
    public void Grow_WithinAndPastMaximum_ReturnsOldSizeOrMinusOne()
    {
        var instance = Instantiate(Module);
        instance.Call("store", I32(100), I64(-1));
        Assert.Equal(1, instance.CallI32("grow", I32(1)));
        Assert.Equal(2, instance.CallI32("size"));
        Assert.Equal(-1, instance.CallI32("grow", I32(2)));
        instance.Call("store", I32(131064), I64(0x0102030405060708));
        Assert.Equal(8, instance.CallI32("load8", I32(131064)));
        Assert.Equal(-1, instance.CallI32("load8", I32(100)));
    }

    [Fact]
    public void Grow_StoreCap_LimitsPages()
    {
        var instance = Instantiate(Module, store: new Store(SharedEngine) { MaxMemoryPages = 2 });
        Assert.Equal(1, instance.CallI32("grow", I32(1)));
        Assert.Equal(-1, instance.CallI32("grow", I32(1)));
    }

    [Fact]
    public void BulkOps_OutOfBounds_TrapBeforeWriting()
    {
        var instance = Instantiate(Module);
        var memory = instance.GetMemory("mem")!;
        Assert.Throws<TrapException>(() => instance.Call("fill", I32(65530), I32(0xAA), I32(7)));
        Assert.Equal(0, memory.Span[65530]);
        instance.Call("fill", I32(65536), I32(1), I32(0)); // zero length exactly at the end is fine
        instance.Call("fill", I32(10), I32(0x55), I32(4));
        instance.Call("copy", I32(11), I32(8), I32(4)); // overlapping copy
        Assert.Equal([1, 2, 0x55, 1, 2], memory.Span.Slice(8, 5).ToArray());
        instance.Call("init", I32(200), I32(1), I32(4));
        Assert.Equal("ello"u8.ToArray(), memory.GetSpan(200, 4).ToArray());
        Assert.Throws<TrapException>(() => instance.Call("init", I32(0), I32(2), I32(4)));
        instance.Call("drop");
        Assert.Throws<TrapException>(() => instance.Call("init", I32(0), I32(0), I32(1)));
        instance.Call("init", I32(0), I32(0), I32(0));
    }

    [Fact]
    public void F32StoreLoad_SignallingNaN_BitsSurvive()
    {
        var instance = Instantiate(Module);
        Assert.Equal(0x7F800001u, instance.Call("f32rt", I32(0), Value.FromF32Bits(0x7F800001))[0].F32Bits);
    }

    [Fact]
    public void HostApi_GetSpanAndGrow_CheckBounds()
    {
        using var memory = new Memory(new MemoryType(new Limits(1, 2)));
        Assert.Equal(65536, memory.Length);
        Assert.True(memory.TryGetSpan(65535, 1, out _));
        Assert.False(memory.TryGetSpan(65535, 2, out _));
        Assert.Equal(TrapKind.MemoryOutOfBounds, Assert.Throws<TrapException>(() => memory.GetSpan(uint.MaxValue, 2)).Kind);
        var baseBefore = memory.Base;
        Assert.Equal(1, memory.Grow(1));
        Assert.Equal(baseBefore, memory.Base);
        Assert.Equal(-1, memory.Grow(1));
        memory.GetSpan(131071, 1)[0] = 9;
    }

    [Fact]
    public void Instantiate_DataSegmentOutOfBounds_TrapsAfterEarlierSegments()
    {
        using var memory = new Memory(new MemoryType(new Limits(1, null)));
        var module = Compile("""
            (module (import "env" "mem" (memory 1))
              (data (i32.const 0) "ab")
              (data (i32.const 65535) "cd"))
            """);
        var linker = new Linker(SharedEngine).DefineMemory("env", "mem", memory);
        var trap = Assert.Throws<TrapException>(() => linker.Prepare(module).Instantiate(new Store(SharedEngine)));
        Assert.Equal(TrapKind.MemoryOutOfBounds, trap.Kind);
        Assert.Equal("ab"u8.ToArray(), memory.GetSpan(0, 2).ToArray());
    }
}
