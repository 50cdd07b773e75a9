using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace NomadWasm.Driver.Tasks;

/// <summary>The tasks this plugin instance knows, by Nomad task id (kept until DestroyTask).</summary>
internal sealed class TaskStore
{
    private readonly ConcurrentDictionary<string, TaskHandle> _tasks = new(StringComparer.Ordinal);

    public int Count => _tasks.Count;

    public bool TryGet(string taskId, [NotNullWhen(true)] out TaskHandle? handle) => _tasks.TryGetValue(taskId, out handle);

    public bool TryAdd(TaskHandle handle) => _tasks.TryAdd(handle.TaskId, handle);

    public bool TryRemove(string taskId, [NotNullWhen(true)] out TaskHandle? handle) => _tasks.TryRemove(taskId, out handle);

    public IReadOnlyCollection<TaskHandle> Snapshot() => [.. _tasks.Values];
}
