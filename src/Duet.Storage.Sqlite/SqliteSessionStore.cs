using Duet.Core.Sessions;
using Duet.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Duet.Storage.Sqlite;

/// <summary>Sessions in the <c>sessions</c> table; never deleted (OpenTok sessions do not expire).</summary>
public sealed class SqliteSessionStore(SqliteDatabase database) : ISessionStore
{
    public async Task<Session?> FindAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.ConnectAsync(cancellationToken);
        return await FindAsync(connection, null, sessionId, cancellationToken);
    }

    public async Task AddAsync(Session session, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.ConnectAsync(cancellationToken);
        await InsertAsync(connection, null, session, cancellationToken);
    }

    internal static async Task<Session?> FindAsync(SqliteConnection connection, SqliteTransaction? transaction, string sessionId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            SELECT id, api_key, media_mode, archive_mode, location, e2ee, created_at, max_connections
            FROM sessions WHERE id = $id;
            """;
        command.Parameters.AddWithValue("$id", sessionId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new Session(
            reader.GetString(0),
            reader.GetInt32(1),
            SqliteValues.ParseMediaMode(reader.GetString(2)),
            SqliteValues.ParseArchiveMode(reader.GetString(3)),
            reader.GetString(4),
            reader.GetInt64(5) != 0,
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6)),
            reader.IsDBNull(7) ? null : reader.GetInt32(7));
    }

    internal static async Task InsertAsync(SqliteConnection connection, SqliteTransaction? transaction, Session session, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO sessions (id, api_key, media_mode, archive_mode, location, e2ee, created_at, max_connections)
            VALUES ($id, $key, $media, $archive, $location, $e2ee, $created, $max);
            """;
        command.Parameters.AddWithValue("$id", session.Id);
        command.Parameters.AddWithValue("$key", session.ApiKey);
        command.Parameters.AddWithValue("$media", SqliteValues.Format(session.MediaMode));
        command.Parameters.AddWithValue("$archive", SqliteValues.Format(session.ArchiveMode));
        command.Parameters.AddWithValue("$location", session.Location);
        command.Parameters.AddWithValue("$e2ee", session.E2ee ? 1 : 0);
        command.Parameters.AddWithValue("$created", session.CreatedAt.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$max", (object?)session.MaxConnections ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
