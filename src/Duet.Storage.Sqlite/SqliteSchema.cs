using Microsoft.Data.Sqlite;

namespace Duet.Storage.Sqlite;

/// <summary>
/// The whole schema. Times are Unix milliseconds; enums are stored by their lower-case name so the file reads
/// well in the sqlite3 shell. <c>PRAGMA user_version</c> records the schema version for later migrations.
/// </summary>
internal static class SqliteSchema
{
    private const int Version = 1;

    private const string CreateV1 = """
        CREATE TABLE IF NOT EXISTS projects (
            api_key     INTEGER PRIMARY KEY,
            api_secret  TEXT    NOT NULL,
            name        TEXT    NOT NULL,
            created_at  INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS sessions (
            id               TEXT    PRIMARY KEY,
            api_key          INTEGER NOT NULL,
            media_mode       TEXT    NOT NULL,
            archive_mode     TEXT    NOT NULL,
            location         TEXT    NOT NULL,
            e2ee             INTEGER NOT NULL,
            created_at       INTEGER NOT NULL,
            max_connections  INTEGER NULL
        );
        CREATE INDEX IF NOT EXISTS sessions_by_project ON sessions (api_key);
        CREATE TABLE IF NOT EXISTS rooms (
            name        TEXT    PRIMARY KEY,
            session_id  TEXT    NOT NULL REFERENCES sessions (id),
            created_at  INTEGER NOT NULL
        );
        """;

    public static void Apply(SqliteConnection connection)
    {
        Execute(connection, "PRAGMA journal_mode = WAL;");
        using var transaction = connection.BeginTransaction();
        using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "PRAGMA user_version;";
            var current = Convert.ToInt32(read.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            if (current > Version)
            {
                throw new InvalidOperationException(
                    $"The database {connection.DataSource} has schema version {current}; this Duet knows only up to {Version}. Use a newer Duet.");
            }
        }

        using (var create = connection.CreateCommand())
        {
            create.Transaction = transaction;
            create.CommandText = CreateV1 + $"PRAGMA user_version = {Version};";
            create.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
