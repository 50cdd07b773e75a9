using NomadWasm.Wasm.Model;
using NomadWasm.Wasm.Runtime;
using Global = NomadWasm.Wasm.Runtime.Global;

namespace NomadWasm.Cli.Wast;

/// <summary>
/// The <c>spectest</c> host module every spec-style runner provides (as the reference interpreter
/// does): print functions without results, immutable globals of value 666 / 666.6, a funcref table
/// of 10..20 elements and a memory of 1..2 pages.
/// </summary>
internal static class SpecTestHost
{
    /// <summary>Defines the module in <paramref name="linker"/>; returns its memory, which the caller disposes.</summary>
    public static Memory Define(Linker linker, TextWriter? printOutput)
    {
        void Print(string name, params ValType[] parameters) =>
            linker.DefineFunction("spectest", name, new FuncType(parameters, []), (caller, args, results) =>
            {
                if (printOutput is not null)
                {
                    var values = new string[args.Length];
                    for (var i = 0; i < args.Length; i++)
                    {
                        values[i] = WastValue.Format(args[i]);
                    }

                    printOutput.WriteLine($"spectest.{name}({string.Join(", ", values)})");
                }
            });

        Print("print");
        Print("print_i32", ValType.I32);
        Print("print_i64", ValType.I64);
        Print("print_f32", ValType.F32);
        Print("print_f64", ValType.F64);
        Print("print_i32_f32", ValType.I32, ValType.F32);
        Print("print_f64_f64", ValType.F64, ValType.F64);

        linker.DefineGlobal("spectest", "global_i32", new Global(new GlobalType(ValType.I32, false), Value.FromI32(666)));
        linker.DefineGlobal("spectest", "global_i64", new Global(new GlobalType(ValType.I64, false), Value.FromI64(666)));
        linker.DefineGlobal("spectest", "global_f32", new Global(new GlobalType(ValType.F32, false), Value.FromF32(666.6f)));
        linker.DefineGlobal("spectest", "global_f64", new Global(new GlobalType(ValType.F64, false), Value.FromF64(666.6)));
        linker.DefineTable("spectest", "table", new Table(new TableType(ValType.FuncRef, new Limits(10, 20))));
        var memory = new Memory(new MemoryType(new Limits(1, 2)));
        linker.DefineMemory("spectest", "memory", memory);
        return memory;
    }
}
