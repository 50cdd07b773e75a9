using System.Collections.Concurrent;
using System.Reflection;
using System.Reflection.Emit;
using NomadWasm.Wasm.Compilation.Support;
using NomadWasm.Wasm.Model;
using NomadWasm.Wasm.Runtime;

namespace NomadWasm.Wasm.Compilation;

/// <summary>
/// Per function type, generates (once per engine) the two bridges between the generic
/// <see cref="Value"/> world and compiled code's typed signatures:
/// an entry invoker (<see cref="Function.Invoke(ReadOnlySpan{Value}, Span{Value})"/> → typed
/// <c>calli</c>) and a host trampoline (typed call from compiled code → <see cref="HostFunction"/>,
/// arguments packed into a stack buffer, no allocation).
/// </summary>
internal sealed class TrampolineFactory
{
    private readonly ConcurrentDictionary<FuncType, EntryInvoker> _entries = new();
    private readonly ConcurrentDictionary<FuncType, nint> _hosts = new();
    private readonly Lock _emitLock = new();
    private readonly Engine _engine;
    private ModuleBuilder? _module;
    private int _counter;

    public TrampolineFactory(Engine engine) => _engine = engine;

    public EntryInvoker GetEntryInvoker(FuncType type) => _entries.GetOrAdd(type, CreateEntryInvoker);

    public nint GetHostTrampoline(FuncType type) => _hosts.GetOrAdd(type, CreateHostTrampoline);

    /// <summary>A host function as a callable <see cref="Function"/>.</summary>
    public Function CreateHostFunction(FuncType type, HostFunction host, string name)
    {
        var context = new VmContext { Engine = _engine, Host = host, HostType = type, HostName = name };
        return new Function(type, _engine.Types.GetId(type), GetHostTrampoline(type), context, name);
    }

    private EntryInvoker CreateEntryInvoker(FuncType type)
    {
        var method = Emit("Entry", typeof(void), [typeof(nint), typeof(VmContext), typeof(ReadOnlySpan<Value>), typeof(Span<Value>)], il =>
        {
            var results = type.Results;
            var extra = new LocalBuilder[Math.Max(0, results.Count - 1)];
            for (var i = 0; i < type.Parameters.Count; i++)
            {
                il.Emit(OpCodes.Ldarg_2);
                il.Emit(OpCodes.Ldc_I4, i);
                il.Emit(OpCodes.Call, Marshal(ValueMarshal.GetterName(type.Parameters[i])));
            }

            for (var i = 0; i < extra.Length; i++)
            {
                extra[i] = il.DeclareLocal(ClrTypes.Of(results[i + 1]));
                il.Emit(OpCodes.Ldloca, extra[i]);
            }

            il.Emit(OpCodes.Ldarg_1);
            il.Emit(OpCodes.Ldarg_0);
            il.EmitCalli(OpCodes.Calli, CallingConventions.Standard, ClrTypes.ReturnType(type), ClrTypes.ParameterTypes(type), null);
            if (results.Count > 0)
            {
                var first = il.DeclareLocal(ClrTypes.Of(results[0]));
                il.Emit(OpCodes.Stloc, first);
                StoreResult(il, results[0], 0, first);
                for (var i = 0; i < extra.Length; i++)
                {
                    StoreResult(il, results[i + 1], i + 1, extra[i]);
                }
            }

            il.Emit(OpCodes.Ret);
        });
        return method.CreateDelegate<EntryInvoker>();
    }

    private static void StoreResult(ILGenerator il, ValType type, int index, LocalBuilder local)
    {
        il.Emit(OpCodes.Ldarg_3);
        il.Emit(OpCodes.Ldc_I4, index);
        il.Emit(OpCodes.Ldloc, local);
        il.Emit(OpCodes.Call, Marshal(ValueMarshal.SetterName(type)));
    }

    private nint CreateHostTrampoline(FuncType type)
    {
        var parameters = ClrTypes.ParameterTypes(type);
        var method = Emit("Host", ClrTypes.ReturnType(type), parameters, il => EmitHostTrampoline(il, type));
        return method.MethodHandle.GetFunctionPointer();
    }

    private static void EmitHostTrampoline(ILGenerator il, FuncType type)
    {
        var paramCount = type.Parameters.Count;
        var resultCount = type.Results.Count;
        var contextArg = (short)(paramCount + Math.Max(0, resultCount - 1));
        var small = paramCount <= ValueBuffer.Capacity && resultCount <= ValueBuffer.Capacity;
        var args = il.DeclareLocal(typeof(Span<Value>));
        var results = il.DeclareLocal(typeof(Span<Value>));
        LocalBuilder? argBuffer = null, resultBuffer = null, argArray = null, resultArray = null;
        if (small)
        {
            argBuffer = il.DeclareLocal(typeof(ValueBuffer));
            resultBuffer = il.DeclareLocal(typeof(ValueBuffer));
            il.Emit(OpCodes.Ldloca, argBuffer);
            il.Emit(OpCodes.Ldc_I4, paramCount);
            il.Emit(OpCodes.Call, Host(nameof(HostCalls.Span)));
            il.Emit(OpCodes.Stloc, args);
            il.Emit(OpCodes.Ldloca, resultBuffer);
            il.Emit(OpCodes.Ldc_I4, resultCount);
            il.Emit(OpCodes.Call, Host(nameof(HostCalls.Span)));
            il.Emit(OpCodes.Stloc, results);
        }
        else
        {
            argArray = il.DeclareLocal(typeof(Value[]));
            resultArray = il.DeclareLocal(typeof(Value[]));
            EmitArray(il, paramCount, argArray, args);
            EmitArray(il, resultCount, resultArray, results);
        }

        for (var i = 0; i < paramCount; i++)
        {
            il.Emit(OpCodes.Ldloc, args);
            il.Emit(OpCodes.Ldc_I4, i);
            il.Emit(OpCodes.Ldarg, (short)i);
            il.Emit(OpCodes.Call, Marshal(ValueMarshal.SetterName(type.Parameters[i])));
        }

        il.Emit(OpCodes.Ldarg, contextArg);
        if (small)
        {
            il.Emit(OpCodes.Ldloca, argBuffer!);
            il.Emit(OpCodes.Ldc_I4, paramCount);
            il.Emit(OpCodes.Ldloca, resultBuffer!);
            il.Emit(OpCodes.Ldc_I4, resultCount);
            il.Emit(OpCodes.Call, Host(nameof(HostCalls.Invoke)));
        }
        else
        {
            il.Emit(OpCodes.Ldloc, argArray!);
            il.Emit(OpCodes.Ldloc, resultArray!);
            il.Emit(OpCodes.Call, Host(nameof(HostCalls.InvokeArrays)));
        }

        var toReadOnly = typeof(Span<Value>).GetMethod("op_Implicit", [typeof(Span<Value>)])!;
        for (var i = 1; i < resultCount; i++)
        {
            il.Emit(OpCodes.Ldarg, (short)(paramCount + i - 1));
            il.Emit(OpCodes.Ldloc, results);
            il.Emit(OpCodes.Call, toReadOnly);
            il.Emit(OpCodes.Ldc_I4, i);
            il.Emit(OpCodes.Call, Marshal(ValueMarshal.GetterName(type.Results[i])));
            IlHelpers.EmitStoreIndirect(il, type.Results[i]);
        }

        if (resultCount > 0)
        {
            il.Emit(OpCodes.Ldloc, results);
            il.Emit(OpCodes.Call, toReadOnly);
            il.Emit(OpCodes.Ldc_I4_0);
            il.Emit(OpCodes.Call, Marshal(ValueMarshal.GetterName(type.Results[0])));
        }

        il.Emit(OpCodes.Ret);
    }

    private static void EmitArray(ILGenerator il, int length, LocalBuilder array, LocalBuilder span)
    {
        il.Emit(OpCodes.Ldc_I4, length);
        il.Emit(OpCodes.Newarr, typeof(Value));
        il.Emit(OpCodes.Stloc, array);
        il.Emit(OpCodes.Ldloc, array);
        il.Emit(OpCodes.Newobj, typeof(Span<Value>).GetConstructor([typeof(Value[])])!);
        il.Emit(OpCodes.Stloc, span);
    }

    private static MethodInfo Marshal(string name) => typeof(ValueMarshal).GetMethod(name, BindingFlags.Public | BindingFlags.Static)!;

    private static MethodInfo Host(string name) => typeof(HostCalls).GetMethod(name, BindingFlags.Public | BindingFlags.Static)!;

    private MethodInfo Emit(string kind, Type returnType, Type[] parameters, Action<ILGenerator> body)
    {
        lock (_emitLock)
        {
            _module ??= DynamicAssemblies.Create("Trampolines");
            var builder = _module.DefineType($"{kind}{_counter++}", TypeAttributes.Public | TypeAttributes.Sealed | TypeAttributes.Abstract);
            var method = builder.DefineMethod("Invoke", MethodAttributes.Public | MethodAttributes.Static, returnType, parameters);
            body(method.GetILGenerator());
            return builder.CreateType().GetMethod("Invoke")!;
        }
    }
}
