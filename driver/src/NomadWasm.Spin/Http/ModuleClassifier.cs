using System.Globalization;
using NomadWasm.Spin.Loading;

namespace NomadWasm.Spin.Http;

/// <summary>
/// Decides at startup how a component will run, or refuses it with a message saying what it is
/// and what is supported (spec §3.0, §3d). NomadWasm runs core modules only: Spin 1.x
/// <c>handle-http-request</c> modules and Wagi (WASI preview-1 command) modules.
/// </summary>
internal static class ModuleClassifier
{
    public const string Supported =
        "nomad-wasm runs core WebAssembly modules: Spin 1.x HTTP modules (exporting `handle-http-request` and `canonical_abi_realloc`) " +
        "and Wagi modules (WASI preview-1 commands exporting `_start`, with executor = { type = \"wagi\" })";

    /// <exception cref="UnsupportedModuleException">The module cannot be run; the message names the component and says why.</exception>
    public static ModuleKind Classify(string componentId, string sourcePath, WasmBinaryInfo info, HttpExecutorKind executor)
    {
        ArgumentNullException.ThrowIfNull(info);
        if (info.IsComponent)
        {
            throw new UnsupportedModuleException(componentId, string.Create(
                CultureInfo.InvariantCulture,
                $"'{sourcePath}' is a WebAssembly component (binary version 0x{info.Version:x4}, layer {info.Layer}), e.g. a WASI-HTTP handler built by a Spin 2+ SDK; components are not supported yet. {Supported}"));
        }

        if (executor == HttpExecutorKind.Wagi)
        {
            if (!info.ExportsFunction("_start"))
            {
                throw new UnsupportedModuleException(componentId, $"'{sourcePath}' uses the Wagi executor but does not export `_start` (a WASI preview-1 command). {Supported}");
            }

            return ModuleKind.WagiCommand;
        }

        if (info.ExportsFunction("handle-http-request"))
        {
            if (!info.ExportsFunction("canonical_abi_realloc") || !info.ExportsFunction("canonical_abi_free"))
            {
                throw new UnsupportedModuleException(componentId, $"'{sourcePath}' exports `handle-http-request` but not `canonical_abi_realloc` and `canonical_abi_free`, which the Spin 1.x ABI requires. {Supported}");
            }

            return ModuleKind.SpinInboundHttp;
        }

        foreach (var name in info.CustomSections)
        {
            if (name.StartsWith("component-type", StringComparison.Ordinal))
            {
                throw new UnsupportedModuleException(componentId, $"'{sourcePath}' was built with wit-bindgen 0.5 or later (custom section '{name}', e.g. a Spin 2+ Rust SDK build) and needs the component model, which is not supported yet. {Supported}");
            }
        }

        if (info.ExportsFunction("_start"))
        {
            throw new UnsupportedModuleException(componentId, $"'{sourcePath}' is a WASI command module (exports `_start`) but the trigger uses the http executor; add executor = {{ type = \"wagi\" }} to run it as a Wagi module. {Supported}");
        }

        throw new UnsupportedModuleException(componentId, $"'{sourcePath}' exports no HTTP handler (expected `handle-http-request`). {Supported}");
    }
}
