using FsCheck;
using FsCheck.Fluent;
using NomadWasm.Wasm.Decoding;
using NomadWasm.Wasm.Tests.Support;
using NomadWasm.Wasm.Validation;

namespace NomadWasm.Wasm.Tests.Decoding;

/// <summary>
/// Random byte flips, insertions and truncations of real modules must only ever yield a module or
/// a <see cref="MalformedModuleException"/>/<see cref="InvalidModuleException"/>: no other
/// exception, no hang (bounded number of cases, a few seconds in total).
/// </summary>
public sealed class MutationPropertyTests
{
    /// <summary>3000 cases (about 2 s); set NOMADWASM_FUZZ_CASES for a longer local run.</summary>
    private static readonly int CaseCount =
        int.TryParse(Environment.GetEnvironmentVariable("NOMADWASM_FUZZ_CASES"), out var n) ? n : 3000;

    private static readonly Lazy<byte[][]> Seeds = new(() =>
    [
        WasmTools.Wat2Wasm("""
            (module $m
              (type $t (func (param i32 i64) (result i32)))
              (import "env" "f" (func $imp (param i32)))
              (import "env" "g" (global $g i32))
              (import "env" "mem" (memory 1 4))
              (table $tab 4 8 funcref)
              (table $ext 1 externref)
              (global $mut (mut i64) (i64.const -5))
              (global $ref funcref (ref.func $add))
              (func $add (export "add") (type $t)
                (local f32 f64)
                (block $b (result i32)
                  (loop $l
                    (br_if $l (i32.eqz (local.get 0)))
                    (br_table $b $b (i32.const 7) (local.get 0)))
                  (i32.const 0))
                (if (result i32) (i32.const 1) (then (i32.const 2)) (else (i32.const 3)))
                i32.add
                (i32.load offset=4 (i32.const 8))
                i32.add
                (i32.wrap_i64 (local.get 1))
                i32.add)
              (func $bulk (param i32)
                (memory.init $d (local.get 0) (i32.const 0) (i32.const 1))
                (data.drop $d)
                (memory.copy (i32.const 0) (i32.const 1) (i32.const 2))
                (memory.fill (i32.const 0) (i32.const 0) (i32.const 3))
                (table.init $tab $e (i32.const 0) (i32.const 0) (i32.const 1))
                (elem.drop $e)
                (drop (table.grow $ext (ref.null extern) (i32.const 1)))
                (drop (call_indirect $tab (type $t) (i32.const 1) (i64.const 2) (i32.const 0)))
                (drop (select (result i32) (i32.const 1) (i32.const 2) (local.get 0)))
                (drop (i32.trunc_sat_f32_s (f32.const 1.5)))
                (drop (i64.extend16_s (i64.const 9)))
                (global.set $mut (i64.const 1))
                (call $imp (global.get $g)))
              (elem $e func $add)
              (elem (table $tab) (i32.const 0) funcref (ref.func $add) (ref.null func))
              (data $d "hello")
              (data (i32.const 100) "world")
              (start $start)
              (func $start))
            """, "--debug-names"),
        WasmTools.Wat2Wasm("""
            (module
              (memory 1)
              (func $fib (export "fib") (param i64) (result i64)
                (if (result i64) (i64.lt_u (local.get 0) (i64.const 2))
                  (then (local.get 0))
                  (else (i64.add (call $fib (i64.sub (local.get 0) (i64.const 1)))
                                 (call $fib (i64.sub (local.get 0) (i64.const 2)))))))
              (func (export "mem") (param i32) (result f64)
                (f64.store (local.get 0) (f64.const 2.5))
                (f64.sqrt (f64.load (local.get 0)))))
            """),
    ]);

    [Fact]
    public void DecodeAndValidate_MutatedModules_OnlyThrowModuleExceptions()
    {
        var seeds = Seeds.Value;
        var mutation =
            from seed in Gen.Choose(0, seeds.Length - 1)
            from flips in Gen.ListOf(Gen.Two(Gen.Choose(0, 1 << 20)).Select(p => (Position: p.Item1, Value: (byte)p.Item2)))
            from cut in Gen.Choose(0, 4)
            from cutAt in Gen.Choose(0, 1 << 20)
            select Mutate(seeds[seed], flips, cut == 0 ? cutAt : -1);

        Prop.ForAll(mutation.ToArbitrary(), (Func<byte[], bool>)DecodesOrFailsCleanly)
            .Check(Config.QuickThrowOnFailure.WithMaxTest(CaseCount).WithQuietOnSuccess(true));
    }

    [Fact]
    public void DecodeAndValidate_Seeds_AreValid()
    {
        foreach (var seed in Seeds.Value)
        {
            ModuleValidator.Validate(ModuleDecoder.Decode(seed));
        }
    }

    [Fact]
    public void DecodeAndValidate_EveryTruncation_OnlyThrowsModuleExceptions()
    {
        foreach (var seed in Seeds.Value)
        {
            for (var length = 0; length < seed.Length; length++)
            {
                Assert.True(DecodesOrFailsCleanly(seed[..length]), $"truncation to {length} bytes");
            }
        }
    }

    private static byte[] Mutate(byte[] seed, IEnumerable<(int Position, byte Value)> flips, int cutAt)
    {
        var bytes = (byte[])seed.Clone();
        foreach (var (position, value) in flips)
        {
            // Keep the header intact most of the time so the mutations reach the sections.
            var index = 8 + (position % Math.Max(1, bytes.Length - 8));
            if (index < bytes.Length)
            {
                bytes[index] = value;
            }
        }

        return cutAt >= 0 ? bytes[..(cutAt % (bytes.Length + 1))] : bytes;
    }

    private static bool DecodesOrFailsCleanly(byte[] bytes)
    {
        try
        {
            ModuleValidator.Validate(ModuleDecoder.Decode(bytes));
            return true;
        }
        catch (MalformedModuleException)
        {
            return true;
        }
        catch (InvalidModuleException)
        {
            return true;
        }
    }
}
