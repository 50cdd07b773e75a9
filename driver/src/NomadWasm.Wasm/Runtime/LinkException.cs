using NomadWasm.Wasm.Model;

namespace NomadWasm.Wasm.Runtime;

/// <summary>
/// An import could not be satisfied (Wasm 2.0 §4.5.4). <see cref="Reason"/> is the spec test suite's
/// text ("unknown import" or "incompatible import type"); the message starts with it and names the
/// import and what was found instead.
/// </summary>
public sealed class LinkException : Exception
{
    public LinkException(string reason, Import import, string detail)
        : base($"{reason}: {import}: {detail}")
    {
        Reason = reason;
        Import = import;
    }

    public LinkException()
        : this("link error")
    {
    }

    public LinkException(string message)
        : base(message)
    {
        Reason = message;
    }

    public LinkException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = message;
    }

    /// <summary>"unknown import" or "incompatible import type".</summary>
    public string Reason { get; } = "link error";

    /// <summary>The offending import, when known.</summary>
    public Import? Import { get; }

    internal const string UnknownImport = "unknown import";
    internal const string IncompatibleImportType = "incompatible import type";
}
