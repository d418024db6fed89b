namespace Duet.Cli.CommandLine;

public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The command was understood but failed: refused by the server, not found, cannot open the data directory.</summary>
    public const int Failure = 1;

    /// <summary>The command line itself is wrong: unknown command or option, missing or malformed value.</summary>
    public const int Usage = 2;
}
