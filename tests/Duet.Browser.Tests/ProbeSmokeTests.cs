using Duet.Testing;
using Duet.Testing.Browser;

namespace Duet.Browser.Tests;

/// <summary>The browser harness itself: fake media reaches a loopback peer connection and the probe sees it.</summary>
public sealed class ProbeSmokeTests
{
    [Fact]
    public async Task FakeMediaOverLoopbackPeerConnectionIsSeenByTheProbe()
    {
        await using var server = await DuetServerProcess.StartAsync();
        await using var user = await ChromiumLauncher.LaunchAsync(new BrowserUserOptions { Name = "solo" });
        var page = await user.OpenTestPageAsync(new Uri(server.BaseUri, "/__test/loopback.html"), "<!doctype html><title>loopback</title>");

        await page.EvaluateAsync("""
            async () => {
              const media = await navigator.mediaDevices.getUserMedia({ audio: true, video: true });
              const a = new RTCPeerConnection(), b = new RTCPeerConnection();
              a.onicecandidate = e => e.candidate && b.addIceCandidate(e.candidate);
              b.onicecandidate = e => e.candidate && a.addIceCandidate(e.candidate);
              b.ontrack = e => { const v = document.createElement('video'); v.muted = true; v.autoplay = true; v.srcObject = e.streams[0]; document.body.append(v); };
              media.getTracks().forEach(t => a.addTrack(t, media));
              await a.setLocalDescription(); await b.setRemoteDescription(a.localDescription);
              await b.setLocalDescription(); await a.setRemoteDescription(b.localDescription);
            }
            """);

        await PeerConnectionProbe.WaitForInboundMediaAsync(page);
        var stats = await PeerConnectionProbe.GetStatsAsync(page);
        Assert.Equal(2, stats.PeerConnections);
        Assert.True(stats.VideoBytesSent > 0, stats.ToString());
        Assert.Contains("host", stats.SelectedLocalCandidateTypes);
    }
}
