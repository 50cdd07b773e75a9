using NomadWasm.Spin.Capabilities.Abi;
using NomadWasm.Spin.Variables;

namespace NomadWasm.Spin.Capabilities.Variables;

/// <summary>
/// Host side of the Spin 1.x <c>spin-config</c> import (unversioned <c>fermyon:spin/config</c>):
/// <code>
/// get-config(key ptr, key len, ret)      ret: 16 bytes, align 4
///   0: 0 ok | 1 err
///   ok:  4 string ptr, 8 string len
///   err: 4 error tag (provider=0, invalid-key=1, invalid-schema=2, other=3), 8 message ptr, 12 message len
/// </code>
/// Errors map as Spin maps them (spec §4.2): invalid-name → invalid-key, undefined → provider.
/// </summary>
internal static class SpinConfigHost
{
    public const string Module = "spin-config";

    public static void GetConfig(IGuestMemory memory, IComponentVariables variables, uint keyAddress, uint keyLength, uint ret)
    {
        ArgumentNullException.ThrowIfNull(memory);
        ArgumentNullException.ThrowIfNull(variables);
        var key = GuestAbi.ReadString(memory, keyAddress, keyLength);
        string value;
        try
        {
            value = variables.Get(key);
        }
        catch (VariableException e)
        {
            var tag = e.Kind switch
            {
                VariableErrorKind.InvalidName => (byte)1,
                VariableErrorKind.Undefined or VariableErrorKind.Provider => (byte)0,
                _ => (byte)3,
            };
            WriteError(memory, ret, tag, e.Message);
            return;
        }

        var (address, length) = GuestAbi.WriteString(memory, value);
        GuestAbi.WriteU8(memory, ret, 0);
        GuestAbi.WriteU32(memory, ret + 4, address);
        GuestAbi.WriteU32(memory, ret + 8, length);
    }

    private static void WriteError(IGuestMemory memory, uint ret, byte tag, string message)
    {
        var (address, length) = GuestAbi.WriteString(memory, message);
        GuestAbi.WriteU8(memory, ret, 1);
        GuestAbi.WriteU8(memory, ret + 4, tag);
        GuestAbi.WriteU32(memory, ret + 8, address);
        GuestAbi.WriteU32(memory, ret + 12, length);
    }
}
