using System.Text.RegularExpressions;
using Duet.Testing.Browser;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Duet.App.Tests;

/// <summary>Two people make a call through the UI only; media is checked with getStats (frames decoded, audio bytes).</summary>
public sealed class HappyPathTests(AppServerFixture fixture) : AppTestBase(fixture)
{
    [Fact]
    public Task TwoPeopleCallToggleEveryControlAndEndTheCall() => WithDiagnosticsAsync(async () =>
    {
        var alice = await LaunchAsync("alice");
        var bob = await LaunchAsync("bob");

        // Landing → create a room → the call page with its share link.
        var landing = await alice.OpenAsync(Fixture.Url("/"));
        await Expect(landing.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await Artifacts.ScreenshotAsync(landing, "landing");
        await landing.GetByRole(AriaRole.Button, new() { Name = "Start a new call" }).ClickAsync();
        await landing.WaitForURLAsync(new Regex("/room/[a-z]+-[a-z]+-[0-9]+$"));
        var a = new CallPage(landing, "alice");
        await a.WaitForHeadingAsync("Click to start call");
        var nameField = landing.GetByLabel("Your name (optional)");
        await nameField.FillAsync("Alice Liddell");
        await nameField.PressAsync("Tab");
        await a.StartCallAsync();
        await a.WaitForHeadingAsync("Waiting for the other person");
        var shareLink = await a.ShareInput.InputValueAsync();
        Assert.Equal(landing.Url, shareLink);
        await Artifacts.ScreenshotAsync(landing, "waiting");

        // Bob opens the shared link; Alice is already there.
        var b = new CallPage(await bob.OpenAsync(new Uri(shareLink)), "bob");
        await b.WaitForHeadingAsync("Click to start call");
        await Expect(b.Page.Locator(".duet-card:visible")).ToContainTextAsync("is here");
        await b.CardButton("Start call").ClickAsync();

        await a.WaitForCallAsync();
        await b.WaitForCallAsync();
        await PeerConnectionProbe.WaitForInboundMediaAsync(a.Page);
        await PeerConnectionProbe.WaitForInboundMediaAsync(b.Page);
        await Expect(a.Timer).ToBeVisibleAsync();
        await Expect(a.Timer).ToHaveTextAsync(new Regex(@"^0:0[0-9]$"));
        await Artifacts.ScreenshotAsync(a.Page, "in-call-desktop");

        // The stats panel fills with live numbers; the devices panel lists camera and microphone pickers.
        await a.Control("stats").ClickAsync();
        await Expect(a.Control("stats")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(a.Page.Locator(".duet-stats")).ToContainTextAsync(new Regex(@"[1-9][0-9]* kbit/s"), new() { Timeout = 10_000 });
        await Expect(a.Page.Locator(".duet-stats")).ToContainTextAsync(new Regex(@"\d+×\d+"));
        await a.Control("devices").ClickAsync();
        var devices = a.Page.GetByRole(AriaRole.Dialog, new() { Name = "Devices" });
        await Expect(devices.GetByLabel("Camera")).ToBeVisibleAsync();
        await Expect(devices.GetByLabel("Microphone")).ToBeVisibleAsync();
        await Artifacts.ScreenshotAsync(a.Page, "in-call-panels");
        await a.Page.Keyboard.PressAsync("Escape");
        await Expect(devices).ToBeHiddenAsync();
        await a.Control("stats").ClickAsync();
        await Expect(a.Page.Locator(".duet-stats")).ToBeHiddenAsync();

        // The picture-in-picture can be dragged; it settles in the nearest corner.
        Assert.Equal("bottom-right", await a.LocalTile.GetAttributeAsync("data-corner"));
        var pip = (await a.LocalTile.BoundingBoxAsync())!;
        await a.Page.Mouse.MoveAsync(pip.X + pip.Width / 2, pip.Y + pip.Height / 2);
        await a.Page.Mouse.DownAsync();
        await a.Page.Mouse.MoveAsync(200, 150, new() { Steps = 8 });
        await a.Page.Mouse.UpAsync();
        await Expect(a.LocalTile).ToHaveAttributeAsync("data-corner", "top-left");
        await a.Page.WaitForTimeoutAsync(500); // the snap is animated
        var moved = (await a.LocalTile.BoundingBoxAsync())!;
        Assert.True(moved.X < 100 && moved.Y < 150, $"PiP at {moved.X},{moved.Y}");

        // Alice mutes: her toggle reads "not pressed", Bob sees the mute indicator; unmute clears it.
        await a.Mic.ClickAsync();
        await Expect(a.Mic).ToHaveAttributeAsync("aria-pressed", "false");
        await Expect(b.MutedBadge).ToBeVisibleAsync();
        await Expect(b.MutedBadge).ToHaveTextAsync("Alice Liddell is muted");
        await a.Mic.ClickAsync();
        await Expect(a.Mic).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(b.MutedBadge).ToBeHiddenAsync();

        // Alice turns her camera off: both sides show her avatar instead of video; frames stop reaching Bob.
        await a.Camera.ClickAsync();
        await Expect(a.Camera).ToHaveAttributeAsync("aria-pressed", "false");
        await Expect(b.RemoteAvatar).ToBeVisibleAsync();
        await Expect(b.RemoteAvatar).ToContainTextAsync("AL");
        await Expect(a.LocalAvatar).ToBeVisibleAsync();
        await PeerConnectionProbe.WaitForStallAsync(b.Page, s => s.FramesDecoded, "Bob's frames decoded while Alice's camera is off");
        await Artifacts.ScreenshotAsync(b.Page, "camera-off");
        await a.Camera.ClickAsync();
        await Expect(b.RemoteAvatar).ToBeHiddenAsync();
        await PeerConnectionProbe.WaitForGrowthAsync(b.Page, s => s.FramesDecoded, "Bob's frames decoded after Alice's camera is back", minimumGrowth: 5);

        // Bob stops receiving Alice's video, then her audio, from the remote bar (shown on hover); both resume.
        await b.RemoteTile.HoverAsync();
        await Expect(b.RemoteBar).ToHaveAttributeAsync("data-visible", "true");
        await b.RemoteVideo.ClickAsync();
        await Expect(b.RemoteVideo).ToHaveAttributeAsync("aria-pressed", "false");
        await Expect(b.RemoteAvatar).ToBeVisibleAsync();
        await PeerConnectionProbe.WaitForStallAsync(b.Page, s => s.FramesDecoded, "Bob's frames decoded after he turned Alice's video off");
        await b.RemoteVideo.ClickAsync();
        await PeerConnectionProbe.WaitForGrowthAsync(b.Page, s => s.FramesDecoded, "Bob's frames decoded after he turned Alice's video on", minimumGrowth: 5);
        await b.RemoteAudio.ClickAsync();
        await Expect(b.RemoteAudio).ToHaveAttributeAsync("aria-pressed", "false");
        await PeerConnectionProbe.WaitForStallAsync(b.Page, s => s.AudioBytesReceived, "Bob's audio bytes received after he turned Alice's audio off");
        await b.RemoteAudio.ClickAsync();
        await PeerConnectionProbe.WaitForGrowthAsync(b.Page, s => s.AudioBytesReceived, "Bob's audio bytes received after he turned Alice's audio on", minimumGrowth: 500);

        // The remote bar hides by itself after 7 s without pointer activity.
        await b.Page.Mouse.MoveAsync(1, 1);
        await b.Page.Keyboard.PressAsync("Escape");
        await b.Page.Locator("body").FocusAsync();
        await Expect(b.RemoteBar).ToHaveAttributeAsync("data-visible", "false", new() { Timeout = 10_000 });

        // Keyboard shortcuts: M toggles the microphone.
        await a.Page.Keyboard.PressAsync("m");
        await Expect(a.Mic).ToHaveAttributeAsync("aria-pressed", "false");
        await Expect(b.MutedBadge).ToBeVisibleAsync();
        await a.Page.Keyboard.PressAsync("m");
        await Expect(b.MutedBadge).ToBeHiddenAsync();

        // V toggles the camera.
        await a.Page.Keyboard.PressAsync("v");
        await Expect(a.Camera).ToHaveAttributeAsync("aria-pressed", "false");
        await Expect(b.RemoteAvatar).ToBeVisibleAsync();
        await a.Page.Keyboard.PressAsync("v");
        await Expect(b.RemoteAvatar).ToBeHiddenAsync();

        // Alice ends the call with E: she sees "You left the call"; Bob goes back to waiting.
        await a.Page.Keyboard.PressAsync("e");
        await a.WaitForHeadingAsync("You left the call");
        await Artifacts.ScreenshotAsync(a.Page, "ended");
        await b.WaitForHeadingAsync("Waiting for the other person");
        await Expect(b.LocalTile).ToHaveAttributeAsync("data-mode", "full");

        // Rejoin brings them back together.
        await a.CardButton("Rejoin").ClickAsync();
        await a.WaitForCallAsync();
        await b.WaitForCallAsync();
        await PeerConnectionProbe.WaitForInboundMediaAsync(b.Page);
    });
}
