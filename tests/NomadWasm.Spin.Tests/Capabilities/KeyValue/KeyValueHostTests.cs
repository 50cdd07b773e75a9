using System.Text;
using NomadWasm.Spin.Capabilities.KeyValue;
using NomadWasm.Spin.Tests.TestSupport;

namespace NomadWasm.Spin.Tests.Capabilities.KeyValue;

public sealed class KeyValueHostTests : IDisposable
{
    private readonly string _stateDir = Path.Combine(Path.GetTempPath(), "nw-kv-" + Guid.NewGuid().ToString("N"));
    private readonly KeyValueRegistry _registry;
    private readonly FakeGuestMemory _memory = new();
    private readonly KeyValueHandles _handles = new();

    public KeyValueHostTests() => _registry = new KeyValueRegistry(_stateDir);

    public void Dispose()
    {
        _registry.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_stateDir))
        {
            Directory.Delete(_stateDir, recursive: true);
        }
    }

    [Fact]
    public void Open_LabelNotListed_IsAccessDenied()
    {
        var access = new KeyValueAccess(_registry, []);

        var ret = Open(access, "default");

        Assert.Equal(1, _memory.U8(ret));
        Assert.Equal(2, _memory.U8(ret + 4)); // access-denied
    }

    [Fact]
    public void Open_ListedButUndefinedLabel_IsNoSuchStore()
    {
        var access = new KeyValueAccess(_registry, ["other"]);

        var ret = Open(access, "other");

        Assert.Equal(1, _memory.U8(ret));
        Assert.Equal(1, _memory.U8(ret + 4)); // no-such-store
    }

    [Fact]
    public void SetGetExistsKeysDelete_RoundTripThroughSqliteFile()
    {
        var handle = OpenDefault();

        var ret = NewRet();
        var key = _memory.Put("greeting");
        var value = _memory.Put("hello");
        KeyValueHost.Set(_memory, _handles, handle, key, 8, value, 5, ret);
        Assert.Equal(0, _memory.U8(ret));

        ret = NewRet();
        KeyValueHost.Get(_memory, _handles, handle, key, 8, ret);
        Assert.Equal(0, _memory.U8(ret));
        Assert.Equal("hello", _memory.String(_memory.U32(ret + 4), _memory.U32(ret + 8)));

        ret = NewRet();
        KeyValueHost.Exists(_memory, _handles, handle, key, 8, ret);
        Assert.Equal(1, _memory.U8(ret + 4));

        ret = NewRet();
        KeyValueHost.GetKeys(_memory, _handles, handle, ret);
        Assert.Equal(1u, _memory.U32(ret + 8));
        var element = _memory.U32(ret + 4);
        Assert.Equal("greeting", _memory.String(_memory.U32(element), _memory.U32(element + 4)));

        ret = NewRet();
        KeyValueHost.Delete(_memory, _handles, handle, key, 8, ret);
        Assert.Equal(0, _memory.U8(ret));

        ret = NewRet();
        KeyValueHost.Get(_memory, _handles, handle, key, 8, ret);
        Assert.Equal(1, _memory.U8(ret));
        Assert.Equal(4, _memory.U8(ret + 4)); // no-such-key

        Assert.True(File.Exists(Path.Combine(_stateDir, KeyValueRegistry.DefaultFileName)));
    }

    [Fact]
    public void Values_PersistAcrossRegistries_InTheSameStateDir()
    {
        _registry.Find("default")!.Set("k", Encoding.UTF8.GetBytes("v"));

        using var reopened = new KeyValueRegistry(_stateDir);

        Assert.Equal("v", Encoding.UTF8.GetString(reopened.Find("default")!.Get("k")!));
    }

    [Fact]
    public void Operations_OnClosedHandle_AreInvalidStore()
    {
        var handle = OpenDefault();
        KeyValueHost.Close(_handles, handle);

        var ret = NewRet();
        KeyValueHost.Exists(_memory, _handles, handle, _memory.Put("k"), 1, ret);

        Assert.Equal(1, _memory.U8(ret));
        Assert.Equal(3, _memory.U8(ret + 4)); // invalid-store
    }

    [Fact]
    public void Open_MoreThan256Stores_IsStoreTableFull()
    {
        var access = new KeyValueAccess(_registry, ["default"]);
        for (var i = 0; i < KeyValueHandles.MaxOpenStores; i++)
        {
            Assert.Equal(0, _memory.U8(Open(access, "default")));
        }

        var ret = Open(access, "default");

        Assert.Equal(1, _memory.U8(ret));
        Assert.Equal(0, _memory.U8(ret + 4)); // store-table-full
    }

    [Fact]
    public void InMemoryRegistry_WithoutStateDir_Works()
    {
        using var registry = new KeyValueRegistry(stateDirectory: null);
        var store = registry.Find("default")!;

        store.Set("a", [1, 2, 3]);

        Assert.Equal([1, 2, 3], store.Get("a"));
        Assert.Equal(["a"], store.GetKeys());
    }

    private uint OpenDefault()
    {
        var ret = Open(new KeyValueAccess(_registry, ["default"]), "default");
        Assert.Equal(0, _memory.U8(ret));
        return _memory.U32(ret + 4);
    }

    private uint Open(KeyValueAccess access, string label)
    {
        var ret = NewRet();
        var name = _memory.Put(label);
        KeyValueHost.Open(_memory, access, _handles, name, (uint)label.Length, ret);
        return ret;
    }

    private uint NewRet() => _memory.Allocate(16, 4);
}
