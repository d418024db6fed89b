using Duet.Cli.CommandLine;
using Duet.Core.Sessions;
using Duet.Core.Tokens;
using Duet.Storage.Sqlite;

namespace Duet.Cli.Commands;

/// <summary><c>duet token create</c>: signs a token locally with the project's secret (from the data directory, or given).</summary>
public static class TokenCommands
{
    public const string CreateHelp = """
        duet token create --session ID [--role publisher|subscriber|moderator|publisheronly] [--expires WHEN]
                          [--data TEXT] [--layout "CLASS ..."] [--format jwt|t1]
                          ([--data-dir DIR] | --api-key KEY --api-secret SECRET [--server URL])
          Prints a token for the session. WHEN is a duration (30m, 2h, 7d; default 1d, at most 30d), Unix seconds
          or an ISO 8601 time. With --api-secret the token is made with those credentials (the server SDK);
          otherwise the session and its project's secret are read from the database in DIR (default ./data).
        """;

    public static async Task<int> CreateAsync(CommandContext context)
    {
        var args = context.Args;
        var sessionId = args.Require("session");
        var now = context.Time.GetUtcNow();
        var role = args.Get("role") is { } r ? ValueParsers.Role(r) : Role.Publisher;
        DateTimeOffset? expires = args.Get("expires") is { } e ? ValueParsers.Expires(e, now) : null;
        var data = args.Get("data");
        var layout = args.Get("layout")?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var format = args.Get("format") is { } f ? ValueParsers.Format(f) : TokenFormat.Jwt;
        if (!SessionId.TryDecode(sessionId, out var parts))
        {
            throw CliException.Usage($"--session '{sessionId}' is not a session ID.");
        }

        string token;
        if (args.Has("api-secret") || context.UsesServer)
        {
            args.Allow("session", "role", "expires", "data", "layout", "format", "api-key", "api-secret", "server");
            using var client = context.ConnectClient();
            token = Generate(() => client.GenerateToken(sessionId, role, expires, data, layout, format));
        }
        else
        {
            args.Allow("session", "role", "expires", "data", "layout", "format", "data-dir");
            var database = context.OpenDataDir();
            var session = await new SqliteSessionStore(database).FindAsync(sessionId)
                ?? throw new CliException($"Session {sessionId} does not exist in this data directory.");
            var project = await new SqliteProjectStore(database).FindAsync(session.ApiKey)
                ?? throw new CliException($"The session's project {parts.ApiKey} does not exist.");
            var options = new TokenOptions { Role = role, ExpireTime = expires, Data = data, InitialLayoutClassList = layout };
            token = Generate(() => TokenGenerator.Generate(project, sessionId, options, now, format));
        }

        context.Output.WriteLine(token);
        return ExitCodes.Ok;
    }

    private static string Generate(Func<string> generate)
    {
        try
        {
            return generate();
        }
        catch (ArgumentException e)
        {
            // The generator's own sentence (session of another project, expiry out of range, data too long).
            throw CliException.Usage(e);
        }
    }
}
