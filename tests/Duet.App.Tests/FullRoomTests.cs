using Duet.Testing.Browser;
using static Microsoft.Playwright.Assertions;

namespace Duet.App.Tests;

public sealed class FullRoomTests(AppServerFixture fixture) : AppTestBase(fixture)
{
    [Fact]
    public Task AThirdPersonIsToldTheCallIsFullAndDoesNotPublish() => WithDiagnosticsAsync(async () =>
    {
        var room = NewRoomName("full");
        var a = await OpenRoomAsync(await LaunchAsync("alice"), room);
        await a.StartCallAsync();
        var b = await OpenRoomAsync(await LaunchAsync("bob"), room);
        await b.StartCallAsync();
        await a.WaitForCallAsync();

        var c = await OpenRoomAsync(await LaunchAsync("carol"), room);
        await c.WaitForHeadingAsync("This call is full");
        await Expect(c.Page.Locator(".duet-card:visible")).ToContainTextAsync(room);
        await Artifacts.ScreenshotAsync(c.Page, "full");
        await Expect(c.LocalTile).ToBeHiddenAsync();
        await Expect(c.Page.Locator(".duet-controls")).ToBeHiddenAsync();
        var stats = await c.StatsAsync();
        Assert.Equal(0, stats.PeerConnections);
        Assert.Equal(0, await c.Page.EvaluateAsync<int>("() => OT.publishers.length()"));

        // The two in the call are not disturbed.
        await PeerConnectionProbe.WaitForInboundMediaAsync(a.Page);
        await Expect(a.RemoteTile).ToBeVisibleAsync();
    });
}
