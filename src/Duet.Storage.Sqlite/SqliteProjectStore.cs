using Duet.Core.Projects;
using Duet.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Duet.Storage.Sqlite;

/// <summary>Projects in the <c>projects</c> table.</summary>
public sealed class SqliteProjectStore(SqliteDatabase database) : IProjectStore
{
    private const string Columns = "api_key, api_secret, name, created_at";

    public async Task<Project?> FindAsync(int apiKey, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.ConnectAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM projects WHERE api_key = $key;";
        command.Parameters.AddWithValue("$key", apiKey);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public async Task<IReadOnlyList<Project>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.ConnectAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM projects ORDER BY created_at, rowid;";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var projects = new List<Project>();
        while (await reader.ReadAsync(cancellationToken))
        {
            projects.Add(Read(reader));
        }

        return projects;
    }

    public async Task<bool> AddAsync(Project project, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.ConnectAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"INSERT OR IGNORE INTO projects ({Columns}) VALUES ($key, $secret, $name, $created);";
        command.Parameters.AddWithValue("$key", project.ApiKey);
        command.Parameters.AddWithValue("$secret", project.ApiSecret);
        command.Parameters.AddWithValue("$name", project.Name);
        command.Parameters.AddWithValue("$created", project.CreatedAt.ToUnixTimeMilliseconds());
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<bool> UpdateSecretAsync(int apiKey, string apiSecret, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.ConnectAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE projects SET api_secret = $secret WHERE api_key = $key;";
        command.Parameters.AddWithValue("$key", apiKey);
        command.Parameters.AddWithValue("$secret", apiSecret);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static Project Read(SqliteDataReader reader) => new(
        reader.GetInt32(0),
        reader.GetString(1),
        reader.GetString(2),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)));
}
