using Duet.Core.Projects;
using Duet.Core.Sessions;
using Duet.Storage.Sqlite;
using Duet.Testing;

namespace Duet.Server.Tests;

/// <summary>Reads what the running server stored, straight from its SQLite file (WAL lets a second reader in).</summary>
public static class ServerData
{
    public static Task<Session?> FindSessionAsync(DuetServerProcess server, string sessionId) =>
        new SqliteSessionStore(SqliteDatabase.Open(server.DataDir)).FindAsync(sessionId);

    public static Task<IReadOnlyList<Project>> ListProjectsAsync(DuetServerProcess server) =>
        new SqliteProjectStore(SqliteDatabase.Open(server.DataDir)).ListAsync();

    public static Project SeededProject { get; } =
        new(DuetServerProcess.ApiKey, DuetServerProcess.ApiSecret, "default", DateTimeOffset.UnixEpoch);
}
