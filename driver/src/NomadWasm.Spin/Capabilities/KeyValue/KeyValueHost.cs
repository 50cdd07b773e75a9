using NomadWasm.Spin.Capabilities.Abi;

namespace NomadWasm.Spin.Capabilities.KeyValue;

/// <summary>
/// Host side of the Spin 1.x <c>key-value</c> import module (unversioned <c>fermyon:spin/key-value</c>,
/// spec §4.1). Every fallible function writes a 16-byte result (align 4) to its return pointer:
/// <code>
/// 0: 0 ok | 1 err
/// ok:  4.. payload (u32 handle | list ptr, len | bool u8)
/// err: 4 error tag, 8/12 io message ptr/len
///      store-table-full=0 no-such-store=1 access-denied=2 invalid-store=3 no-such-key=4 io=5
/// </code>
/// </summary>
internal static class KeyValueHost
{
    public const string Module = "key-value";

    private const byte StoreTableFull = 0;
    private const byte NoSuchStore = 1;
    private const byte AccessDenied = 2;
    private const byte InvalidStore = 3;
    private const byte NoSuchKey = 4;
    private const byte Io = 5;

    /// <summary><c>open(name ptr, name len, ret)</c>.</summary>
    public static void Open(IGuestMemory memory, KeyValueAccess access, KeyValueHandles handles, uint nameAddress, uint nameLength, uint ret)
    {
        var label = GuestAbi.ReadString(memory, nameAddress, nameLength);
        if (!access.IsAllowed(label))
        {
            Error(memory, ret, AccessDenied);
            return;
        }

        IKeyValueStore? store;
        try
        {
            store = access.Registry.Find(label);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            Error(memory, ret, Io, e.Message);
            return;
        }

        if (store is null)
        {
            Error(memory, ret, NoSuchStore);
            return;
        }

        var handle = handles.Add(store);
        if (handle == 0)
        {
            Error(memory, ret, StoreTableFull);
            return;
        }

        Ok(memory, ret);
        GuestAbi.WriteU32(memory, ret + 4, handle);
    }

    /// <summary><c>get(store, key ptr, key len, ret)</c>: ok payload is a byte list.</summary>
    public static void Get(IGuestMemory memory, KeyValueHandles handles, uint handle, uint keyAddress, uint keyLength, uint ret) =>
        Run(memory, handles, handle, ret, store =>
        {
            var value = store.Get(GuestAbi.ReadString(memory, keyAddress, keyLength));
            if (value is null)
            {
                Error(memory, ret, NoSuchKey);
                return;
            }

            var (address, length) = GuestAbi.WriteBytes(memory, value);
            Ok(memory, ret);
            GuestAbi.WriteU32(memory, ret + 4, address);
            GuestAbi.WriteU32(memory, ret + 8, length);
        });

    /// <summary><c>set(store, key ptr, key len, value ptr, value len, ret)</c>.</summary>
    public static void Set(IGuestMemory memory, KeyValueHandles handles, uint handle, uint keyAddress, uint keyLength, uint valueAddress, uint valueLength, uint ret) =>
        Run(memory, handles, handle, ret, store =>
        {
            var key = GuestAbi.ReadString(memory, keyAddress, keyLength);
            var value = valueLength == 0 ? [] : memory.Slice(valueAddress, valueLength).ToArray();
            store.Set(key, value);
            Ok(memory, ret);
        });

    /// <summary><c>delete(store, key ptr, key len, ret)</c>.</summary>
    public static void Delete(IGuestMemory memory, KeyValueHandles handles, uint handle, uint keyAddress, uint keyLength, uint ret) =>
        Run(memory, handles, handle, ret, store =>
        {
            store.Delete(GuestAbi.ReadString(memory, keyAddress, keyLength));
            Ok(memory, ret);
        });

    /// <summary><c>exists(store, key ptr, key len, ret)</c>: ok payload is a bool byte.</summary>
    public static void Exists(IGuestMemory memory, KeyValueHandles handles, uint handle, uint keyAddress, uint keyLength, uint ret) =>
        Run(memory, handles, handle, ret, store =>
        {
            var exists = store.Exists(GuestAbi.ReadString(memory, keyAddress, keyLength));
            Ok(memory, ret);
            GuestAbi.WriteU8(memory, ret + 4, exists ? (byte)1 : (byte)0);
        });

    /// <summary><c>get-keys(store, ret)</c>: ok payload is a string list.</summary>
    public static void GetKeys(IGuestMemory memory, KeyValueHandles handles, uint handle, uint ret) =>
        Run(memory, handles, handle, ret, store =>
        {
            var (address, count) = GuestAbi.WriteStringList(memory, store.GetKeys());
            Ok(memory, ret);
            GuestAbi.WriteU32(memory, ret + 4, address);
            GuestAbi.WriteU32(memory, ret + 8, count);
        });

    /// <summary><c>close(store)</c>: no effect on an unknown handle.</summary>
    public static void Close(KeyValueHandles handles, uint handle) => handles.Close(handle);

    private static void Run(IGuestMemory memory, KeyValueHandles handles, uint handle, uint ret, Action<IKeyValueStore> operation)
    {
        var store = handles.Find(handle);
        if (store is null)
        {
            Error(memory, ret, InvalidStore);
            return;
        }

        try
        {
            operation(store);
        }
        catch (Microsoft.Data.Sqlite.SqliteException e)
        {
            // The backend failed (disk full, locked, corrupt): the guest sees io(message), as in Spin.
            Error(memory, ret, Io, e.Message);
        }
    }

    private static void Ok(IGuestMemory memory, uint ret) => GuestAbi.WriteU8(memory, ret, 0);

    private static void Error(IGuestMemory memory, uint ret, byte tag, string? message = null)
    {
        GuestAbi.WriteU8(memory, ret, 1);
        GuestAbi.WriteU8(memory, ret + 4, tag);
        if (tag == Io)
        {
            var (address, length) = GuestAbi.WriteString(memory, message ?? "");
            GuestAbi.WriteU32(memory, ret + 8, address);
            GuestAbi.WriteU32(memory, ret + 12, length);
        }
    }
}
