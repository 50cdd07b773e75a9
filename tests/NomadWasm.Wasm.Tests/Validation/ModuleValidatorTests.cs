using NomadWasm.Wasm.Decoding;
using NomadWasm.Wasm.Model;
using NomadWasm.Wasm.Tests.Support;
using NomadWasm.Wasm.Validation;

namespace NomadWasm.Wasm.Tests.Validation;

public sealed class ModuleValidatorTests
{
    /// <summary>Invalid modules (compiled with wat2wasm --no-check) and the spec reason each must fail with.</summary>
    public static TheoryData<string, string> InvalidModules => new()
    {
        // i64 result where i32 is declared.
        { "(func (result i32) (i64.const 1))", "type mismatch" },
        // Operand stack underflow.
        { "(func (result i32) (i32.add (i32.const 1)))", "type mismatch" },
        // Value left over at function end.
        { "(func (i32.const 1))", "type mismatch" },
        // Local index out of range.
        { "(func (local i32) (local.set 1 (i32.const 0)))", "unknown local" },
        // Call to a missing function.
        { "(func (call 7))", "unknown function" },
        // Global index out of range.
        { "(func (drop (global.get 0)))", "unknown global" },
        // Setting an immutable global.
        { "(global i32 (i32.const 0)) (func (global.set 0 (i32.const 1)))", "global is immutable" },
        // Branch past the function frame.
        { "(func (br 1))", "unknown label" },
        // Load without a memory.
        { "(func (drop (i32.load (i32.const 0))))", "unknown memory" },
        // Alignment 2^3 on a 4-byte load.
        { "(memory 1) (func (drop (i32.load align=8 (i32.const 0))))", "alignment must not be larger than natural" },
        // Table access without a table.
        { "(func (drop (table.get 0 (i32.const 0))))", "unknown table" },
        // call_indirect with a type index that does not exist.
        { "(table 1 funcref) (func (call_indirect (type 9) (i32.const 0)))", "unknown type" },
        // if without else whose result needs a value.
        { "(func (result i32) (if (result i32) (i32.const 1) (then (i32.const 1))))", "type mismatch" },
        // br_table targets of different arity.
        { "(func (block (result i32) (block (br_table 0 1 (i32.const 0) (i32.const 0))) (i32.const 0)) (drop))", "type mismatch" },
        // Untyped select of references.
        { "(func (drop (select (ref.null func) (ref.null func) (i32.const 1))))", "type mismatch" },
        // select operands of different types.
        { "(func (drop (select (i32.const 1) (i64.const 1) (i32.const 1))))", "type mismatch" },
        // ref.func of a function not declared in an element segment, export or global.
        { "(func $f) (func (drop (ref.func $f)))", "undeclared function reference" },
        // memory.init on a missing data segment.
        { "(memory 1) (data \"a\") (func (memory.init 3 (i32.const 0) (i32.const 0) (i32.const 0)))", "unknown data segment" },
        // elem.drop on a missing element segment.
        { "(func (elem.drop 0))", "unknown elem segment" },
        // table.init between funcref segment and externref table.
        { "(table 1 externref) (elem funcref (ref.null func)) (func (table.init 0 0 (i32.const 0) (i32.const 0) (i32.const 0)))", "type mismatch" },
        // Non-constant global initializer.
        { "(global i32 (i32.add (i32.const 1) (i32.ctz (i32.const 1))))", "constant expression required" },
        // Global initializer reading a mutable imported global.
        { "(import \"m\" \"g\" (global (mut i32))) (global i32 (global.get 0))", "constant expression required" },
        // Global initializer reading a defined global (only imports are visible in Wasm 2.0).
        { "(global i32 (i32.const 0)) (global i32 (global.get 0))", "unknown global" },
        // Global initializer of the wrong type.
        { "(global i32 (i64.const 0))", "type mismatch" },
        // Two exports with one name.
        { "(func) (export \"a\" (func 0)) (export \"a\" (func 0))", "duplicate export name" },
        // Two memories.
        { "(memory 1) (memory 1)", "multiple memories" },
        // Memory larger than 4 GiB.
        { "(memory 65537)", "memory size must be at most 65536 pages (4GiB)" },
        // Table minimum above maximum.
        { "(table 2 1 funcref)", "size minimum must not be greater than maximum" },
        // Start function with a parameter.
        { "(func (param i32)) (start 0)", "start function" },
        // Active data segment without a memory.
        { "(data (i32.const 0) \"x\")", "unknown memory" },
        // Element segment offset of type i64.
        { "(table 1 funcref) (func) (elem (i64.const 0) 0)", "type mismatch" },
        // Typed select with two types.
        { "(func (drop (select (result i32 i32) (i32.const 1) (i32.const 1) (i32.const 1))))", "invalid result arity" },
        // Block parameter missing from the stack.
        { "(func (block (param i32)))", "type mismatch" },
    };

    [Theory]
    [MemberData(nameof(InvalidModules))]
    public void Validate_InvalidModule_ThrowsSpecReason(string fields, string reason)
    {
        var module = ModuleDecoder.Decode(WasmTools.Wat2Wasm($"(module {fields})", "--no-check"));
        var e = Assert.Throws<InvalidModuleException>(() => ModuleValidator.Validate(module));
        Assert.StartsWith(reason, e.Reason, StringComparison.Ordinal);
    }

    public static TheoryData<string> ValidModules => new()
    {
        // Multi-value block with parameters.
        "(func (result i32 i32) (i32.const 1) (i32.const 2) (block (param i32 i32) (result i32 i32)))",
        // Polymorphic stack after unreachable satisfies any result.
        "(func (result i32 f64) (unreachable))",
        // br_table after unreachable with mixed-type labels.
        "(func (result i32) (block (result i32) (unreachable) (br_table 0 0)))",
        // select on a polymorphic stack.
        "(func (result i32) (unreachable) (select))",
        // Typed select of references.
        "(func (result externref) (select (result externref) (ref.null extern) (ref.null extern) (i32.const 0)))",
        // ref.func declared through an export.
        "(func $f (export \"f\")) (func (result funcref) (ref.func $f))",
        // Bulk memory with a data count section.
        "(memory 1) (data \"ab\") (func (memory.init 0 (i32.const 0) (i32.const 0) (i32.const 2)) (data.drop 0))",
        // Extended-const global initializer over an imported global.
        "(import \"m\" \"g\" (global i32)) (global i32 (i32.add (global.get 0) (i32.mul (i32.const 2) (i32.const 3))))",
        // Table operations on externref.
        "(table 1 externref) (func (param externref) (drop (table.grow 0 (local.get 0) (i32.const 1))) (table.fill 0 (i32.const 0) (local.get 0) (i32.const 1)))",
        // Saturating truncation and sign extension.
        "(func (result i64) (i64.extend32_s (i64.trunc_sat_f64_s (f64.const 1.5))))",
        // Loop label carries the loop's parameters.
        "(func (result i32) (i32.const 3) (loop (param i32) (result i32) (br_if 0 (i32.const 0))))",
    };

    [Theory]
    [MemberData(nameof(ValidModules))]
    public void Validate_ValidModule_DoesNotThrow(string fields)
    {
        var module = ModuleDecoder.Decode(WasmTools.Wat2Wasm($"(module {fields})", "--enable-extended-const"));
        ModuleValidator.Validate(module);
    }

    [Fact]
    public void Validate_SimdInstruction_NamesTheProposal()
    {
        var module = ModuleDecoder.Decode(WasmTools.Wat2Wasm("(module (func (result i32) (i32x4.extract_lane 0 (v128.const i32x4 1 2 3 4))))"));
        var e = Assert.Throws<MalformedModuleException>(() => ModuleValidator.Validate(module));
        Assert.Contains("SIMD proposal not supported", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TailCall_NamesTheProposal()
    {
        var module = ModuleDecoder.Decode(WasmTools.Wat2Wasm("(module (func $f) (func (return_call $f)))", "--enable-tail-call"));
        var e = Assert.Throws<MalformedModuleException>(() => ModuleValidator.Validate(module));
        Assert.Contains("tail call proposal not supported", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MemoryInitWithoutDataCount_DataCountSectionRequired()
    {
        // Type, function, memory, code (memory.init 0), data: no data count section.
        var bytes = WasmTools.Hex("0061736d01000000 0104016000 00 03020100 0503010000 0a0e010c00 410041004100fc0800000b 0b03010100");
        var module = ModuleDecoder.Decode(bytes);
        var e = Assert.Throws<MalformedModuleException>(() => ModuleValidator.Validate(module));
        Assert.Equal("data count section required", e.Reason);
    }

    [Fact]
    public void Validate_InvalidFunction_ReportsFunctionIndexAndOffset()
    {
        var wasm = WasmTools.Wat2Wasm("(module (import \"m\" \"f\" (func)) (func) (func (result i32) (i64.const 0)))", "--no-check");
        var module = ModuleDecoder.Decode(wasm);
        var e = Assert.Throws<InvalidModuleException>(() => ModuleValidator.Validate(module));
        Assert.Equal(2, e.FunctionIndex);
        Assert.InRange(e.Offset, module.Codes[1].CodeOffset, module.Codes[1].CodeOffset + module.Codes[1].Code.Length);
        Assert.Contains("func[2]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_InvalidThenMalformedBody_MalformedWins()
    {
        // func 0 is invalid (i64 for i32 result); func 1 has an illegal opcode 0xff.
        var bytes = WasmTools.Hex("0061736d01000000 0108 02 6000017f 6000 00 0303 02 00 01 0a09 02 04 00 42000b 02 00ff");
        var module = ModuleDecoder.Decode(bytes);
        var e = Assert.Throws<MalformedModuleException>(() => ModuleValidator.Validate(module));
        Assert.StartsWith("illegal opcode", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ValidatorReused_LargeThenSmallFunctions()
    {
        var module = ModuleDecoder.Decode(WasmTools.Wat2Wasm("""
            (module
              (func (local i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i64)
                (local.set 33 (i64.const 1)))
              (func (param i64) (local.set 0 (i64.const 2))))
            """));
        ModuleValidator.Validate(module);
        Assert.Equal(ValType.I64, module.Codes[0].Locals[^1].Type);
    }
}
