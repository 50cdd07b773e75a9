using System.Globalization;

namespace NomadWasm.Host;

/// <summary>Parses <c>nomad-wasm up</c> arguments. Errors are <see cref="FormatException"/>s naming the flag and value.</summary>
internal static class UpOptionsParser
{
    public const string Usage = """
        usage: nomad-wasm up [options]

          -f, --from <spin.toml|dir>       the app to serve (default: ./spin.toml)
              --listen <host:port>         address to serve on (default: 127.0.0.1:3000)
          -e, --env <KEY=VALUE>            add an environment variable to every component (repeatable)
              --variable <name=value>      set an application variable (also name=@file, @file.json, @file.toml; repeatable)
              --runtime-config-file <f>    Spin runtime-config TOML (key-value stores, variable providers, state_dir)
              --state-dir <dir>            state directory (default: <app dir>/.spin; "" = none, in-memory key-value)
              --request-timeout <d>        per-request guest deadline, e.g. 30s, 500ms, 2m (default: none)
              --memory-limit-mb <n>        maximum linear memory per instance, in MiB
          -q, --quiet                      do not log each request
          -h, --help                       show this help
        """;

    /// <summary>Parses; returns null when help was requested.</summary>
    public static UpOptions? Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new UpOptions();
        var env = new List<KeyValuePair<string, string>>();
        var variables = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string? inline = null;
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains('=', StringComparison.Ordinal))
            {
                var eq = arg.IndexOf('=', StringComparison.Ordinal);
                inline = arg[(eq + 1)..];
                arg = arg[..eq];
            }

            string Value()
            {
                if (inline is not null)
                {
                    return inline;
                }

                if (i + 1 >= args.Count)
                {
                    throw new FormatException($"{arg} needs a value");
                }

                return args[++i];
            }

            switch (arg)
            {
                case "-h" or "--help":
                    return null;
                case "-f" or "--from" or "--file" or "--from-file":
                    options = options with { From = Value() };
                    break;
                case "--listen":
                    {
                        var listen = Value();
                        ListenAddress.Parse(listen);
                        options = options with { Listen = listen };
                        break;
                    }

                case "-e" or "--env":
                    env.Add(Pair(arg, Value()));
                    break;
                case "--variable":
                    variables.Add(Value());
                    break;
                case "--runtime-config-file":
                    options = options with { RuntimeConfigFile = Value() };
                    break;
                case "--state-dir":
                    options = options with { StateDir = Value() };
                    break;
                case "--request-timeout":
                    options = options with { RequestTimeout = ParseDuration(arg, Value()) };
                    break;
                case "--memory-limit-mb":
                    {
                        var text = Value();
                        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var mb) || mb <= 0 || mb > 4096)
                        {
                            throw new FormatException($"{arg} '{text}': expected a number of MiB from 1 to 4096");
                        }

                        options = options with { MemoryLimitMb = mb };
                        break;
                    }

                case "-q" or "--quiet":
                    options = options with { Quiet = true };
                    break;
                default:
                    throw new FormatException($"unknown option '{args[i]}'");
            }
        }

        return options with { Environment = env, Variables = variables };
    }

    /// <summary><c>30s</c>, <c>500ms</c>, <c>2m</c>, <c>1h</c>, or plain seconds (<c>30</c>, <c>1.5</c>).</summary>
    public static TimeSpan ParseDuration(string flag, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (number, unit) = text switch
        {
            _ when text.EndsWith("ms", StringComparison.Ordinal) => (text[..^2], 0.001),
            _ when text.EndsWith('s') => (text[..^1], 1.0),
            _ when text.EndsWith('m') => (text[..^1], 60.0),
            _ when text.EndsWith('h') => (text[..^1], 3600.0),
            _ => (text, 1.0),
        };
        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value <= 0 || double.IsInfinity(value))
        {
            throw new FormatException($"{flag} '{text}': expected a positive duration such as 30s, 500ms or 2m");
        }

        return TimeSpan.FromSeconds(value * unit);
    }

    private static KeyValuePair<string, string> Pair(string flag, string text)
    {
        var eq = text.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0)
        {
            throw new FormatException($"{flag} '{text}': expected NAME=VALUE");
        }

        return new(text[..eq], text[(eq + 1)..]);
    }
}
