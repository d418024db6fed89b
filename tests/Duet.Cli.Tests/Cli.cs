using Duet.Cli;

namespace Duet.Cli.Tests;

/// <summary>Runs <c>duet</c> through its real entry point and captures what it printed.</summary>
internal static class Cli
{
    public static async Task<CliResult> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CliApp.RunAsync(args, output, error);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}

internal sealed record CliResult(int ExitCode, string Output, string Error)
{
    public string Line => Output.Trim();

    public void AssertOk() => Assert.True(ExitCode == 0, $"exit {ExitCode}: {Error}");

    public void AssertFailed(int exitCode, string messagePart)
    {
        Assert.Equal(exitCode, ExitCode);
        Assert.Equal("", Output);
        Assert.StartsWith("duet: ", Error, StringComparison.Ordinal);
        Assert.Contains(messagePart, Error, StringComparison.OrdinalIgnoreCase);
    }
}
