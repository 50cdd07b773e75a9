using NomadWasm.Wasm.Decoding;
using NomadWasm.Wasm.Model;
using NomadWasm.Wasm.Tests.Support;

namespace NomadWasm.Wasm.Tests.Decoding;

public sealed class ModuleDecoderTests
{
    private const string Header = "0061736d 01000000";

    /// <summary>Whole-module byte strings and the spec reason each must fail with.</summary>
    public static TheoryData<string, string> MalformedModules => new()
    {
        // Empty input.
        { "", "unexpected end" },
        // Three bytes of the magic.
        { "006173", "unexpected end" },
        // Magic spelled backwards.
        { "6d736100 01000000", "magic header not detected" },
        // Leading UTF-8 BOM.
        { "efbbbf 0061736d 01000000", "magic header not detected" },
        // Version cut short.
        { "0061736d 0100", "unexpected end" },
        // Version 0.
        { "0061736d 00000000", "unknown binary version" },
        // Version 0x0d (the component-model layer number) is not a core version.
        { "0061736d 0d000100", "unknown binary version" },
        // Section id 13 does not exist in Wasm 2.0.
        { Header + "0d00", "malformed section id" },
        // Section id 0x7f.
        { Header + "7f00", "malformed section id" },
        // Section size larger than the whole module.
        { Header + "017f 0160", "length out of bounds" },
        // Section size past the end of the module but below its size: decoding runs out of bytes.
        { Header + "0105 0160", "unexpected end of section or function" },
        // Section size one byte larger than its contents.
        { Header + "0105 01600000", "section size mismatch" },
        // Custom section whose payload runs past the end of the module.
        { Header + "0026 10 6120637573746f6d2073656374696f6e 7468697320697320746865207061796c6f6164", "unexpected end" },
        // Export section: 2 exports declared, 1 given; the next section's bytes are read as a name length.
        { Header + "0104 01600000 0303 020000 0706 02 026631 0000 0a07 02 02000b 02000b", "unexpected end of section or function" },
        // Type section: 2 types declared, 1 given, module ends.
        { Header + "0104 02 600000", "unexpected end of section or function" },
        // Type section: 1 type declared, 2 given.
        { Header + "0107 01 600000 600000", "section size mismatch" },
        // Type section: form byte other than 0x60.
        { Header + "0104 01 610000", "malformed function type" },
        // Value type 0x7a does not exist.
        { Header + "0105 01 60017a00", "malformed value type" },
        // Import kind 5.
        { Header + "0204 01 0000 05", "malformed import kind" },
        // Import name with an invalid UTF-8 byte (0xff).
        { Header + "0205 01 01ff 00 00", "malformed UTF-8 encoding" },
        // Import name with an overlong encoding of '/' (0xc0 0xaf).
        { Header + "0206 01 02c0af 00 00", "malformed UTF-8 encoding" },
        // Import name with a UTF-16 surrogate (0xed 0xa0 0x80).
        { Header + "0207 01 03eda080 00 00", "malformed UTF-8 encoding" },
        // Name length larger than the whole module.
        { Header + "0203 01 7f00", "length out of bounds" },
        // Name length past the end of the module but below its size.
        { Header + "0203 01 0a00", "unexpected end of section or function" },
        // Global mutability byte 2.
        { Header + "0606 01 7f02 41000b", "malformed mutability" },
        // Memory limits flag 2 (threads' shared flag without max).
        { Header + "0502 01 02", "integer too large" },
        // Memory limits flag 4 (memory64).
        { Header + "0503 01 0400", "integer too large" },
        // Memory limits flag encoded as a two-byte LEB128.
        { Header + "0505 01 8100 0000", "integer representation too long" },
        // Memory section: one memory declared, none given.
        { Header + "0501 01", "unexpected end of section or function" },
        // Table element type i32 is not a reference type.
        { Header + "0404 01 7f0000", "malformed reference type" },
        // Export kind 4.
        { Header + "0705 01 0161 0400", "malformed export kind" },
        // Two start sections.
        { Header + "0801 00 0801 00", "junk after last section" },
        // Function section after the code section.
        { Header + "0a01 00 0301 00", "junk after last section" },
        // Duplicate type section.
        { Header + "0101 00 0101 00", "junk after last section" },
        // Function section with 2 entries, no code section.
        { Header + "0104 01600000 0303 020000", "function and code section have inconsistent lengths" },
        // Code section with 1 body, no function section.
        { Header + "0a04 01 02000b", "function and code section have inconsistent lengths" },
        // Data count 3, two passive segments.
        { Header + "0c01 03 0b05 02 0100 0100", "data count and data section have inconsistent lengths" },
        // Data count 1, no data section.
        { Header + "0c01 01", "data count and data section have inconsistent lengths" },
        // Data segment flags 3.
        { Header + "0b03 01 0300", "malformed data segment kind" },
        // Data segment declares 7 bytes, gives 6 and the module ends.
        { Header + "0503 010001 0b0c 01 0041030b 07 616263646566", "unexpected end of section or function" },
        // Element segment flags 8.
        { Header + "0902 01 08", "malformed elements segment kind" },
        // Element segment form 1 with element kind 1.
        { Header + "0904 01 01 01 00", "malformed element kind" },
        // Element segment form 5 with element type i32.
        { Header + "0907 01 05 7f 01 d2000b", "malformed reference type" },
        // Unknown opcode 0xd5 inside an element expression.
        { Header + "0907 01 05 70 01 d5000b", "illegal opcode" },
        // 0xffffffff + 2 locals.
        { Header + "0104 01600000 0302 0100 0a0c 01 0a 02 ffffffff0f7f 027e 0b", "too many locals" },
        // Local declarations running past the body's declared size.
        { Header + "0104 01600000 0302 0100 0a05 01 02 01 057f", "section size mismatch" },
        // Global initializer that never ends.
        { Header + "0604 01 7f00 41", "unexpected end of section or function" },
        // i32.const with a six-byte LEB128.
        { Header + "060b 01 7f00 4180808080800 0 0b", "integer representation too long" },
        // Custom section whose name runs past the section.
        { Header + "0001 05 6162636465", "unexpected end" },
        // Custom section with no bytes at all (name length missing).
        { Header + "0000", "unexpected end" },
        // Custom section name with invalid UTF-8.
        { Header + "0002 01 80", "malformed UTF-8 encoding" },
        // Two modules concatenated.
        { Header + Header, "length out of bounds" },
    };

    [Theory]
    [MemberData(nameof(MalformedModules))]
    public void Decode_MalformedModule_ThrowsSpecReason(string hex, string reason)
    {
        var e = Assert.Throws<MalformedModuleException>(() => ModuleDecoder.Decode(WasmTools.Hex(hex)));
        Assert.StartsWith(reason, e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_MalformedModule_MessageNamesSectionAndOffset()
    {
        var e = Assert.Throws<MalformedModuleException>(() => ModuleDecoder.Decode(WasmTools.Hex(Header + "0606 01 7f02 41000b")));
        Assert.Equal("global", e.Section);
        Assert.Equal(12, e.Offset);
        Assert.Contains("global section", e.Message, StringComparison.Ordinal);
        Assert.Contains("12", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_EmptyModule_HasNothing()
    {
        var module = ModuleDecoder.Decode(WasmTools.Hex(Header));
        Assert.Empty(module.Types);
        Assert.Empty(module.Codes);
        Assert.Null(module.StartFunction);
    }

    [Fact]
    public void Decode_NonMinimalLeb128_Accepted()
    {
        // Memory minimum 2 encoded in five bytes.
        var module = ModuleDecoder.Decode(WasmTools.Hex(Header + "0507 01 00 8280808000"));
        Assert.Equal(2u, module.Memories[0].Limits.Min);
    }

    [Fact]
    public void Decode_RealModule_ReadsEverySection()
    {
        var wasm = WasmTools.Wat2Wasm("""
            (module $demo
              (type $binop (func (param i32 i32) (result i32)))
              (import "env" "log" (func $log (param i32)))
              (import "env" "g" (global $g i32))
              (import "env" "mem" (memory 1 2))
              (table $t 2 funcref)
              (global $counter (mut i64) (i64.const 7))
              (func $add (type $binop) (local i64 i64 f32) (i32.add (local.get 0) (local.get 1)))
              (func $start (call $log (global.get $g)))
              (export "add" (func $add))
              (export "t" (table $t))
              (start $start)
              (elem (i32.const 0) $add $start)
              (elem declare func $add)
              (data (i32.const 16) "hello")
              (data $passive "xy"))
            """, "--debug-names");

        var module = ModuleDecoder.Decode(wasm);

        Assert.Equal(3, module.Types.Length);
        Assert.Equal(3, module.Imports.Length);
        Assert.Equal(1, module.ImportedFunctionCount);
        Assert.Equal(1, module.ImportedGlobalCount);
        Assert.Equal(1, module.ImportedMemoryCount);
        Assert.Equal(new Limits(1, 2), module.Imports[2].Memory.Limits);
        Assert.Equal(2, module.Codes.Length);
        Assert.Equal(3, module.TotalFunctionCount);
        Assert.Equal([new LocalRun(2, ValType.I64), new LocalRun(1, ValType.F32)], module.Codes[0].Locals);
        Assert.Equal(0x0B, module.Codes[0].Code.Span[^1]);
        Assert.Equal(wasm[module.Codes[0].CodeOffset], module.Codes[0].Code.Span[0]);
        Assert.Equal(2u, module.StartFunction);
        Assert.Equal(2, module.Elements.Length);
        Assert.Equal(SegmentMode.Declarative, module.Elements[1].Mode);
        Assert.Equal(SegmentMode.Passive, module.Data[1].Mode);
        Assert.Equal("hello"u8.ToArray(), module.Data[0].Bytes.ToArray());
        Assert.Equal("add", module.GetFunctionDisplayName(1));
        Assert.Equal("demo", module.ModuleName);
        Assert.True(module.Globals[0].Type.Mutable);
        Assert.Equal([0x42, 0x07, 0x0B], module.Globals[0].Init.Code.ToArray());
    }

    [Fact]
    public void Decode_MalformedNameSection_IgnoredNotFatal()
    {
        // A "name" custom section whose function-names subsection claims 9 entries but has none.
        var module = ModuleDecoder.Decode(WasmTools.Hex(Header + "0008 04 6e616d65 0102 09"));
        Assert.Empty(module.FunctionNames);
        Assert.Single(module.CustomSections);
    }

    [Fact]
    public void Decode_CustomSectionsAnywhere_Kept()
    {
        var module = ModuleDecoder.Decode(WasmTools.Hex(Header + "0002 0161 0101 00 0003 0162ff"));
        Assert.Equal(["a", "b"], module.CustomSections.Select(c => c.Name));
        Assert.Equal([0xff], module.CustomSections[1].Data.ToArray());
    }
}
