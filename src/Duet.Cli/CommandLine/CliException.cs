namespace Duet.Cli.CommandLine;

/// <summary>Stops a command with a message for stderr and an exit code (<see cref="ExitCodes"/>).</summary>
public sealed class CliException(string message, int exitCode = ExitCodes.Failure) : Exception(message)
{
    public int ExitCode { get; } = exitCode;

    public static CliException Usage(string message) => new(message, ExitCodes.Usage);

    /// <summary>A refused option: the library's own sentence, without the " (Parameter 'name')" meant for programmers.</summary>
    public static CliException Usage(ArgumentException refused) =>
        Usage(refused.Message.Split(" (Parameter", StringSplitOptions.None)[0]);
}
