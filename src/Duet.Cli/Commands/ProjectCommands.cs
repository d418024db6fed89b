using System.Globalization;
using Duet.Cli.CommandLine;
using Duet.Core.Projects;
using Duet.Storage.Sqlite;

namespace Duet.Cli.Commands;

/// <summary><c>duet project create|list</c>: projects live only in the data directory (there is no REST API for them).</summary>
public static class ProjectCommands
{
    public const string CreateHelp = """
        duet project create [--name NAME] [--data-dir DIR]
          Adds a project with a new random API key and secret to the server's database (DIR, default ./data)
          and prints them. The secret is shown only here.
        """;

    public const string ListHelp = """
        duet project list [--data-dir DIR] [--show-secrets]
          Lists the projects (API key, name, creation time); secrets only with --show-secrets.
        """;

    public static async Task<int> CreateAsync(CommandContext context)
    {
        RefuseServer(context);
        context.Args.Allow("name", "data-dir");
        var name = context.Args.Get("name") ?? "default";
        if (name.Length is 0 or > 100)
        {
            throw CliException.Usage("--name must be 1 to 100 characters.");
        }

        var store = new SqliteProjectStore(context.OpenDataDir(create: true));
        while (true)
        {
            var project = ProjectCredentials.NewProject(name, context.Time.GetUtcNow());
            if (await store.AddAsync(project))
            {
                context.Output.WriteLine($"API key:    {project.ApiKey}");
                context.Output.WriteLine($"API secret: {project.ApiSecret}");
                return ExitCodes.Ok;
            }
        }
    }

    public static async Task<int> ListAsync(CommandContext context)
    {
        RefuseServer(context);
        context.Args.Allow("data-dir", "show-secrets");
        var showSecrets = context.Args.Has("show-secrets");
        var projects = await new SqliteProjectStore(context.OpenDataDir()).ListAsync();
        context.Output.WriteLine(showSecrets ? "API KEY    SECRET                                    CREATED (UTC)        NAME" : "API KEY    CREATED (UTC)        NAME");
        foreach (var p in projects)
        {
            var created = p.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            context.Output.WriteLine(showSecrets ? $"{p.ApiKey,-10} {p.ApiSecret,-41} {created,-20} {p.Name}" : $"{p.ApiKey,-10} {created,-20} {p.Name}");
        }

        return ExitCodes.Ok;
    }

    private static void RefuseServer(CommandContext context)
    {
        if (context.UsesServer)
        {
            throw CliException.Usage("Projects are managed on the server's data directory (--data-dir), not through --server.");
        }
    }
}
