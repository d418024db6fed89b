using Duet.Testing.Browser;
using static Microsoft.Playwright.Assertions;

namespace Duet.App.Tests;

public sealed class PermissionTests(AppServerFixture fixture) : AppTestBase(fixture)
{
    [Fact]
    public Task BlockedCameraIsExplainedAndTheCallWorksAudioOnly() => WithDiagnosticsAsync(async () =>
    {
        var room = NewRoomName("nocam");
        // Alice's browser has the microphone allowed and refuses the camera, as if she clicked "Block".
        var alice = await LaunchAsync("alice", new BrowserUserOptions { Permissions = ["microphone"], AutoAcceptMediaPrompts = false });
        var a = await OpenRoomAsync(alice, room);
        await a.WaitForHeadingAsync("Your camera or microphone is not available");
        var card = a.Page.Locator(".duet-card:visible");
        await Expect(card).ToContainTextAsync("Access to your camera was blocked");
        await Expect(card).Not.ToContainTextAsync("microphone was blocked");
        await Expect(a.CardButton("Try again")).ToBeVisibleAsync();
        await Artifacts.ScreenshotAsync(a.Page, "camera-blocked");

        await a.CardButton("Join with microphone only").ClickAsync();
        await a.WaitForHeadingAsync("Waiting for the other person");
        await Expect(a.Camera).ToBeDisabledAsync();
        await Expect(a.LocalAvatar).ToBeVisibleAsync();

        var b = await OpenRoomAsync(await LaunchAsync("bob"), room);
        await b.StartCallAsync();
        await a.WaitForCallAsync();
        await b.WaitForCallAsync();
        // Bob hears Alice and sees her avatar; Alice sees and hears Bob.
        await Expect(b.RemoteAvatar).ToBeVisibleAsync();
        await PeerConnectionProbe.WaitForInboundMediaAsync(b.Page, audio: true, video: false);
        await PeerConnectionProbe.WaitForInboundMediaAsync(a.Page);
    });

    [Fact]
    public Task WithCameraAndMicrophoneBlockedYouCanStillJoinToWatchAndListen() => WithDiagnosticsAsync(async () =>
    {
        var room = NewRoomName("watch");
        // Without any media permission Chromium hides host ICE candidates behind mDNS names, which nothing resolves in
        // the test's loopback-only network (a real network would add STUN/TURN candidates): turn that off here.
        var alice = await LaunchAsync("alice", new BrowserUserOptions
        {
            Permissions = [],
            AutoAcceptMediaPrompts = false,
            ExtraArguments = ["--disable-features=WebRtcHideLocalIpsWithMdns"],
        });
        var a = await OpenRoomAsync(alice, room);
        await a.WaitForHeadingAsync("Your camera or microphone is not available");
        var card = a.Page.Locator(".duet-card:visible");
        await Expect(card).ToContainTextAsync("Access to your camera was blocked");
        await Expect(card).ToContainTextAsync("Access to your microphone was blocked");
        // Audio-only needs the microphone, so it is not offered.
        await Expect(a.CardButton("Join with microphone only")).ToBeHiddenAsync();
        await a.CardButton("Join without camera and microphone").ClickAsync();
        await a.WaitForHeadingAsync("Waiting for the other person");
        await Expect(a.Mic).ToBeDisabledAsync();

        var b = await OpenRoomAsync(await LaunchAsync("bob"), room);
        await b.StartCallAsync();
        await a.WaitForCallAsync();
        await PeerConnectionProbe.WaitForInboundMediaAsync(a.Page);
        // Alice sends nothing, so Bob waits for someone who publishes.
        await Expect(b.Heading("Waiting for the other person")).ToBeVisibleAsync();
        Assert.Equal(0, (await b.StatsAsync()).FramesDecoded);
    });
}
