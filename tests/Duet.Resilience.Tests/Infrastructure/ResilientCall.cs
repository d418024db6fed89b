using System.Text.Json;
using Duet.Browser.Tests.Infrastructure;
using Duet.Testing.Browser;
using Duet.Testing.Faults;

namespace Duet.Resilience.Tests.Infrastructure;

/// <summary>
/// A two-user call against a fresh server process, where Alice may reach the server only through a
/// <see cref="TcpFaultProxy"/> (her page, the SDK script and the signaling socket all go through it).
/// Disposes browsers, proxy and server together.
/// </summary>
public sealed class ResilientCall : IAsyncDisposable
{
    /// <summary>Also records the subscriber's audio-fallback warnings (the shared harness predates them).</summary>
    private const string HarnessExtras = """
        (() => {
          const subscribe = H.subscribe;
          H.subscribe = (stream, props) => {
            const done = subscribe(stream, props);
            H.subscribers[H.subscribers.length - 1].on('videoDisableWarning videoDisableWarningLifted', (e) => H.rec('subscriber', e));
            return done;
          };
          return true;
        })()
        """;

    private readonly List<BrowserUser> _users = [];

    private ResilientCall(ResilienceServer server, TcpFaultProxy? proxy)
    {
        Server = server;
        AliceProxy = proxy;
    }

    public ResilienceServer Server { get; }

    public TcpFaultProxy? AliceProxy { get; }

    public CallPage Alice { get; private set; } = null!;

    public CallPage Bob { get; private set; } = null!;

    public string SessionId { get; private set; } = "";

    /// <summary>A marker on Alice's Chromium command line, to find (and kill) her browser's processes.</summary>
    public string AliceMarker { get; } = "--duet-test-user=" + Guid.NewGuid().ToString("N");

    public static async Task<ResilientCall> OpenAsync(IReadOnlyDictionary<string, string> settings, bool aliceThroughProxy = false)
    {
        var server = new ResilienceServer(settings);
        await server.InitializeAsync();
        var call = new ResilientCall(server, aliceThroughProxy ? new TcpFaultProxy(server.Process.Port) : null);
        try
        {
            call.SessionId = await server.CreateSessionAsync();
            var users = await Task.WhenAll(
                ChromiumLauncher.LaunchAsync(new BrowserUserOptions { Name = "alice", ExtraArguments = [call.AliceMarker] }),
                ChromiumLauncher.LaunchAsync(new BrowserUserOptions { Name = "bob" }));
            call._users.AddRange(users);
            call.Alice = await CallPage.OpenAsync(users[0], call.AliceProxy?.BaseUri ?? server.BaseUri);
            call.Bob = await CallPage.OpenAsync(users[1], server.BaseUri);
            await call.Alice.EvalAsync(HarnessExtras);
            await call.Bob.EvalAsync(HarnessExtras);
            return call;
        }
        catch
        {
            await call.DisposeAsync();
            throw;
        }
    }

    /// <summary>Both join, publish and subscribe to each other; returns once video frames are decoded on both sides.</summary>
    public async Task StartAsync(string? aliceToken = null, string? sessionOptionsJson = null, string alicePublisherProps = "{}", string bobPublisherProps = "{}")
    {
        await Alice.JoinAsync(SessionId, aliceToken ?? CallServer.Token(SessionId, data: "name=alice"), publisherPropsJson: alicePublisherProps, sessionOptionsJson: sessionOptionsJson);
        await Bob.JoinAsync(SessionId, CallServer.Token(SessionId, data: "name=bob"), publisherPropsJson: bobPublisherProps, sessionOptionsJson: sessionOptionsJson);
        foreach (var page in new[] { Alice, Bob })
        {
            await page.EvalAsync("(() => { H.publisher.on('videoDisableWarning videoDisableWarningLifted videoDisabled videoEnabled', (e) => H.rec('publisher', e)); return true; })()");
        }

        await Alice.WaitForEventAsync("subscriber", "connected", timeoutMs: 20_000);
        await Bob.WaitForEventAsync("subscriber", "connected", timeoutMs: 20_000);
        await PeerConnectionProbe.WaitForGrowthAsync(Alice.Page, s => s.FramesDecoded, "alice's frames decoded", minimumGrowth: 5);
        await PeerConnectionProbe.WaitForGrowthAsync(Bob.Page, s => s.FramesDecoded, "bob's frames decoded", minimumGrowth: 5);
    }

    /// <summary>The browser's clock, to compare with the <c>t</c> of recorded events.</summary>
    public static Task<double> NowAsync(CallPage page) => page.EvalAsync<double>("Date.now()");

    /// <summary>Recorded events of a kind that mean someone left (for "reconnecting, never left" assertions).</summary>
    public static async Task<string[]> LeaveEventsAsync(CallPage page)
    {
        var events = await page.EvalAsync("H.log.filter(e => e.src === 'session' && (e.type === 'connectionDestroyed' || e.type === 'streamDestroyed' || e.type === 'sessionDisconnected'))");
        return events.EnumerateArray().Select(e => e.GetRawText()).ToArray();
    }

    public static async Task<int> CountAsync(CallPage page, string src, string type, double sinceMs = 0) =>
        await page.EvalAsync<int>($"H.log.filter(e => e.src === {JsonSerializer.Serialize(src)} && e.type === {JsonSerializer.Serialize(type)} && e.t >= {sinceMs.ToString(System.Globalization.CultureInfo.InvariantCulture)}).length");

    public async ValueTask DisposeAsync()
    {
        foreach (var user in _users)
        {
            await user.DisposeAsync();
        }

        if (AliceProxy is not null)
        {
            await AliceProxy.DisposeAsync();
        }

        await Server.DisposeAsync();
    }
}
