using System.Net;
using System.Net.Sockets;
using NomadWasm.Plugin.Protos.Drivers;

namespace NomadWasm.EndToEnd.Tests.Simulator;

/// <summary>
/// What Nomad's task runner prepares before StartTask (§9, §10): an alloc dir with the task dir,
/// logmon FIFOs, a free host port under the label "http", the task environment with NOMAD_* and
/// port variables, resources, and the job's config block encoded as cty-msgpack.
/// </summary>
internal sealed class TaskFixture : IDisposable
{
    public TaskFixture(string taskName = "web", int memoryMb = 64)
    {
        AllocId = Guid.NewGuid().ToString();
        TaskName = taskName;
        AllocDir = Path.Combine(Path.GetTempPath(), "nomad-wasm-e2e", AllocId);
        TaskDir = Path.Combine(AllocDir, taskName);
        Directory.CreateDirectory(Path.Combine(TaskDir, "local"));
        Logmon = new FakeLogmon(AllocDir, taskName);
        Port = FreePort();
        MemoryMb = memoryMb;
    }

    public string AllocId { get; }

    public string TaskName { get; }

    public string AllocDir { get; }

    public string TaskDir { get; }

    public FakeLogmon Logmon { get; }

    public int Port { get; }

    public int MemoryMb { get; }

    public Uri BaseUri => new($"http://127.0.0.1:{Port}/");

    /// <summary>Writes an app directory under local/ with a spin.toml (and an optional extra line) and returns its task-relative path.</summary>
    public string WriteApp(string name, string extraManifestLine = "")
    {
        var dir = Path.Combine(TaskDir, "local", name);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "app.wasm"), "\0asm");
        File.WriteAllText(Path.Combine(dir, "spin.toml"), $$"""
            spin_manifest_version = 2
            {{extraManifestLine}}

            [application]
            name = "{{name}}"

            [[trigger.http]]
            route = "/..."
            component = "{{name}}"

            [component.{{name}}]
            source = "app.wasm"
            """);
        return $"local/{name}";
    }

    /// <summary>A TaskConfig as the task runner builds it; the id is new for every start (§9).</summary>
    public TaskConfig Config(IReadOnlyDictionary<string, object?> driverConfig, string? portLabel = "http")
    {
        var id = $"{AllocId}/{TaskName}/{Guid.NewGuid().ToString("N")[..8]}";
        var task = new TaskConfig
        {
            Id = id,
            Name = TaskName,
            AllocId = AllocId,
            JobName = "hello",
            JobId = "hello",
            TaskGroupName = "web",
            Namespace = "default",
            NodeName = Environment.MachineName,
            NodeId = Guid.NewGuid().ToString(),
            AllocDir = AllocDir,
            StdoutPath = Logmon.StdoutFifo,
            StderrPath = Logmon.StderrFifo,
            MsgpackDriverConfig = Google.Protobuf.ByteString.CopyFrom(CtyMsgpack.EncodeObject(driverConfig)),
            Resources = new Resources
            {
                AllocatedResources = new AllocatedTaskResources
                {
                    Cpu = new AllocatedCpuResources { CpuShares = 100 },
                    Memory = new AllocatedMemoryResources { MemoryMb = MemoryMb },
                },
                LinuxResources = new LinuxResources { MemoryLimitBytes = MemoryMb * 1024L * 1024L, CpuShares = 100 },
            },
        };
        if (portLabel is not null)
        {
            task.Resources.Ports.Add(new PortMapping { Label = portLabel, Value = Port, To = Port, HostIp = "127.0.0.1" });
        }

        foreach (var entry in Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>())
        {
            task.Env[(string)entry.Key] = (string?)entry.Value ?? string.Empty; // fs_isolation NONE: host env included (§9)
        }

        task.Env.Remove(PluginProcess.CookieKey);
        task.Env["NOMAD_ALLOC_ID"] = AllocId;
        task.Env["NOMAD_TASK_NAME"] = TaskName;
        task.Env["NOMAD_ALLOC_DIR"] = Path.Combine(AllocDir, "alloc");
        task.Env["NOMAD_TASK_DIR"] = Path.Combine(TaskDir, "local");
        if (portLabel is not null)
        {
            task.Env[$"NOMAD_PORT_{portLabel}"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            task.Env[$"NOMAD_ADDR_{portLabel}"] = $"127.0.0.1:{Port}";
            task.Env[$"NOMAD_IP_{portLabel}"] = "127.0.0.1";
        }

        return task;
    }

    /// <summary>The job config block as hcldec yields it: every schema attribute present, absent ones null (§12.2).</summary>
    public static Dictionary<string, object?> SpinConfig(string? app, IReadOnlyDictionary<string, string>? variables = null, IReadOnlyDictionary<string, string>? env = null, string port = "http") => new()
    {
        ["app"] = app,
        ["port"] = port,
        ["variables"] = variables,
        ["env"] = env,
        ["request_timeout"] = "30s",
    };

    public void Dispose()
    {
        Logmon.Dispose();
        try
        {
            Directory.Delete(AllocDir, recursive: true);
        }
        catch (IOException)
        {
            // A host still writing; temp is cleaned eventually.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
