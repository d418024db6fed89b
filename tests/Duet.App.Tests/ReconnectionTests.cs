using Duet.Testing;
using Duet.Testing.Browser;
using Duet.Testing.Faults;
using static Microsoft.Playwright.Assertions;

namespace Duet.App.Tests;

public sealed class ReconnectionTests(AppServerFixture fixture) : AppTestBase(fixture)
{
    [Fact]
    public Task LosingTheSignalingConnectionShowsTheReconnectingBannerAndTheCallCarriesOn() => WithDiagnosticsAsync(async () =>
    {
        // Alice reaches the server (page, rooms API and signaling) through a proxy the test cuts.
        await using var proxy = new TcpFaultProxy(Fixture.Server.Port);
        var room = NewRoomName("flaky");
        var a = new CallPage(await (await LaunchAsync("alice")).OpenAsync(new Uri(proxy.BaseUri, $"/room/{room}")), "alice");
        await a.StartCallAsync();
        var b = await OpenRoomAsync(await LaunchAsync("bob"), room);
        await b.StartCallAsync();
        await a.WaitForCallAsync();
        await PeerConnectionProbe.WaitForInboundMediaAsync(a.Page);

        var banner = a.Page.GetByText("Connection lost. Reconnecting…");
        proxy.Cut();
        await Expect(banner).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Artifacts.ScreenshotAsync(a.Page, "reconnecting");
        // Media is peer to peer: the call keeps playing while signaling is down.
        await PeerConnectionProbe.WaitForGrowthAsync(a.Page, s => s.FramesDecoded, "Alice's frames while reconnecting", minimumGrowth: 5);

        proxy.Restore();
        await Expect(banner).ToBeHiddenAsync(new() { Timeout = 15_000 });
        await Expect(a.RemoteTile).ToBeVisibleAsync();
        await Expect(b.RemoteTile).ToBeVisibleAsync();
        // Controls work again after the resume: Bob sees Alice's mute.
        await a.Mic.ClickAsync();
        await Expect(b.MutedBadge).ToBeVisibleAsync();
    });
}
