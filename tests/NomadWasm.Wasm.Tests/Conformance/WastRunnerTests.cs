using NomadWasm.Cli.Wast;
using NomadWasm.Wasm.Model;
using NomadWasm.Wasm.Runtime;
using NomadWasm.Wasm.Tests.Support;

namespace NomadWasm.Wasm.Tests.Conformance;

public sealed class WastRunnerTests
{
    public static TheoryData<ValType, string, ulong, bool> NanPatterns => new()
    {
        // f32 canonical NaN, positive.
        { ValType.F32, "nan:canonical", 0x7FC0_0000, true },
        // f32 canonical NaN, negative: the sign is free.
        { ValType.F32, "nan:canonical", 0xFFC0_0000, true },
        // f32 arithmetic but not canonical (payload bit 0 set).
        { ValType.F32, "nan:canonical", 0x7FC0_0001, false },
        // Same value is an arithmetic NaN.
        { ValType.F32, "nan:arithmetic", 0x7FC0_0001, true },
        // Signalling NaN (quiet bit clear) is not arithmetic.
        { ValType.F32, "nan:arithmetic", 0x7FA0_0000, false },
        // Infinity is no NaN.
        { ValType.F32, "nan:arithmetic", 0x7F80_0000, false },
        // f64 canonical NaN.
        { ValType.F64, "nan:canonical", 0x7FF8_0000_0000_0000, true },
        // f64 arithmetic NaN with payload.
        { ValType.F64, "nan:arithmetic", 0xFFF8_0000_0000_0001, true },
        // f64 signalling NaN.
        { ValType.F64, "nan:arithmetic", 0x7FF4_0000_0000_0000, false },
        // Exact bits: -0.0 is not +0.0.
        { ValType.F32, "0", 0x8000_0000, false },
        // Exact bits: a specific NaN payload must match exactly.
        { ValType.F32, "2143289345", 0x7FC0_0001, true },
    };

    [Theory]
    [MemberData(nameof(NanPatterns))]
    public void WastValue_Matches_FollowsSpecNanRules(ValType type, string text, ulong bits, bool expected)
    {
        var actual = type == ValType.F32 ? Value.FromF32Bits((uint)bits) : Value.FromF64Bits(bits);
        Assert.Equal(expected, new WastValue(type, text).Matches(actual, new ExternRefs()));
    }

    [Fact]
    public void WastValue_ExternRef_SameNumberIsSameObject()
    {
        var externs = new ExternRefs();
        var three = new WastValue(ValType.ExternRef, "3").ToValue(externs);
        Assert.True(new WastValue(ValType.ExternRef, "3").Matches(three, externs));
        Assert.False(new WastValue(ValType.ExternRef, "4").Matches(three, externs));
        Assert.False(new WastValue(ValType.ExternRef, "null").Matches(three, externs));
    }

    [Fact]
    public void Run_ScriptWithWrongExpectations_CountsAndReportsEachFailure()
    {
        var result = RunScript("""
            (module
              (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
              (func (export "trap") (unreachable)))
            (assert_return (invoke "add" (i32.const 1) (i32.const 2)) (i32.const 3))
            (assert_return (invoke "add" (i32.const 1) (i32.const 2)) (i32.const 4))
            (assert_trap (invoke "trap") "unreachable")
            (assert_trap (invoke "add" (i32.const 0) (i32.const 0)) "unreachable")
            (assert_invalid (module (func (result i32) (i64.const 0))) "type mismatch")
            (assert_invalid (module (func (result i32) (i32.const 0))) "type mismatch")
            (assert_malformed (module quote "(func") "unexpected token")
            (assert_unlinkable (module (import "nowhere" "f" (func))) "unknown import")
            """, out var output);

        Assert.Equal(new WastResult(Passed: 5, Failed: 3, Skipped: 1), result);
        Assert.Contains("script.wast:5: assert_return \"add\": expected [i32:4], got [i32:3]", output, StringComparison.Ordinal);
        Assert.Contains("script.wast:7:", output, StringComparison.Ordinal);
        Assert.Contains("script.wast:9: assert_invalid: expected \"type mismatch\", got success", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_SpectestAndRegister_LinkAcrossModules()
    {
        var result = RunScript("""
            (module $a
              (import "spectest" "print_i32" (func $print (param i32)))
              (import "spectest" "global_i32" (global $g i32))
              (import "spectest" "memory" (memory 1 2))
              (import "spectest" "table" (table 10 20 funcref))
              (func (export "g") (result i32) (call $print (global.get $g)) (global.get $g)))
            (register "a" $a)
            (module (import "a" "g" (func $g (result i32))) (func (export "twice") (result i32) (i32.add (call $g) (call $g))))
            (assert_return (invoke "twice") (i32.const 1332))
            (assert_return (invoke $a "g") (i32.const 666))
            """, out var output);

        Assert.True(result.Failed == 0, output);
        Assert.Equal(5, result.Passed);
    }

    private static WastResult RunScript(string wast, out string output)
    {
        var dir = Directory.CreateTempSubdirectory("nomadwasm-runner-");
        try
        {
            var source = Path.Combine(dir.FullName, "script.wast");
            File.WriteAllText(source, wast);
            WasmTools.Run("wast2json", [source, "-o", Path.Combine(dir.FullName, "script.json")]);
            using var writer = new StringWriter();
            var result = WastRunner.Run(Path.Combine(dir.FullName, "script.json"), writer);
            output = writer.ToString();
            return result;
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
