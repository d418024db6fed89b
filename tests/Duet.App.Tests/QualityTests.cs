using Duet.Testing;
using Duet.Testing.Browser;
using Duet.Testing.Faults;
using static Microsoft.Playwright.Assertions;

namespace Duet.App.Tests;

/// <summary>
/// The quality states as a person sees them. Both people ask the app for relay-only media (<c>?ice=relay</c>), and the
/// server hands out credentials for a real coturn that is reachable only through a <see cref="UdpLossyRelay"/> the test
/// controls, so the test can make the network lossy outside the browser and heal it again.
/// </summary>
public sealed class QualityTests(AppServerFixture fixture) : AppTestBase(fixture)
{
    [Fact]
    public Task LossShowsTheWarningThenAudioOnlyAndVideoComesBackWhenTheNetworkRecovers() => WithDiagnosticsAsync(async () =>
    {
        await using var turn = await TurnServerProcess.StartAsync();
        await using var relay = new UdpLossyRelay(turn.Port);
        await using var server = await DuetServerProcess.StartAsync(turn.DuetSettingsVia(relay.Port));
        var room = NewRoomName("lossy");
        var a = new CallPage(await (await LaunchAsync("alice")).OpenAsync(new Uri(server.BaseUri, $"/room/{room}?ice=relay&name=Alice")), "alice");
        await a.StartCallAsync();
        var b = new CallPage(await (await LaunchAsync("bob")).OpenAsync(new Uri(server.BaseUri, $"/room/{room}?ice=relay&name=Bob")), "bob");
        await b.StartCallAsync();
        await a.WaitForCallAsync();
        await b.WaitForCallAsync();
        await PeerConnectionProbe.WaitForInboundMediaAsync(b.Page);
        var before = relay.Forwarded;
        await PeerConnectionProbe.WaitForGrowthAsync(b.Page, s => s.FramesDecoded, "bob's frames before the loss", minimumGrowth: 5);
        Assert.True(relay.Forwarded > before, "media must cross the relay the test controls (relay-only ICE)");
        await Expect(b.Page.Locator(".duet-network")).ToHaveAttributeAsync("data-quality", "good", new() { Timeout = 10_000 });

        // 15 % loss: first the warning banner, with the network indicator no longer "good" …
        var warning = b.Page.GetByText("The connection is weak. Video may pause soon.");
        var audioOnly = b.Page.Locator(".duet-banner").GetByText("Video paused to keep the call going on a weak connection.");
        relay.LossRatio = 0.15;
        await Expect(warning).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Artifacts.ScreenshotAsync(b.Page, "quality-warning");
        await Expect(b.Page.Locator(".duet-network")).Not.ToHaveAttributeAsync("data-quality", "good", new() { Timeout = 10_000 });

        // … then video off for quality: the notice, Alice's avatar instead of a frozen frame, and the warning gone.
        await Expect(audioOnly).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(warning).ToBeHiddenAsync();
        await Expect(b.RemoteAvatar).ToBeVisibleAsync();
        await Expect(b.RemoteAvatar).ToContainTextAsync("A");
        await Artifacts.ScreenshotAsync(b.Page, "quality-audio-only");
        await PeerConnectionProbe.WaitForGrowthAsync(b.Page, s => s.AudioBytesReceived, "bob's audio during audio-only", minimumGrowth: 500);

        // The network heals: the notice goes, video plays again and the indicator returns to good.
        relay.LossRatio = 0;
        await Expect(audioOnly).ToBeHiddenAsync(new() { Timeout = 20_000 });
        await Expect(b.RemoteAvatar).ToBeHiddenAsync();
        await PeerConnectionProbe.WaitForGrowthAsync(b.Page, s => s.FramesDecoded, "bob's frames after recovery", minimumGrowth: 5, timeout: TimeSpan.FromSeconds(10));
        await Expect(b.Page.Locator(".duet-network")).ToHaveAttributeAsync("data-quality", "good", new() { Timeout = 15_000 });
        Assert.True(relay.Dropped > 0);
    });
}
