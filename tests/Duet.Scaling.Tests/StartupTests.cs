using Duet.Testing;

namespace Duet.Scaling.Tests;

/// <summary>A node that cannot reach its Redis must not serve (it would split the cluster's state): it stops at start-up.</summary>
public sealed class StartupTests
{
    [Fact]
    public async Task AnUnreachableRedisStopsStartUpWithExitCodeOne()
    {
        var port = FreePort.Next();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            DuetServerProcess.StartAsync(new Dictionary<string, string> { ["Duet:Redis:Configuration"] = $"127.0.0.1:{port},connectTimeout=2000" }));

        Assert.Contains("The server exited with 1", error.Message, StringComparison.Ordinal);
        Assert.Contains($"Duet cannot start: Redis is not reachable at 127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMalformedRedisConfigurationStopsStartUp()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            DuetServerProcess.StartAsync(new Dictionary<string, string> { ["Duet:Redis:Configuration"] = "127.0.0.1:6379,noSuchOption=1" }));

        Assert.Contains("The server exited with 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("Duet cannot start: Duet:Redis:Configuration is not a valid Redis connection string", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.5")]
    [InlineData("1e15")]
    [InlineData("100000000")]
    public async Task ANodeTimeoutOutOfRangeStopsStartUp(string seconds)
    {
        // 1e15 overflowed TimeSpan at start-up (exit 134); 1e8 made the heartbeat's timer throw once the node ran.
        await using var redis = await Duet.Testing.Processes.RedisProcess.StartAsync();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => DuetServerProcess.StartAsync(new Dictionary<string, string>
        {
            ["Duet:Redis:Configuration"] = redis.ConnectionString,
            ["Duet:Redis:NodeTimeoutSeconds"] = seconds,
        }));

        Assert.Contains("The server exited with 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("Duet cannot start: Duet:Redis:NodeTimeoutSeconds must be at least 1", error.Message, StringComparison.Ordinal);
    }
}
