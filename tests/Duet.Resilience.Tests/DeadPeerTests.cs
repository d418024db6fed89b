using System.Diagnostics;
using Duet.Resilience.Tests.Infrastructure;

namespace Duet.Resilience.Tests;

/// <summary>Issue 6: a peer that goes away without hanging up — a closed tab, a killed browser.</summary>
public sealed class DeadPeerTests
{
    [Fact]
    public async Task ClosingThePageLeavesExplicitlySoThePeerKnowsWithinOneSecond()
    {
        await using var call = await ResilientCall.OpenAsync(ResilienceServer.Settings());
        await call.StartAsync();
        var aliceStream = await call.Alice.EvalAsync<string>("H.publisher.streamId");

        var closedAt = await ResilientCall.NowAsync(call.Bob);
        await call.Alice.Page.CloseAsync();
        var streamGone = await call.Bob.WaitForEventAsync("session", "streamDestroyed", $"e.streamId === '{aliceStream}'", timeoutMs: 2_000);
        var connectionGone = await call.Bob.WaitForEventAsync("session", "connectionDestroyed", timeoutMs: 2_000);
        Assert.True(streamGone.GetProperty("t").GetDouble() - closedAt <= 1_000, $"streamDestroyed came {streamGone.GetProperty("t").GetDouble() - closedAt} ms after the page closed");
        Assert.Equal("clientDisconnected", streamGone.GetProperty("reason").GetString());
        Assert.Equal("clientDisconnected", connectionGone.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task KilledBrowserIsDetectedWithinGracePlusHeartbeat()
    {
        await using var call = await ResilientCall.OpenAsync(ResilienceServer.Settings());
        await call.StartAsync();
        var aliceStream = await call.Alice.EvalAsync<string>("H.publisher.streamId");

        var killedAt = await ResilientCall.NowAsync(call.Bob);
        var killed = KillProcessesWith(call.AliceMarker);
        Assert.True(killed > 0, "no Chromium process of alice was found");

        var limit = ResilienceServer.Grace + ResilienceServer.ClientTimeout + TimeSpan.FromSeconds(2);
        var streamGone = await call.Bob.WaitForEventAsync("session", "streamDestroyed", $"e.streamId === '{aliceStream}'", timeoutMs: (float)limit.TotalMilliseconds);
        var connectionGone = await call.Bob.WaitForEventAsync("session", "connectionDestroyed", timeoutMs: 3_000);
        Assert.Equal("networkDisconnected", streamGone.GetProperty("reason").GetString());
        Assert.Equal("networkDisconnected", connectionGone.GetProperty("reason").GetString());
        Assert.True(streamGone.GetProperty("t").GetDouble() - killedAt <= limit.TotalMilliseconds);

        // Before giving up, the peer was told Alice was reconnecting (her media went quiet, her subscriber said so).
        await call.Bob.WaitForEventAsync("subscriber", "disconnected", $"e.t >= {killedAt}", timeoutMs: 1_000);
    }

    /// <summary>SIGKILL to every process whose command line carries <paramref name="marker"/> (one user's Chromium and its children).</summary>
    private static int KillProcessesWith(string marker)
    {
        var count = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            string cmdline;
            try
            {
                cmdline = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
            }
            catch (IOException)
            {
                continue;
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }

            if (!cmdline.Contains(marker, StringComparison.Ordinal))
            {
                continue;
            }

            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill();
                count++;
            }
            catch (ArgumentException)
            {
            }
            catch (InvalidOperationException)
            {
            }
        }

        return count;
    }
}
