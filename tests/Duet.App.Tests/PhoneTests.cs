using Duet.Testing.Browser;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Duet.App.Tests;

public sealed class PhoneTests(AppServerFixture fixture) : AppTestBase(fixture)
{
    [Fact]
    public Task PhoneInPortraitAndLandscapeKeepsPipAndControlsVisibleAndTappable() => WithDiagnosticsAsync(async () =>
    {
        var room = NewRoomName("phone");
        var phone = await LaunchAsync("phone", new BrowserUserOptions { Phone = true, ViewportWidth = 360, ViewportHeight = 640 });
        var p = await OpenRoomAsync(phone, room);
        await p.WaitForHeadingAsync("Click to start call");
        await Artifacts.ScreenshotAsync(p.Page, "ready-phone");
        await p.CardButton("Start call").TapAsync();
        await p.WaitForHeadingAsync("Waiting for the other person");

        var b = await OpenRoomAsync(await LaunchAsync("desk"), room);
        await b.StartCallAsync();
        await p.WaitForCallAsync();
        await PeerConnectionProbe.WaitForInboundMediaAsync(p.Page);
        await AssertUsableOnScreenAsync(p);
        // iOS Safari would open a fullscreen player for videos without playsinline.
        Assert.True(await p.Page.EvaluateAsync<bool>("() => [...document.querySelectorAll('video')].every(v => v.playsInline)"), "a video without playsinline");
        await Artifacts.ScreenshotAsync(p.Page, "in-call-phone");

        // Touch: tapping the stage shows the remote bar, tapping the mic toggles it and the other side sees it.
        await p.RemoteTile.TapAsync(new() { Position = new() { X = 40, Y = 200 } });
        await Expect(p.RemoteBar).ToHaveAttributeAsync("data-visible", "true");
        await p.Mic.TapAsync();
        await Expect(p.Mic).ToHaveAttributeAsync("aria-pressed", "false");
        await Expect(b.MutedBadge).ToBeVisibleAsync();
        await p.Mic.TapAsync();
        await Expect(b.MutedBadge).ToBeHiddenAsync();

        // Landscape.
        await p.Page.SetViewportSizeAsync(640, 360);
        await AssertUsableOnScreenAsync(p);
        await Artifacts.ScreenshotAsync(p.Page, "in-call-phone-landscape");

        await p.CallButton.TapAsync();
        await p.WaitForHeadingAsync("You left the call");
        await b.WaitForHeadingAsync("Waiting for the other person");
    });

    /// <summary>The PiP and every control lie inside the viewport, are at least 44×44 px, and nothing covers them.</summary>
    private static async Task AssertUsableOnScreenAsync(CallPage p)
    {
        var viewport = p.Page.ViewportSize!;
        await AssertInsideAsync(p.LocalTile, viewport, "picture-in-picture");
        await Expect(p.LocalTile).ToHaveAttributeAsync("data-mode", "pip");
        var controls = p.Page.Locator(".duet-controls button:visible");
        var count = await controls.CountAsync();
        Assert.True(count >= 3, $"only {count} controls visible");
        for (var i = 0; i < count; i++)
        {
            var control = controls.Nth(i);
            var name = await control.GetAttributeAsync("aria-label") ?? "?";
            var box = await AssertInsideAsync(control, viewport, name);
            Assert.True(box.Width >= 44 && box.Height >= 44, $"{name} is {box.Width}×{box.Height}, smaller than 44×44");
            // The element at the control's centre is the control itself (or inside it): nothing covers it.
            var onTop = await control.EvaluateAsync<bool>("b => { const r = b.getBoundingClientRect(); const e = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2); return b === e || b.contains(e); }");
            Assert.True(onTop, $"{name} is covered by another element");
        }
    }

    private static async Task<LocatorBoundingBoxResult> AssertInsideAsync(ILocator locator, PageViewportSizeResult viewport, string what)
    {
        var box = await locator.BoundingBoxAsync() ?? throw new Xunit.Sdk.XunitException($"{what} has no box");
        Assert.True(box.X >= 0 && box.Y >= 0 && box.X + box.Width <= viewport.Width + 0.5 && box.Y + box.Height <= viewport.Height + 0.5,
            $"{what} at {box.X},{box.Y} {box.Width}×{box.Height} is outside the {viewport.Width}×{viewport.Height} viewport");
        return box;
    }
}
