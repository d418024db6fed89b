using Duet.Cli.CommandLine;
using Duet.ServerSdk;
using Duet.Storage.Sqlite;

namespace Duet.Cli.Commands;

/// <summary>What every command gets: its arguments, the output streams, the clock, and the two ways to reach Duet.</summary>
public sealed class CommandContext(ParsedArgs args, TextWriter output, TimeProvider time)
{
    public const string DefaultDataDir = "./data";

    public ParsedArgs Args { get; } = args;

    public TextWriter Output { get; } = output;

    public TimeProvider Time { get; } = time;

    public bool UsesServer => Args.Has("server");

    /// <summary>The server's SQLite file; it must exist unless <paramref name="create"/> (only <c>project create</c> makes one).</summary>
    public SqliteDatabase OpenDataDir(bool create = false)
    {
        var dir = Args.Get("data-dir") ?? DefaultDataDir;
        if (!create && !File.Exists(Path.Combine(dir, SqliteDatabase.FileName)))
        {
            throw new CliException($"No Duet database in '{Path.GetFullPath(dir)}': pass the server's --data-dir, or run the server (or 'duet project create') once.");
        }

        try
        {
            return SqliteDatabase.Open(dir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
        {
            throw new CliException($"Cannot open the database in '{Path.GetFullPath(dir)}': {e.Message}");
        }
    }

    /// <summary>A server SDK client from <c>--server</c> (or a placeholder URL for local-only use), <c>--api-key</c>, <c>--api-secret</c>.</summary>
    public DuetClient ConnectClient()
    {
        var apiKey = ValueParsers.ApiKey(Args.Require("api-key"));
        var secret = Args.Require("api-secret");
        try
        {
            return new DuetClient(apiKey, secret, Args.Get("server") ?? "http://localhost:5080");
        }
        catch (ArgumentException e)
        {
            throw CliException.Usage(e);
        }
    }
}
