using Microsoft.Data.Sqlite;

namespace Duet.Storage.Sqlite;

/// <summary>
/// The SQLite file under the data directory. <see cref="Open"/> creates the directory and the schema on first use and
/// switches the file to WAL so the server and the CLI can read while the other writes.
/// </summary>
public sealed class SqliteDatabase
{
    public const string FileName = "duet.db";

    private readonly string _connectionString;

    private SqliteDatabase(string path)
    {
        Path = path;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            // A writer waits this long for another writer (server and CLI share the file) instead of failing at once.
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <summary>The database file's full path.</summary>
    public string Path { get; }

    /// <summary>Opens (and on first run creates) the database in <paramref name="dataDir"/>.</summary>
    public static SqliteDatabase Open(string dataDir)
    {
        var dir = System.IO.Path.GetFullPath(dataDir);
        Directory.CreateDirectory(dir);
        var database = new SqliteDatabase(System.IO.Path.Combine(dir, FileName));
        using var connection = database.Connect();
        SqliteSchema.Apply(connection);
        return database;
    }

    /// <summary>An open connection (pooled); dispose it after one unit of work.</summary>
    public SqliteConnection Connect()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    public async Task<SqliteConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
