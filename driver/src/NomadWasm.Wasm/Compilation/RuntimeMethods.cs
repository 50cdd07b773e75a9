using System.Numerics;
using System.Reflection;
using NomadWasm.Wasm.Compilation.Support;
using NomadWasm.Wasm.Runtime;
using NomadWasm.Wasm.Runtime.Traps;

namespace NomadWasm.Wasm.Compilation;

/// <summary>Reflection handles compiled code refers to, looked up once.</summary>
internal static class RuntimeMethods
{
    private const BindingFlags Instance = BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public;
    private const BindingFlags Static = BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public;

    public static readonly FieldInfo ContextStore = Field<VmContext>(nameof(VmContext.Store));
    public static readonly FieldInfo ContextMemory0 = Field<VmContext>(nameof(VmContext.Memory0));
    public static readonly FieldInfo ContextGlobals = Field<VmContext>(nameof(VmContext.Globals));
    public static readonly FieldInfo ContextTables = Field<VmContext>(nameof(VmContext.Tables));
    public static readonly FieldInfo MemoryBase = Field<Memory>(nameof(Memory.Base));
    public static readonly FieldInfo MemoryByteLength = Field<Memory>(nameof(Memory.ByteLength));
    public static readonly FieldInfo GlobalBits = Field<Global>(nameof(Global.Bits));
    public static readonly FieldInfo GlobalRef = Field<Global>(nameof(Global.RefValue));
    public static readonly FieldInfo StoreInterrupt = Field<Store>(nameof(Store.InterruptRequested));
    public static readonly FieldInfo FunctionCode = Field<Function>(nameof(Function.Code));
    public static readonly FieldInfo FunctionContext = Field<Function>(nameof(Function.Context));
    public static readonly FieldInfo StoreStackLimit = Field<Store>(nameof(Store.StackLimit));

    public static readonly MethodInfo TrapStackExhausted = Method(typeof(TrapHelpers), nameof(TrapHelpers.StackExhausted));
    public static readonly MethodInfo TrapInterrupted = Method(typeof(TrapHelpers), nameof(TrapHelpers.Interrupted));
    public static readonly MethodInfo TrapUnreachable = Method(typeof(TrapHelpers), nameof(TrapHelpers.Unreachable));
    public static readonly MethodInfo CheckInterrupt = Method(typeof(CallOps), nameof(CallOps.CheckInterrupt));
    public static readonly MethodInfo CallImport = Method(typeof(CallOps), nameof(CallOps.Import));
    public static readonly MethodInfo CallIndirect = Method(typeof(CallOps), nameof(CallOps.Indirect));
    public static readonly MethodInfo RefFunc = Method(typeof(CallOps), nameof(CallOps.RefFunc));

    public static readonly MethodInfo Int32BitsToSingle = typeof(BitConverter).GetMethod(nameof(BitConverter.Int32BitsToSingle))!;
    public static readonly MethodInfo SingleToInt32Bits = typeof(BitConverter).GetMethod(nameof(BitConverter.SingleToInt32Bits))!;
    public static readonly MethodInfo Int64BitsToDouble = typeof(BitConverter).GetMethod(nameof(BitConverter.Int64BitsToDouble))!;
    public static readonly MethodInfo DoubleToInt64Bits = typeof(BitConverter).GetMethod(nameof(BitConverter.DoubleToInt64Bits))!;

    public static readonly MethodInfo Clz32 = typeof(BitOperations).GetMethod(nameof(BitOperations.LeadingZeroCount), [typeof(uint)])!;
    public static readonly MethodInfo Clz64 = typeof(BitOperations).GetMethod(nameof(BitOperations.LeadingZeroCount), [typeof(ulong)])!;
    public static readonly MethodInfo Ctz32 = typeof(BitOperations).GetMethod(nameof(BitOperations.TrailingZeroCount), [typeof(uint)])!;
    public static readonly MethodInfo Ctz64 = typeof(BitOperations).GetMethod(nameof(BitOperations.TrailingZeroCount), [typeof(ulong)])!;
    public static readonly MethodInfo Popcnt32 = typeof(BitOperations).GetMethod(nameof(BitOperations.PopCount), [typeof(uint)])!;
    public static readonly MethodInfo Popcnt64 = typeof(BitOperations).GetMethod(nameof(BitOperations.PopCount), [typeof(ulong)])!;
    public static readonly MethodInfo Rotl32 = typeof(BitOperations).GetMethod(nameof(BitOperations.RotateLeft), [typeof(uint), typeof(int)])!;
    public static readonly MethodInfo Rotl64 = typeof(BitOperations).GetMethod(nameof(BitOperations.RotateLeft), [typeof(ulong), typeof(int)])!;
    public static readonly MethodInfo Rotr32 = typeof(BitOperations).GetMethod(nameof(BitOperations.RotateRight), [typeof(uint), typeof(int)])!;
    public static readonly MethodInfo Rotr64 = typeof(BitOperations).GetMethod(nameof(BitOperations.RotateRight), [typeof(ulong), typeof(int)])!;

    /// <summary>A public static helper of one of the Support classes, by name.</summary>
    public static MethodInfo Support(Type type, string name) => Method(type, name);

    private static FieldInfo Field<T>(string name) =>
        typeof(T).GetField(name, Instance) ?? throw new MissingFieldException(typeof(T).Name, name);

    private static MethodInfo Method(Type type, string name) =>
        type.GetMethod(name, Static) ?? throw new MissingMethodException(type.Name, name);
}
