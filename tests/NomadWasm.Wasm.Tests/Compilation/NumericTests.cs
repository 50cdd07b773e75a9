using NomadWasm.Wasm.Runtime;
using NomadWasm.Wasm.Runtime.Traps;
using static NomadWasm.Wasm.Tests.Runtime.TestModules;

namespace NomadWasm.Wasm.Tests.Compilation;

public sealed class NumericTests
{
    private static readonly Lazy<Instance> Ops = new(() => Instantiate("""
        (module
          (func (export "i32.div_s") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1)))
          (func (export "i32.div_u") (param i32 i32) (result i32) (i32.div_u (local.get 0) (local.get 1)))
          (func (export "i32.rem_s") (param i32 i32) (result i32) (i32.rem_s (local.get 0) (local.get 1)))
          (func (export "i32.rem_u") (param i32 i32) (result i32) (i32.rem_u (local.get 0) (local.get 1)))
          (func (export "i64.div_s") (param i64 i64) (result i64) (i64.div_s (local.get 0) (local.get 1)))
          (func (export "i64.rem_s") (param i64 i64) (result i64) (i64.rem_s (local.get 0) (local.get 1)))
          (func (export "i32.shl") (param i32 i32) (result i32) (i32.shl (local.get 0) (local.get 1)))
          (func (export "i32.shr_u") (param i32 i32) (result i32) (i32.shr_u (local.get 0) (local.get 1)))
          (func (export "i64.shr_s") (param i64 i64) (result i64) (i64.shr_s (local.get 0) (local.get 1)))
          (func (export "i32.rotl") (param i32 i32) (result i32) (i32.rotl (local.get 0) (local.get 1)))
          (func (export "i64.rotr") (param i64 i64) (result i64) (i64.rotr (local.get 0) (local.get 1)))
          (func (export "i32.clz") (param i32) (result i32) (i32.clz (local.get 0)))
          (func (export "i32.ctz") (param i32) (result i32) (i32.ctz (local.get 0)))
          (func (export "i64.popcnt") (param i64) (result i64) (i64.popcnt (local.get 0)))
          (func (export "i32.lt_u") (param i32 i32) (result i32) (i32.lt_u (local.get 0) (local.get 1)))
          (func (export "i32.ge_s") (param i32 i32) (result i32) (i32.ge_s (local.get 0) (local.get 1)))
          (func (export "i64.le_u") (param i64 i64) (result i32) (i64.le_u (local.get 0) (local.get 1)))
          (func (export "i32.extend8_s") (param i32) (result i32) (i32.extend8_s (local.get 0)))
          (func (export "i64.extend32_s") (param i64) (result i64) (i64.extend32_s (local.get 0)))
          (func (export "f32.min") (param f32 f32) (result f32) (f32.min (local.get 0) (local.get 1)))
          (func (export "f64.max") (param f64 f64) (result f64) (f64.max (local.get 0) (local.get 1)))
          (func (export "f32.neg") (param f32) (result f32) (f32.neg (local.get 0)))
          (func (export "f64.abs") (param f64) (result f64) (f64.abs (local.get 0)))
          (func (export "f32.copysign") (param f32 f32) (result f32) (f32.copysign (local.get 0) (local.get 1)))
          (func (export "f64.nearest") (param f64) (result f64) (f64.nearest (local.get 0)))
          (func (export "f32.ge") (param f32 f32) (result i32) (f32.ge (local.get 0) (local.get 1)))
          (func (export "f64.ne") (param f64 f64) (result i32) (f64.ne (local.get 0) (local.get 1)))
          (func (export "f32.const.nan") (result f32) (f32.const nan:0x200001))
          (func (export "f64.const.nan") (result f64) (f64.const -nan:0x4000000000001)))
        """));

    public static TheoryData<string, int, int, int> I32Cases => new()
    {
        { "i32.div_s", 7, -2, -3 },
        { "i32.div_u", -1, 2, int.MaxValue },
        { "i32.rem_s", int.MinValue, -1, 0 },
        { "i32.rem_s", -7, 2, -1 },
        { "i32.rem_u", -1, 10, 5 },
        { "i32.shl", 1, 33, 2 },
        { "i32.shr_u", -1, 36, 0x0FFFFFFF },
        { "i32.rotl", unchecked((int)0x80000001), 1, 3 },
        { "i32.lt_u", 1, -1, 1 },
        { "i32.ge_s", 1, -1, 1 },
    };

    [Theory]
    [MemberData(nameof(I32Cases))]
    public void I32Binary_Values_MatchSpec(string op, int a, int b, int expected) =>
        Assert.Equal(expected, Ops.Value.CallI32(op, I32(a), I32(b)));

    [Theory]
    [InlineData("i32.clz", 0, 32)]
    [InlineData("i32.clz", 1, 31)]
    [InlineData("i32.ctz", 0, 32)]
    [InlineData("i32.ctz", 0x80, 7)]
    [InlineData("i32.extend8_s", 0x80, -128)]
    public void I32Unary_Values_MatchSpec(string op, int a, int expected) =>
        Assert.Equal(expected, Ops.Value.CallI32(op, I32(a)));

    [Theory]
    [InlineData("i64.div_s", -9, 2, -4)]
    [InlineData("i64.rem_s", long.MinValue, -1, 0)]
    [InlineData("i64.shr_s", -256, 68, -16)]
    [InlineData("i64.rotr", 1, 1, long.MinValue)]
    public void I64Binary_Values_MatchSpec(string op, long a, long b, long expected) =>
        Assert.Equal(expected, Ops.Value.CallI64(op, I64(a), I64(b)));

    [Fact]
    public void I64Unary_PopcntAndExtend_MatchSpec()
    {
        Assert.Equal(64L, Ops.Value.CallI64("i64.popcnt", I64(-1)));
        Assert.Equal(-1L, Ops.Value.CallI64("i64.extend32_s", I64(0xFFFFFFFF)));
        Assert.Equal(1, Ops.Value.CallI32("i64.le_u", I64(5), I64(-1)));
    }

    [Theory]
    [InlineData("i32.div_s", 1, 0, TrapKind.IntegerDivideByZero)]
    [InlineData("i32.div_s", int.MinValue, -1, TrapKind.IntegerOverflow)]
    [InlineData("i32.rem_u", 1, 0, TrapKind.IntegerDivideByZero)]
    public void I32Division_BadOperands_Trap(string op, int a, int b, TrapKind kind)
    {
        var trap = Assert.Throws<TrapException>(() => Ops.Value.Call(op, I32(a), I32(b)));
        Assert.Equal(kind, trap.Kind);
        Assert.StartsWith(kind.Message(), trap.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void I64DivS_MinByMinusOne_TrapsWithOverflow() =>
        Assert.Equal(TrapKind.IntegerOverflow, Assert.Throws<TrapException>(() => Ops.Value.Call("i64.div_s", I64(long.MinValue), I64(-1))).Kind);

    [Fact]
    public void FloatMinMax_SignedZeroAndNaN_FollowSpec()
    {
        var min = Ops.Value.Call("f32.min", F32(0.0f), F32(-0.0f))[0];
        Assert.Equal(0x80000000u, min.F32Bits);
        var max = Ops.Value.Call("f64.max", F64(-0.0), F64(0.0))[0];
        Assert.Equal(0UL, max.F64Bits);
        var nan = Ops.Value.Call("f32.min", Value.FromF32Bits(0x7FA00000), F32(1))[0];
        Assert.True(float.IsNaN(nan.F32));
        Assert.Equal(0x00400000u, nan.F32Bits & 0x00400000u); // arithmetic NaN (quiet bit set)
    }

    [Fact]
    public void FloatBitOps_SignallingNaN_PayloadPreserved()
    {
        Assert.Equal(0xFFA00001u, Ops.Value.Call("f32.neg", Value.FromF32Bits(0x7FA00001))[0].F32Bits);
        Assert.Equal(0x7FF4000000000001UL, Ops.Value.Call("f64.abs", Value.FromF64Bits(0xFFF4000000000001))[0].F64Bits);
        Assert.Equal(0xFFA00001u, Ops.Value.Call("f32.copysign", Value.FromF32Bits(0x7FA00001), F32(-1))[0].F32Bits);
    }

    [Fact]
    public void FloatConstants_NaNPayload_Preserved()
    {
        Assert.Equal(0x7FA00001u, Ops.Value.Call("f32.const.nan")[0].F32Bits);
        Assert.Equal(0xFFF4000000000001UL, Ops.Value.Call("f64.const.nan")[0].F64Bits);
    }

    [Theory]
    [InlineData(2.5, 2.0)]
    [InlineData(3.5, 4.0)]
    [InlineData(-0.5, -0.0)]
    [InlineData(4503599627370495.5, 4503599627370496.0)]
    public void F64Nearest_Halfway_RoundsToEven(double input, double expected) =>
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(Ops.Value.Call("f64.nearest", F64(input))[0].F64));

    [Fact]
    public void FloatCompare_NaNOperands_Unordered()
    {
        Assert.Equal(0, Ops.Value.CallI32("f32.ge", F32(float.NaN), F32(1)));
        Assert.Equal(1, Ops.Value.CallI32("f32.ge", F32(1), F32(1)));
        Assert.Equal(1, Ops.Value.CallI32("f64.ne", F64(double.NaN), F64(double.NaN)));
    }
}
