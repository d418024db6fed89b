using System.Text.Json;
using Duet.Browser.Tests.Infrastructure;
using Duet.Testing;
using Duet.Testing.Browser;
using Microsoft.Playwright;

namespace Duet.Browser.Tests;

/// <summary>
/// Issue 4, test 10: unmodified OpenTok-style apps run on Duet by swapping the script tag — one built on the npm
/// package opentok-accelerator-core (installed by ./test.sh into tests/js, never committed), one written like
/// OpenTok's Basic Video Chat sample.
/// </summary>
public sealed class CompatibilityTests(CallServer server) : IClassFixture<CallServer>
{
    private const string AcceleratorPage = """
        <!doctype html>
        <html><head><meta charset="utf-8"><title>Accelerator core on Duet</title>
        <script src="/v2/js/opentok.js"></script>
        <script src="/__test/opentok-acc-core.js"></script>
        </head><body>
        <div id="cameraPublisherContainer"></div><div id="screenPublisherContainer"></div>
        <div id="cameraSubscriberContainer"></div><div id="screenSubscriberContainer"></div><div id="controls"></div>
        <script>
          window.coreEvents = [];
          window.startApp = async (credentials) => {
            const core = new AccCore({
              credentials,
              packages: [],
              controlsContainer: '#controls',
              streamContainers(pubSub, type) {
                return { publisher: { camera: '#cameraPublisherContainer', screen: '#screenPublisherContainer' },
                         subscriber: { camera: '#cameraSubscriberContainer', screen: '#screenSubscriberContainer' } }[pubSub][type];
              },
            });
            window.core = core;
            ['subscribeToCamera', 'unsubscribeFromCamera', 'startCall', 'endCall', 'connected'].forEach(n => core.on(n, () => coreEvents.push(n)));
            await core.connect();
            await core.startCall();
            return true;
          };
        </script>
        </body></html>
        """;

    private const string BasicVideoChatPage = """
        <!doctype html>
        <html><head><meta charset="utf-8"><title>OpenTok Basic Video Chat</title>
        <script src="/v2/js/opentok.js"></script>
        <style>#videos { position: relative; width: 640px; height: 480px; } #subscriber, #publisher { width: 320px; height: 240px; }</style>
        </head><body>
        <div id="videos"><div id="subscriber"></div><div id="publisher"></div></div>
        <script>
          window.errors = [];
          function handleError(error) { if (error) { errors.push(error.name + ' ' + error.message); } }
          window.initializeSession = (apiKey, sessionId, token) => {
            const session = OT.initSession(apiKey, sessionId);
            session.on('streamCreated', function streamCreated(event) {
              session.subscribe(event.stream, 'subscriber', { insertMode: 'append', width: '100%', height: '100%' }, handleError);
            });
            session.on('sessionDisconnected', function sessionDisconnected(event) { console.log('disconnected', event.reason); });
            const publisher = OT.initPublisher('publisher', { insertMode: 'append', width: '100%', height: '100%' }, handleError);
            session.connect(token, function callback(error) {
              if (error) { handleError(error); } else { session.publish(publisher, handleError); }
            });
          };
        </script>
        </body></html>
        """;

    [Fact]
    public async Task AcceleratorCoreAppConnectsCallsTogglesAndEndsTheCall()
    {
        var bundle = Path.Combine(RepoPaths.TestNodeModules, "opentok-accelerator-core", "browser", "opentok-acc-core.js");
        Assert.True(File.Exists(bundle), $"{bundle} is missing: run ./test.sh (it installs tests/js).");
        var sessionId = await server.CreateSessionAsync();
        await using var aliceUser = await ChromiumLauncher.LaunchAsync(new BrowserUserOptions { Name = "alice" });
        await using var bobUser = await ChromiumLauncher.LaunchAsync(new BrowserUserOptions { Name = "bob" });
        var pages = new List<IPage>();
        foreach (var user in new[] { aliceUser, bobUser })
        {
            await user.ServeFileAsync(new Uri(server.BaseUri, "/__test/opentok-acc-core.js"), bundle);
            var page = await user.OpenTestPageAsync(new Uri(server.BaseUri, "/__test/accelerator.html"), AcceleratorPage);
            var credentials = JsonSerializer.Serialize(new { apiKey = CallServer.ApiKey, sessionId, token = CallServer.Token(sessionId, data: "{\"userType\":\"guest\"}") });
            Assert.True(await page.EvaluateAsync<bool>($"startApp({credentials})"), user.ConsoleLog);
            pages.Add(page);
        }

        var (alice, bob) = (pages[0], pages[1]);
        foreach (var page in pages)
        {
            await page.WaitForSelectorAsync("#cameraSubscriberContainer .OT_subscriber:not(.OT_loading) .OT_video-element", new() { State = WaitForSelectorState.Attached });
            await page.WaitForSelectorAsync("#cameraPublisherContainer .OT_publisher:not(.OT_loading) .OT_video-element", new() { State = WaitForSelectorState.Attached });
            await PeerConnectionProbe.WaitForInboundMediaAsync(page);
            Assert.Contains("subscribeToCamera", await page.EvaluateAsync<string[]>("coreEvents"));
            Assert.Equal(2, await page.EvaluateAsync<int>("core.getSession().connections.length()"));
        }

        // Local toggles reach the other side: video off stops the frames and shows the poster; audio off stops audio.
        await alice.EvaluateAsync("core.toggleLocalVideo(false)");
        await bob.WaitForSelectorAsync("#cameraSubscriberContainer .OT_subscriber.OT_audio-only", new() { State = WaitForSelectorState.Attached });
        await PeerConnectionProbe.WaitForStallAsync(bob, s => s.FramesDecoded, "frames after toggleLocalVideo(false)");
        await alice.EvaluateAsync("core.toggleLocalVideo(true)");
        await PeerConnectionProbe.WaitForGrowthAsync(bob, s => s.FramesDecoded, "frames after toggleLocalVideo(true)", 5);
        await alice.EvaluateAsync("core.toggleLocalAudio(false)");
        await PeerConnectionProbe.WaitForStallAsync(bob, s => s.AudioBytesReceived, "audio after toggleLocalAudio(false)");
        await alice.EvaluateAsync("core.toggleLocalAudio(true)");
        await PeerConnectionProbe.WaitForGrowthAsync(bob, s => s.AudioBytesReceived, "audio after toggleLocalAudio(true)", 500);

        // Ending the call unpublishes: the other side loses its subscriber and the accelerator reports it.
        await alice.EvaluateAsync("core.endCall()");
        await bob.WaitForFunctionAsync("() => document.querySelectorAll('#cameraSubscriberContainer .OT_subscriber').length === 0 && coreEvents.includes('unsubscribeFromCamera')");
        await alice.WaitForFunctionAsync("() => document.querySelectorAll('#cameraPublisherContainer .OT_publisher').length === 0");
    }

    [Fact]
    public async Task BasicVideoChatSampleShowsBothVideosOnBothSides()
    {
        var sessionId = await server.CreateSessionAsync();
        await using var aliceUser = await ChromiumLauncher.LaunchAsync(new BrowserUserOptions { Name = "alice" });
        await using var bobUser = await ChromiumLauncher.LaunchAsync(new BrowserUserOptions { Name = "bob" });
        var pages = new List<IPage>();
        foreach (var user in new[] { aliceUser, bobUser })
        {
            var page = await user.OpenTestPageAsync(new Uri(server.BaseUri, "/__test/basic-video-chat.html"), BasicVideoChatPage);
            await page.EvaluateAsync($"initializeSession({JsonSerializer.Serialize(CallServer.ApiKey)}, {JsonSerializer.Serialize(sessionId)}, {JsonSerializer.Serialize(CallServer.Token(sessionId))})");
            pages.Add(page);
        }

        foreach (var page in pages)
        {
            // The sample's own browser test waits for exactly these selectors.
            await page.WaitForSelectorAsync("div.OT_publisher:not(.OT_loading) .OT_video-element", new() { State = WaitForSelectorState.Attached, Timeout = 15_000 });
            await page.WaitForSelectorAsync("div.OT_subscriber:not(.OT_loading) .OT_video-element", new() { State = WaitForSelectorState.Attached, Timeout = 15_000 });
            Assert.Empty(await page.EvaluateAsync<string[]>("errors"));
            Assert.Equal("OpenTok Basic Video Chat", await page.TitleAsync());
            Assert.Equal(1, await page.EvaluateAsync<int>("document.querySelectorAll('#subscriber > .OT_subscriber').length"));
            await PeerConnectionProbe.WaitForInboundMediaAsync(page);
        }
    }
}
