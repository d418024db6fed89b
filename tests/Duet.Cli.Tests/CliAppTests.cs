namespace Duet.Cli.Tests;

public class CliAppTests
{
    [Fact]
    public async Task HelpListsTheCommandsAndExitsZero()
    {
        var result = await Cli.RunAsync("--help");

        result.AssertOk();
        foreach (var command in new[] { "project create", "project list", "session create", "token create" })
        {
            Assert.Contains(command, result.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task EachCommandHasHelp()
    {
        foreach (var command in new[] { "project create", "project list", "session create", "token create" })
        {
            var result = await Cli.RunAsync([.. command.Split(' '), "--help"]);
            result.AssertOk();
            Assert.Contains("duet " + command, result.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task NoCommandUnknownCommandsAndBadOptionsAreUsageErrors()
    {
        var none = await Cli.RunAsync();
        Assert.Equal(2, none.ExitCode);
        Assert.Contains("Commands:", none.Error, StringComparison.Ordinal);

        (await Cli.RunAsync("session", "delete")).AssertFailed(2, "Unknown command 'session delete'");
        (await Cli.RunAsync("project", "list", "--colour", "red")).AssertFailed(2, "Unknown option --colour");
        (await Cli.RunAsync("project", "list", "--data-dir")).AssertFailed(2, "--data-dir needs a value");
        (await Cli.RunAsync("project", "list", "--data-dir", "a", "--data-dir", "b")).AssertFailed(2, "twice");
    }
}
