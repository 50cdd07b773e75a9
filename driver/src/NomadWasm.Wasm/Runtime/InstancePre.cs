using NomadWasm.Wasm.Model;
using NomadWasm.Wasm.Runtime.Traps;

namespace NomadWasm.Wasm.Runtime;

/// <summary>
/// A compiled module with its imports resolved and type-checked (<see cref="Linker.Prepare"/>).
/// <see cref="Instantiate"/> only allocates the instance's state, applies segments and runs the
/// start function (Wasm 2.0 §4.5.4): no decoding, validation, compilation or name lookups.
/// Thread-safe; instantiate as often as needed.
/// </summary>
public sealed class InstancePre
{
    private readonly Function[] _functions;
    private readonly Table[] _tables;
    private readonly Memory[] _memories;
    private readonly Global[] _globals;

    internal InstancePre(CompiledModule module, object[] imports)
    {
        Module = module;
        var m = module.Module;
        _functions = new Function[m.ImportedFunctionCount];
        _tables = new Table[m.ImportedTableCount];
        _memories = new Memory[m.ImportedMemoryCount];
        _globals = new Global[m.ImportedGlobalCount];
        int f = 0, t = 0, mem = 0, g = 0;
        for (var i = 0; i < imports.Length; i++)
        {
            switch (m.Imports[i].Kind)
            {
                case ExternKind.Function:
                    _functions[f++] = (Function)imports[i];
                    break;
                case ExternKind.Table:
                    _tables[t++] = (Table)imports[i];
                    break;
                case ExternKind.Memory:
                    _memories[mem++] = (Memory)imports[i];
                    break;
                default:
                    _globals[g++] = (Global)imports[i];
                    break;
            }
        }
    }

    public CompiledModule Module { get; }

    /// <summary>Creates an instance in <paramref name="store"/> and runs its start function.</summary>
    /// <exception cref="TrapException">A segment is out of bounds, or the start function trapped.</exception>
    public Instance Instantiate(Store store)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (store.Engine != Module.Engine)
        {
            throw new ArgumentException("the store belongs to another engine", nameof(store));
        }

        var m = Module.Module;
        var context = new VmContext { Engine = Module.Engine, Module = Module, Store = store };
        var functions = new Function?[m.TotalFunctionCount];
        Array.Copy(_functions, functions, _functions.Length);
        context.Functions = functions;

        context.Memories = CreateMemories(store, m);
        context.Memory0 = context.Memories.Length > 0 ? context.Memories[0] : null;
        context.Tables = CreateTables(m);
        context.Globals = CreateGlobals(m, context);
        context.DataSegments = PassiveData(m);
        context.ElementSegments = EvaluateElements(m, context);

        var instance = new Instance(Module, store, context);
        context.Instance = instance;

        ApplyActiveElements(m, context);
        ApplyActiveData(m, context);

        if (m.StartFunction is { } start)
        {
            context.GetFunction((int)start).Invoke([]);
        }

        return instance;
    }

    private Memory[] CreateMemories(Store store, Module m)
    {
        if (m.TotalMemoryCount == 0)
        {
            return [];
        }

        var memories = new Memory[m.TotalMemoryCount];
        Array.Copy(_memories, memories, _memories.Length);
        for (var i = 0; i < m.Memories.Length; i++)
        {
            memories[_memories.Length + i] = store.CreateMemory(m.Memories[i]);
        }

        return memories;
    }

    private Table[] CreateTables(Module m)
    {
        if (m.TotalTableCount == 0)
        {
            return [];
        }

        var tables = new Table[m.TotalTableCount];
        Array.Copy(_tables, tables, _tables.Length);
        for (var i = 0; i < m.Tables.Length; i++)
        {
            tables[_tables.Length + i] = new Table(m.Tables[i]);
        }

        return tables;
    }

    private Global[] CreateGlobals(Module m, VmContext context)
    {
        var globals = new Global[m.TotalGlobalCount];
        Array.Copy(_globals, globals, _globals.Length);

        // Initializers may read imported and earlier globals (extended const), so fill in order.
        context.Globals = globals;
        for (var i = 0; i < m.Globals.Length; i++)
        {
            var definition = m.Globals[i];
            var value = ConstExprEvaluator.Evaluate(definition.Init, definition.Type.Type, context);
            globals[_globals.Length + i] = new Global(definition.Type, value);
        }

        return globals;
    }

    private static ReadOnlyMemory<byte>[] PassiveData(Module m)
    {
        var data = new ReadOnlyMemory<byte>[m.Data.Length];
        for (var i = 0; i < data.Length; i++)
        {
            // Active segments are dropped once applied (Wasm 2.0 §4.5.4 step 13), so only passive ones stay.
            data[i] = m.Data[i].Mode == SegmentMode.Passive ? m.Data[i].Bytes : ReadOnlyMemory<byte>.Empty;
        }

        return data;
    }

    private object?[][] EvaluateElements(Module m, VmContext context)
    {
        var segments = new object?[m.Elements.Length][];
        var plan = Module.Plan.ElementFunctions;
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = m.Elements[i];
            if (segment.Mode == SegmentMode.Declarative || (segment.Mode == SegmentMode.Active && plan[i] is not null))
            {
                // Declarative: dropped at once. Active with plain function indices: applied from the plan.
                segments[i] = [];
                continue;
            }

            var items = new object?[segment.Count];
            if (plan[i] is { } indices)
            {
                for (var j = 0; j < items.Length; j++)
                {
                    items[j] = indices[j] < 0 ? null : context.GetFunction(indices[j]);
                }
            }
            else
            {
                for (var j = 0; j < items.Length; j++)
                {
                    items[j] = ConstExprEvaluator.Evaluate(segment.Expressions![j], segment.ElementType, context).Ref;
                }
            }

            segments[i] = items;
        }

        return segments;
    }

    private void ApplyActiveElements(Module m, VmContext context)
    {
        var plan = Module.Plan.ElementFunctions;
        for (var i = 0; i < m.Elements.Length; i++)
        {
            var segment = m.Elements[i];
            if (segment.Mode != SegmentMode.Active)
            {
                continue;
            }

            var offset = (uint)ConstExprEvaluator.Evaluate(segment.Offset!, ValType.I32, context).I32;
            var table = context.Tables[segment.TableIndex];
            var count = segment.Count;
            if ((ulong)offset + (ulong)count > table.Size)
            {
                throw new TrapException(TrapKind.TableOutOfBounds);
            }

            if (plan[i] is { } indices && segment.TableIndex >= m.ImportedTableCount)
            {
                // The instance's own table: record the function indices, create Functions on first use.
                if (table.LazyIndices is null)
                {
                    table.LazyIndices = new int[table.Size];
                    Array.Fill(table.LazyIndices, -1);
                    table.LazyContext = context;
                }

                Array.Copy(indices, 0, table.LazyIndices, offset, count);
                Array.Clear(table.Elements, (int)offset, count);
                continue;
            }

            table.Materialize();
            var items = context.ElementSegments[i];
            if (items.Length == 0 && plan[i] is { } eager)
            {
                items = new object?[count];
                for (var j = 0; j < count; j++)
                {
                    items[j] = eager[j] < 0 ? null : context.GetFunction(eager[j]);
                }
            }

            if (table.LazyIndices is { } lazy)
            {
                Array.Fill(lazy, -1, (int)offset, count);
            }

            Array.Copy(items, 0, table.Elements, offset, count);
            context.ElementSegments[i] = [];
        }
    }

    private void ApplyActiveData(Module m, VmContext context)
    {
        if (Module.Plan.Image is { } image)
        {
            var memory = context.Memories[0];
            foreach (var chunk in image)
            {
                memory.WriteUnchecked(chunk.Offset, chunk.Bytes);
            }

            return;
        }

        foreach (var segment in m.Data)
        {
            if (segment.Mode != SegmentMode.Active)
            {
                continue;
            }

            var memory = context.Memories[segment.MemoryIndex];
            var offset = (uint)ConstExprEvaluator.Evaluate(segment.Offset!, ValType.I32, context).I32;
            if ((ulong)offset + (ulong)segment.Bytes.Length > memory.ByteLength)
            {
                throw new TrapException(TrapKind.MemoryOutOfBounds);
            }

            memory.WriteUnchecked(offset, segment.Bytes.Span);
        }
    }
}
