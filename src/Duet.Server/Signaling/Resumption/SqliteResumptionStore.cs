using System.Globalization;
using System.Security.Cryptography;
using Duet.Storage.Sqlite;

namespace Duet.Server.Signaling.Resumption;

/// <summary>
/// The resume signing key and the ended-connection list in the server's SQLite file (tables of their own, created
/// on first use, so the shared schema is untouched).
/// </summary>
public sealed class SqliteResumptionStore : IEndedConnections, IServerKeyStore
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS server_keys (name TEXT PRIMARY KEY, value BLOB NOT NULL);
        CREATE TABLE IF NOT EXISTS ended_connections (connection_id TEXT PRIMARY KEY, expires_at INTEGER NOT NULL);
        """;

    private readonly SqliteDatabase _database;
    private readonly TimeProvider _time;
    private readonly Lazy<bool> _schema;

    public SqliteResumptionStore(SqliteDatabase database, TimeProvider time)
    {
        _database = database;
        _time = time;
        _schema = new Lazy<bool>(() =>
        {
            using var connection = _database.Connect();
            using var command = connection.CreateCommand();
            command.CommandText = Schema;
            command.ExecuteNonQuery();
            return true;
        });
    }

    public byte[] GetOrCreate(string name, int length)
    {
        _ = _schema.Value;
        using var connection = _database.Connect();
        using (var insert = connection.CreateCommand())
        {
            // Two processes racing on first start both end up with the first one's key.
            insert.CommandText = "INSERT OR IGNORE INTO server_keys (name, value) VALUES ($name, $value);";
            insert.Parameters.AddWithValue("$name", name);
            insert.Parameters.AddWithValue("$value", RandomNumberGenerator.GetBytes(length));
            insert.ExecuteNonQuery();
        }

        using var read = connection.CreateCommand();
        read.CommandText = "SELECT value FROM server_keys WHERE name = $name;";
        read.Parameters.AddWithValue("$name", name);
        return (byte[])read.ExecuteScalar()!;
    }

    public async ValueTask AddAsync(string connectionId, DateTimeOffset secretExpiresAt)
    {
        _ = _schema.Value;
        await using var connection = await _database.ConnectAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT OR REPLACE INTO ended_connections (connection_id, expires_at) VALUES ($id, $expires);
            DELETE FROM ended_connections WHERE expires_at < $now;
            """;
        command.Parameters.AddWithValue("$id", connectionId);
        command.Parameters.AddWithValue("$expires", secretExpiresAt.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$now", _time.GetUtcNow().ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask<bool> ContainsAsync(string connectionId)
    {
        _ = _schema.Value;
        await using var connection = await _database.ConnectAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM ended_connections WHERE connection_id = $id;";
        command.Parameters.AddWithValue("$id", connectionId);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture) > 0;
    }
}
