using Microsoft.Data.Sqlite;

namespace NomadWasm.Spin.Capabilities.KeyValue;

/// <summary>
/// Spin's default key-value backend (store type <c>spin</c>, spec §4.1): one SQLite table
/// <c>spin_key_value(store TEXT, key TEXT, value BLOB, PRIMARY KEY(store, key))</c> whose
/// <c>store</c> column is the label. A file database under the state dir, or a private in-memory
/// database when there is no state dir.
/// </summary>
internal sealed class SqliteKeyValueStore : IKeyValueStore, IDisposable
{
    private readonly string _connectionString;
    private readonly string _label;

    // An in-memory shared-cache database lives only while a connection is open.
    private readonly SqliteConnection? _keepAlive;

    private SqliteKeyValueStore(string connectionString, string label, SqliteConnection? keepAlive)
    {
        _connectionString = connectionString;
        _label = label;
        _keepAlive = keepAlive;
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS spin_key_value (
              store TEXT NOT NULL,
              key   TEXT NOT NULL,
              value BLOB NOT NULL,
              PRIMARY KEY (store, key)
            );
            """;
        command.ExecuteNonQuery();
    }

    /// <summary>A store backed by the SQLite file at <paramref name="path"/> (directories are created).</summary>
    public static SqliteKeyValueStore OpenFile(string path, string label)
    {
        ArgumentNullException.ThrowIfNull(path);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true };
        return new SqliteKeyValueStore(builder.ToString(), label, keepAlive: null);
    }

    /// <summary>A store that lives in memory for the life of the process.</summary>
    public static SqliteKeyValueStore OpenInMemory(string label)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = "kv-" + Guid.NewGuid().ToString("N"),
            Mode = SqliteOpenMode.Memory,
            Cache = SqliteCacheMode.Shared,
        };
        var keepAlive = new SqliteConnection(builder.ToString());
        keepAlive.Open();
        return new SqliteKeyValueStore(builder.ToString(), label, keepAlive);
    }

    public byte[]? Get(string key)
    {
        using var connection = Open();
        using var command = Command(connection, "SELECT value FROM spin_key_value WHERE store = $store AND key = $key", key);
        return command.ExecuteScalar() as byte[];
    }

    public void Set(string key, ReadOnlySpan<byte> value)
    {
        using var connection = Open();
        using var command = Command(
            connection,
            "INSERT INTO spin_key_value (store, key, value) VALUES ($store, $key, $value) ON CONFLICT(store, key) DO UPDATE SET value = excluded.value",
            key);
        command.Parameters.AddWithValue("$value", value.ToArray());
        command.ExecuteNonQuery();
    }

    public void Delete(string key)
    {
        using var connection = Open();
        using var command = Command(connection, "DELETE FROM spin_key_value WHERE store = $store AND key = $key", key);
        command.ExecuteNonQuery();
    }

    public bool Exists(string key)
    {
        using var connection = Open();
        using var command = Command(connection, "SELECT EXISTS(SELECT 1 FROM spin_key_value WHERE store = $store AND key = $key)", key);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) != 0;
    }

    public IReadOnlyList<string> GetKeys()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT key FROM spin_key_value WHERE store = $store";
        command.Parameters.AddWithValue("$store", _label);
        using var reader = command.ExecuteReader();
        var keys = new List<string>();
        while (reader.Read())
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }

    public void Dispose() => _keepAlive?.Dispose();

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private SqliteCommand Command(SqliteConnection connection, string sql, string key)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$store", _label);
        command.Parameters.AddWithValue("$key", key);
        return command;
    }
}
