using Duet.Cli.CommandLine;
using Duet.Cli.Commands;

namespace Duet.Cli;

/// <summary>The <c>duet</c> tool's entry point, callable in-process (tests) with its own output streams and clock.</summary>
public static class CliApp
{
    private const string Usage = """
        duet — manage a Duet server's projects, sessions and tokens.

        Commands:
          duet project create   add a project with new credentials (data directory)
          duet project list     list projects (data directory)
          duet session create   create a session (data directory or --server)
          duet token create     make a token for a session (data directory or credentials)

        Run 'duet COMMAND --help' for a command's options. Exit codes: 0 ok, 1 failed, 2 bad command line.
        """;

    private static readonly IReadOnlySet<string> Flags = new HashSet<string>(StringComparer.Ordinal) { "e2ee", "show-secrets" };

    private static readonly Dictionary<string, (Func<CommandContext, Task<int>> Run, string Help)> Commands = new(StringComparer.Ordinal)
    {
        ["project create"] = (ProjectCommands.CreateAsync, ProjectCommands.CreateHelp),
        ["project list"] = (ProjectCommands.ListAsync, ProjectCommands.ListHelp),
        ["session create"] = (SessionCommands.CreateAsync, SessionCommands.CreateHelp),
        ["token create"] = (TokenCommands.CreateAsync, TokenCommands.CreateHelp),
    };

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, TimeProvider? time = null)
    {
        try
        {
            var parsed = ParsedArgs.Parse(args, Flags);
            var name = string.Join(' ', parsed.Words);
            if (parsed.Words.Count == 0)
            {
                (parsed.WantsHelp ? output : error).WriteLine(Usage);
                return parsed.WantsHelp ? ExitCodes.Ok : ExitCodes.Usage;
            }

            if (!Commands.TryGetValue(name, out var command))
            {
                throw CliException.Usage($"Unknown command '{name}'. Run 'duet --help'.");
            }

            if (parsed.WantsHelp)
            {
                output.WriteLine(command.Help);
                return ExitCodes.Ok;
            }

            return await command.Run(new CommandContext(parsed, output, time ?? TimeProvider.System));
        }
        catch (CliException e)
        {
            error.WriteLine($"duet: {e.Message}");
            return e.ExitCode;
        }
    }
}
