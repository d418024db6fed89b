using Duet.Core.Sessions;
using Duet.Core.Storage;

namespace Duet.Storage.Sqlite;

/// <summary>Rooms in the <c>rooms</c> table, each pointing at its session.</summary>
public sealed class SqliteRoomStore(SqliteDatabase database) : IRoomStore
{
    public async Task<Session> GetOrCreateSessionAsync(string roomName, Func<Session> newSession, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.ConnectAsync(cancellationToken);
        // BEGIN IMMEDIATE takes the write lock up front, so two first requests for one room (in this process or in
        // another one on the same file) are serialised: the second sees the first one's room.
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using (var find = connection.CreateCommand())
        {
            find.Transaction = transaction;
            find.CommandText = "SELECT session_id FROM rooms WHERE name = $name;";
            find.Parameters.AddWithValue("$name", roomName);
            if (await find.ExecuteScalarAsync(cancellationToken) is string sessionId)
            {
                var existing = await SqliteSessionStore.FindAsync(connection, transaction, sessionId, cancellationToken)
                    ?? throw new InvalidDataException($"Room '{roomName}' points at a missing session.");
                await transaction.CommitAsync(cancellationToken);
                return existing;
            }
        }

        var session = newSession();
        await SqliteSessionStore.InsertAsync(connection, transaction, session, cancellationToken);
        await using (var add = connection.CreateCommand())
        {
            add.Transaction = transaction;
            add.CommandText = "INSERT INTO rooms (name, session_id, created_at) VALUES ($name, $session, $created);";
            add.Parameters.AddWithValue("$name", roomName);
            add.Parameters.AddWithValue("$session", session.Id);
            add.Parameters.AddWithValue("$created", session.CreatedAt.ToUnixTimeMilliseconds());
            await add.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return session;
    }
}
