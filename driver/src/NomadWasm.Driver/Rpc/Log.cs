using Microsoft.Extensions.Logging;

namespace NomadWasm.Driver.Rpc;

/// <summary>The driver's log lines (hclog JSON on stderr once the plugin's logger provider is attached).</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "plugin configured: enabled={Enabled} host_path={HostPath} long_lived={LongLived}")]
    public static partial void Configured(ILogger logger, bool enabled, string hostPath, bool longLived);

    [LoggerMessage(2, LogLevel.Information, "task started: task_id={TaskId} pid={Pid} listen={Listen} app={App}")]
    public static partial void TaskStarted(ILogger logger, string taskId, int pid, string listen, string app);

    [LoggerMessage(3, LogLevel.Information, "task ready: task_id={TaskId} after_ms={ElapsedMs}")]
    public static partial void TaskReady(ILogger logger, string taskId, double elapsedMs);

    [LoggerMessage(4, LogLevel.Information, "task exited: task_id={TaskId} result={Result}")]
    public static partial void TaskExited(ILogger logger, string taskId, string result);

    [LoggerMessage(5, LogLevel.Error, "task failed to start: task_id={TaskId} error={Error}")]
    public static partial void StartFailed(ILogger logger, string taskId, string error);

    [LoggerMessage(6, LogLevel.Information, "task recovered: task_id={TaskId} pid={Pid}")]
    public static partial void TaskRecovered(ILogger logger, string taskId, int pid);

    [LoggerMessage(7, LogLevel.Warning, "task not recoverable: task_id={TaskId} error={Error}")]
    public static partial void RecoverFailed(ILogger logger, string taskId, string error);

    [LoggerMessage(8, LogLevel.Information, "task destroyed: task_id={TaskId}")]
    public static partial void TaskDestroyed(ILogger logger, string taskId);
}
