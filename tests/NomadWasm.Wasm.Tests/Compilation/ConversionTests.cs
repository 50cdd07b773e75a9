using NomadWasm.Wasm.Runtime;
using NomadWasm.Wasm.Runtime.Traps;
using static NomadWasm.Wasm.Tests.Runtime.TestModules;

namespace NomadWasm.Wasm.Tests.Compilation;

public sealed class ConversionTests
{
    private static readonly Lazy<Instance> Ops = new(() => Instantiate("""
        (module
          (func (export "i32.trunc_f32_s") (param f32) (result i32) (i32.trunc_f32_s (local.get 0)))
          (func (export "i32.trunc_f64_u") (param f64) (result i32) (i32.trunc_f64_u (local.get 0)))
          (func (export "i64.trunc_f64_s") (param f64) (result i64) (i64.trunc_f64_s (local.get 0)))
          (func (export "i64.trunc_f32_u") (param f32) (result i64) (i64.trunc_f32_u (local.get 0)))
          (func (export "i32.trunc_sat_f32_s") (param f32) (result i32) (i32.trunc_sat_f32_s (local.get 0)))
          (func (export "i64.trunc_sat_f64_u") (param f64) (result i64) (i64.trunc_sat_f64_u (local.get 0)))
          (func (export "f32.convert_i64_s") (param i64) (result f32) (f32.convert_i64_s (local.get 0)))
          (func (export "f32.convert_i64_u") (param i64) (result f32) (f32.convert_i64_u (local.get 0)))
          (func (export "f64.convert_i64_u") (param i64) (result f64) (f64.convert_i64_u (local.get 0)))
          (func (export "f32.convert_i32_u") (param i32) (result f32) (f32.convert_i32_u (local.get 0)))
          (func (export "roundtrip") (param f32) (result f32) (f32.reinterpret_i32 (i32.reinterpret_f32 (local.get 0)))))
        """));

    [Theory]
    [InlineData("i32.trunc_f32_s", float.NaN, TrapKind.InvalidConversionToInteger)]
    [InlineData("i32.trunc_f32_s", 2147483648.0f, TrapKind.IntegerOverflow)]
    [InlineData("i32.trunc_f32_s", -2147483904.0f, TrapKind.IntegerOverflow)]
    [InlineData("i64.trunc_f32_u", -1.0f, TrapKind.IntegerOverflow)]
    public void TruncF32_OutOfRange_Traps(string op, float input, TrapKind kind) =>
        Assert.Equal(kind, Assert.Throws<TrapException>(() => Ops.Value.Call(op, F32(input))).Kind);

    [Theory]
    [InlineData("i32.trunc_f64_u", 4294967296.0, TrapKind.IntegerOverflow)]
    [InlineData("i64.trunc_f64_s", 9223372036854775808.0, TrapKind.IntegerOverflow)]
    [InlineData("i64.trunc_f64_s", double.NaN, TrapKind.InvalidConversionToInteger)]
    public void TruncF64_OutOfRange_Traps(string op, double input, TrapKind kind) =>
        Assert.Equal(kind, Assert.Throws<TrapException>(() => Ops.Value.Call(op, F64(input))).Kind);

    [Fact]
    public void Trunc_Boundaries_Convert()
    {
        Assert.Equal(int.MinValue, Ops.Value.CallI32("i32.trunc_f32_s", F32(-2147483648.0f)));
        Assert.Equal(-1, Ops.Value.CallI32("i32.trunc_f64_u", F64(4294967295.9)));
        Assert.Equal(0, Ops.Value.CallI32("i32.trunc_f64_u", F64(-0.99)));
        Assert.Equal(long.MinValue, Ops.Value.CallI64("i64.trunc_f64_s", F64(-9223372036854775808.0)));
    }

    [Fact]
    public void TruncSat_OutOfRange_Saturates()
    {
        Assert.Equal(int.MaxValue, Ops.Value.CallI32("i32.trunc_sat_f32_s", F32(1e10f)));
        Assert.Equal(int.MinValue, Ops.Value.CallI32("i32.trunc_sat_f32_s", F32(float.NegativeInfinity)));
        Assert.Equal(0, Ops.Value.CallI32("i32.trunc_sat_f32_s", F32(float.NaN)));
        Assert.Equal(-1L, Ops.Value.CallI64("i64.trunc_sat_f64_u", F64(1e30)));
        Assert.Equal(0L, Ops.Value.CallI64("i64.trunc_sat_f64_u", F64(-5)));
    }

    [Theory]
    [InlineData("f32.convert_i64_s", 9007199791611905L, 9007200328482816.0f)]
    [InlineData("f32.convert_i64_s", -9007199791611905L, -9007200328482816.0f)]
    [InlineData("f32.convert_i64_u", -9223371487098961919L, 9223373136366403584.0f)]
    [InlineData("f32.convert_i64_u", 0x0020000020000001L, 9007200328482816.0f)]
    [InlineData("f32.convert_i64_u", -1L, 18446744073709551616.0f)]
    public void ConvertI64ToF32_RoundsOnce(string op, long input, float expected) =>
        Assert.Equal(expected, Ops.Value.Call(op, I64(input))[0].F32);

    [Theory]
    [InlineData(-1L, 18446744073709551616.0)]
    [InlineData(-9223372036854774783L, 9223372036854777856.0)]
    [InlineData(9007199254740993L, 9007199254740992.0)]
    public void F64ConvertI64U_LargeValues_RoundCorrectly(long input, double expected) =>
        Assert.Equal(expected, Ops.Value.Call("f64.convert_i64_u", I64(input))[0].F64);

    [Fact]
    public void F32ConvertI32U_MaxValue_Rounds() =>
        Assert.Equal(4294967296.0f, Ops.Value.Call("f32.convert_i32_u", I32(-1))[0].F32);

    [Fact]
    public void Reinterpret_SignallingNaN_KeepsBits() =>
        Assert.Equal(0x7F800001u, Ops.Value.Call("roundtrip", Value.FromF32Bits(0x7F800001))[0].F32Bits);
}
