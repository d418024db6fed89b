using System.Text.Json;
using Duet.Browser.Tests.Infrastructure;
using Duet.Testing.Browser;

namespace Duet.Browser.Tests;

/// <summary>
/// Browsers refuse to play sound before the person interacted with the page. Bob's Chromium enforces that policy
/// (<c>--autoplay-policy=document-user-activation-required</c>) and only receives, so nothing else lets his page play:
/// the subscriber must say audio is blocked, keep the video playing muted, and unblock on a real click.
/// </summary>
public sealed class AutoplayTests(CallServer server) : IClassFixture<CallServer>
{
    [Fact]
    public async Task BlockedAutoplayFiresAudioBlockedAndAClickOnTheIndicatorUnblocksIt()
    {
        var sessionId = await server.CreateSessionAsync();
        await using var bobUser = await ChromiumLauncher.LaunchAsync(new BrowserUserOptions
        {
            Name = "bob",
            ExtraArguments = ["--autoplay-policy=document-user-activation-required"],
        });
        var alice = await CallPage.OpenAsync(await server.UserAsync("alice"), server.BaseUri);
        try
        {
            await alice.JoinAsync(sessionId, CallServer.Token(sessionId, data: "name=alice"));

            // Bob's page joins by itself at load: a test's evaluate would count as a click and allow sound.
            var join = $$"""
                H.init({{JsonSerializer.Serialize(CallServer.ApiKey)}}, {{JsonSerializer.Serialize(sessionId)}});
                H.session.on('streamCreated', (e) => {
                  void H.subscribe(e.stream);
                  H.subscribers[0].on('audioBlocked', () => console.log('test:audioBlocked'));
                });
                H.connect({{JsonSerializer.Serialize(CallServer.Token(sessionId, data: "name=bob"))}});
                """;
            var blocked = bobUser.Context.WaitForConsoleMessageAsync(new() { Predicate = m => m.Text == "test:audioBlocked", Timeout = 15_000 });
            var bob = await CallPage.OpenAsync(bobUser, server.BaseUri, bootScript: join);
            await blocked;
            await bob.WaitForEventAsync("subscriber", "audioBlocked");
            Assert.True(await bob.EvalAsync<bool>("H.subscribers[0].isAudioBlocked()"));
            await bob.WaitForAsync("document.querySelector('#subs .OT_subscriber.OT_audio-blocked') !== null");
            // The picture still plays (muted): only the sound waits for the person.
            await PeerConnectionProbe.WaitForGrowthAsync(bob.Page, s => s.FramesDecoded, "bob's frames while audio is blocked", 5);
            Assert.True(await bob.EvalAsync<bool>("(v => v.muted && !v.paused)(document.querySelector('#subs video'))"));
            Assert.Empty(await bob.EventsAsync("subscriber", "audioUnblocked"));

            // A real click (a user activation) on the indicator unblocks the sound.
            await bob.Page.Locator("#subs .OT_audio-blocked-indicator").ClickAsync();
            await bob.WaitForEventAsync("subscriber", "audioUnblocked");
            Assert.False(await bob.EvalAsync<bool>("H.subscribers[0].isAudioBlocked()"));
            await bob.WaitForAsync("document.querySelector('#subs .OT_subscriber.OT_audio-blocked') === null");
            Assert.True(await bob.EvalAsync<bool>("(v => !v.muted && !v.paused)(document.querySelector('#subs video'))"));
            await PeerConnectionProbe.WaitForGrowthAsync(bob.Page, s => s.AudioBytesReceived, "bob's audio after unblocking", 500);
        }
        finally
        {
            await alice.Page.CloseAsync();
        }
    }
}
