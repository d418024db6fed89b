using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Playwright;

namespace Duet.Testing.Browser;

/// <summary>
/// Watches media from outside the SDK: an init script records every RTCPeerConnection a page creates, and
/// <see cref="GetStatsAsync"/> sums their <c>getStats()</c> (frames decoded, bytes in/out per kind, selected
/// candidate types). Works for any page built on the SDK (test pages and the app alike).
/// </summary>
public static class PeerConnectionProbe
{
    private const string Script = """
        (() => {
          if (window.__duetProbe) return;
          const Native = window.RTCPeerConnection;
          if (!Native) return;
          const pcs = [];
          const Wrapped = function (...args) { const pc = new Native(...args); pcs.push(pc); return pc; };
          Wrapped.prototype = Native.prototype;
          Object.setPrototypeOf(Wrapped, Native);
          window.RTCPeerConnection = Wrapped;
          window.__duetProbe = {
            pcs,
            async stats() {
              const out = { peerConnections: 0, framesDecoded: 0, videoBytesReceived: 0, audioBytesReceived: 0,
                            framesEncoded: 0, videoBytesSent: 0, audioBytesSent: 0, selectedLocalCandidateTypes: [], selectedRemoteCandidateTypes: [], selectedLocalCandidatePorts: [] };
              for (const pc of pcs) {
                if (pc.connectionState === 'closed' || pc.signalingState === 'closed') continue;
                out.peerConnections++;
                let report;
                try { report = await pc.getStats(); } catch { continue; }
                report.forEach(s => {
                  if (s.type === 'inbound-rtp') {
                    if (s.kind === 'video') { out.framesDecoded += s.framesDecoded || 0; out.videoBytesReceived += s.bytesReceived || 0; }
                    else if (s.kind === 'audio') out.audioBytesReceived += s.bytesReceived || 0;
                  } else if (s.type === 'outbound-rtp') {
                    if (s.kind === 'video') { out.framesEncoded += s.framesEncoded || 0; out.videoBytesSent += s.bytesSent || 0; }
                    else if (s.kind === 'audio') out.audioBytesSent += s.bytesSent || 0;
                  } else if (s.type === 'transport' && s.selectedCandidatePairId) {
                    const pair = report.get(s.selectedCandidatePairId);
                    const local = pair && report.get(pair.localCandidateId);
                    const remote = pair && report.get(pair.remoteCandidateId);
                    if (local) { out.selectedLocalCandidateTypes.push(local.candidateType); out.selectedLocalCandidatePorts.push(local.port); }
                    if (remote) out.selectedRemoteCandidateTypes.push(remote.candidateType);
                  }
                });
              }
              return out;
            },
          };
        })();
        """;

    private static readonly ConditionalWeakTable<IBrowserContext, object> Installed = [];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Adds the init script to a context once (every later page of it gets the probe).</summary>
    public static async Task InstallAsync(IBrowserContext context)
    {
        if (Installed.TryGetValue(context, out _))
        {
            return;
        }

        Installed.Add(context, new object());
        await context.AddInitScriptAsync(Script);
    }

    /// <summary>Current totals over the page's open peer connections.</summary>
    public static async Task<MediaStats> GetStatsAsync(IPage page)
    {
        var json = await page.EvaluateAsync<JsonElement>("async () => window.__duetProbe ? await window.__duetProbe.stats() : null");
        if (json.ValueKind == JsonValueKind.Null)
        {
            throw new InvalidOperationException("The peer-connection probe is not installed in this page (open it through BrowserUser).");
        }

        return json.Deserialize<MediaStats>(Json)!;
    }

    /// <summary>
    /// Polls until <paramref name="measure"/> has grown by more than <paramref name="minimumGrowth"/> since the first
    /// sample (e.g. frames decoded rising = video really plays). Throws with the last samples when it does not.
    /// </summary>
    public static async Task<MediaStats> WaitForGrowthAsync(IPage page, Func<MediaStats, double> measure, string what, double minimumGrowth = 0, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        var first = await GetStatsAsync(page);
        var start = measure(first);
        var last = first;
        while (DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            last = await GetStatsAsync(page);
            if (measure(last) > start + minimumGrowth)
            {
                return last;
            }
        }

        throw new TimeoutException($"{what} did not grow beyond {start} + {minimumGrowth}; first {first}, last {last}");
    }

    /// <summary>
    /// Polls until <paramref name="measure"/> stays the same over a whole <paramref name="window"/> (e.g. outbound
    /// video bytes stop once the far end unsubscribed from video). Throws if it keeps changing until the timeout.
    /// </summary>
    public static async Task<MediaStats> WaitForStallAsync(IPage page, Func<MediaStats, double> measure, string what, TimeSpan? window = null, TimeSpan? timeout = null)
    {
        var quiet = window ?? TimeSpan.FromSeconds(1);
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        var last = await GetStatsAsync(page);
        var since = DateTime.UtcNow;
        while (DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            var now = await GetStatsAsync(page);
            if (Math.Abs(measure(now) - measure(last)) > 0.0001)
            {
                last = now;
                since = DateTime.UtcNow;
            }
            else if (DateTime.UtcNow - since >= quiet)
            {
                return now;
            }
        }

        throw new TimeoutException($"{what} kept changing for {(timeout ?? TimeSpan.FromSeconds(15)).TotalSeconds} s; last {last}");
    }

    /// <summary>Frames decoded and audio bytes received both rise: media from the far end really plays.</summary>
    public static async Task WaitForInboundMediaAsync(IPage page, bool audio = true, bool video = true, TimeSpan? timeout = null)
    {
        if (video)
        {
            await WaitForGrowthAsync(page, s => s.FramesDecoded, "frames decoded", minimumGrowth: 5, timeout: timeout);
        }

        if (audio)
        {
            await WaitForGrowthAsync(page, s => s.AudioBytesReceived, "audio bytes received", minimumGrowth: 500, timeout: timeout);
        }
    }
}
