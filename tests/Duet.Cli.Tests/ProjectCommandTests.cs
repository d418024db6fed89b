using System.Text.RegularExpressions;
using Duet.Storage.Sqlite;

namespace Duet.Cli.Tests;

public partial class ProjectCommandTests
{
    [Fact]
    public async Task ProjectCreatePrintsNewCredentialsThatAreStored()
    {
        using var dir = new TempDir();

        var result = await Cli.RunAsync("project", "create", "--name", "acme", "--data-dir", dir.Path);

        result.AssertOk();
        var match = Credentials().Match(result.Output);
        Assert.True(match.Success, result.Output);
        var stored = Assert.Single(await new SqliteProjectStore(SqliteDatabase.Open(dir.Path)).ListAsync());
        Assert.Equal((int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), match.Groups[2].Value, "acme"),
            (stored.ApiKey, stored.ApiSecret, stored.Name));
    }

    [Fact]
    public async Task ProjectCreateRefusesAnEmptyNameAndTheServerMode()
    {
        using var dir = new TempDir();

        (await Cli.RunAsync("project", "create", "--name", "", "--data-dir", dir.Path)).AssertFailed(2, "--name");
        (await Cli.RunAsync("project", "create", "--server", "http://localhost:1")).AssertFailed(2, "data directory");
    }

    [Fact]
    public async Task ProjectListShowsKeysAndNamesButSecretsOnlyWhenAsked()
    {
        using var dir = new TempDir();
        (await Cli.RunAsync("project", "create", "--name", "first", "--data-dir", dir.Path)).AssertOk();
        (await Cli.RunAsync("project", "create", "--name", "second", "--data-dir", dir.Path)).AssertOk();
        var projects = await new SqliteProjectStore(SqliteDatabase.Open(dir.Path)).ListAsync();

        var plain = await Cli.RunAsync("project", "list", "--data-dir", dir.Path);
        var withSecrets = await Cli.RunAsync("project", "list", "--data-dir", dir.Path, "--show-secrets");

        plain.AssertOk();
        withSecrets.AssertOk();
        Assert.Equal(3, plain.Output.Trim().Split('\n').Length);
        foreach (var p in projects)
        {
            Assert.Contains(p.ApiKey.ToString(System.Globalization.CultureInfo.InvariantCulture), plain.Output, StringComparison.Ordinal);
            Assert.Contains(p.Name, plain.Output, StringComparison.Ordinal);
            Assert.DoesNotContain(p.ApiSecret, plain.Output, StringComparison.Ordinal);
            Assert.Contains(p.ApiSecret, withSecrets.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ProjectListWithoutADatabaseFailsClearlyAndCreatesNothing()
    {
        using var dir = new TempDir();
        var missing = Path.Combine(dir.Path, "nowhere");

        (await Cli.RunAsync("project", "list", "--data-dir", missing)).AssertFailed(1, "No Duet database");
        Assert.False(Directory.Exists(missing));
    }

    [GeneratedRegex(@"API key:\s+(\d+)\s+API secret:\s+([0-9a-f]{40})")]
    private static partial Regex Credentials();
}
