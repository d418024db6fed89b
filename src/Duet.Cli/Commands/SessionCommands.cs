using Duet.Cli.CommandLine;
using Duet.Core.Projects;
using Duet.Core.Sessions;
using Duet.ServerSdk;
using Duet.Storage.Sqlite;

namespace Duet.Cli.Commands;

/// <summary><c>duet session create</c>: through the REST API (<c>--server</c>) or straight into the data directory.</summary>
public static class SessionCommands
{
    public const string CreateHelp = """
        duet session create [--media-mode relayed|routed] [--archive-mode manual|always] [--location IP]
                            (--server URL --api-key KEY --api-secret SECRET | [--data-dir DIR] [--api-key KEY]
                             [--e2ee] [--max-connections N])
          Creates a session and prints its ID. With --server it calls POST /session/create; otherwise it writes
          to the database in DIR (default ./data) for the project KEY (default: the oldest project).
        """;

    public static async Task<int> CreateAsync(CommandContext context)
    {
        var args = context.Args;
        var options = new SessionCreateOptions
        {
            MediaMode = args.Get("media-mode") is { } media ? ValueParsers.MediaMode(media) : MediaMode.Relayed,
            ArchiveMode = args.Get("archive-mode") is { } archive ? ValueParsers.ArchiveMode(archive) : ArchiveMode.Manual,
            Location = args.Get("location") ?? "",
            E2ee = args.Has("e2ee"),
            MaxConnections = args.Get("max-connections") is { } max ? ValueParsers.PositiveInt("max-connections", max) : null,
        };

        if (context.UsesServer)
        {
            args.Allow("server", "api-key", "api-secret", "media-mode", "archive-mode", "location");
            if (SessionFactory.Validate(options) is { } invalid)
            {
                throw CliException.Usage(invalid);
            }

            using var client = context.ConnectClient();
            try
            {
                var session = await client.CreateSessionAsync(options.Location, options.MediaMode, options.ArchiveMode);
                context.Output.WriteLine(session.Id);
                return ExitCodes.Ok;
            }
            catch (DuetApiException e)
            {
                throw new CliException($"The server refused ({(int)e.StatusCode}): {e.Message}");
            }
        }

        args.Allow("data-dir", "api-key", "media-mode", "archive-mode", "location", "e2ee", "max-connections");
        if (SessionFactory.Validate(options) is { } error)
        {
            throw CliException.Usage(error);
        }

        var database = context.OpenDataDir();
        var project = await FindProjectAsync(new SqliteProjectStore(database), args.Get("api-key"));
        var created = SessionFactory.Create(project.ApiKey, options, context.Time.GetUtcNow());
        await new SqliteSessionStore(database).AddAsync(created);
        context.Output.WriteLine(created.Id);
        return ExitCodes.Ok;
    }

    private static async Task<Project> FindProjectAsync(SqliteProjectStore projects, string? apiKeyText)
    {
        if (apiKeyText is not null)
        {
            var apiKey = ValueParsers.ApiKey(apiKeyText);
            return await projects.FindAsync(apiKey) ?? throw new CliException($"No project has API key {apiKey}.");
        }

        var all = await projects.ListAsync();
        return all.Count > 0 ? all[0] : throw new CliException("There is no project yet: run 'duet project create' first.");
    }
}
