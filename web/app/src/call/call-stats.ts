// Connection quality from WebRTC stats: a good/poor/bad verdict for the indicator and numbers for the stats panel.

export interface StatsSample {
  at: number;
  bytesReceived: number;
  packetsReceived: number;
  packetsLost: number;
  rttMs: number | null;
  frameWidth: number | null;
  frameHeight: number | null;
  framesPerSecond: number | null;
}

export interface StatsSummary {
  bitrateKbps: number;
  lossPercent: number;
  rttMs: number | null;
  resolution: string | null;
  frameRate: number | null;
}

type StatLike = Record<string, unknown> & { type?: unknown };

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Reads the inbound RTP and selected candidate-pair entries of an RTCStatsReport (or any iterable of stats). */
export function sampleOf(stats: Iterable<StatLike>, at: number): StatsSample {
  const sample: StatsSample = { at, bytesReceived: 0, packetsReceived: 0, packetsLost: 0, rttMs: null, frameWidth: null, frameHeight: null, framesPerSecond: null };
  for (const s of stats) {
    if (s.type === 'inbound-rtp') {
      sample.bytesReceived += num(s.bytesReceived) ?? 0;
      sample.packetsReceived += num(s.packetsReceived) ?? 0;
      sample.packetsLost += Math.max(0, num(s.packetsLost) ?? 0);
      if (s.kind === 'video') {
        sample.frameWidth = num(s.frameWidth);
        sample.frameHeight = num(s.frameHeight);
        sample.framesPerSecond = num(s.framesPerSecond);
      }
    } else if (s.type === 'candidate-pair' && (s.nominated === true || s.selected === true) && s.state === 'succeeded') {
      const rtt = num(s.currentRoundTripTime);
      if (rtt !== null) sample.rttMs = Math.round(rtt * 1000);
    }
  }
  return sample;
}

/** The change between two samples; loss is over that interval, not since the call began. */
export function summarise(previous: StatsSample | null, current: StatsSample): StatsSummary {
  const seconds = previous ? (current.at - previous.at) / 1000 : 0;
  const bytes = previous ? current.bytesReceived - previous.bytesReceived : 0;
  const received = previous ? current.packetsReceived - previous.packetsReceived : current.packetsReceived;
  const lost = previous ? current.packetsLost - previous.packetsLost : current.packetsLost;
  const total = Math.max(0, received) + Math.max(0, lost);
  return {
    bitrateKbps: seconds > 0 ? Math.max(0, Math.round((bytes * 8) / seconds / 1000)) : 0,
    lossPercent: total > 0 ? Math.round((Math.max(0, lost) / total) * 1000) / 10 : 0,
    rttMs: current.rttMs,
    resolution: current.frameWidth && current.frameHeight ? `${current.frameWidth}×${current.frameHeight}` : null,
    frameRate: current.framesPerSecond === null ? null : Math.round(current.framesPerSecond),
  };
}

/** Thresholds in the spirit of common call-quality guidance: a few percent loss or half a second RTT is felt. */
export function networkQuality(summary: StatsSummary): 'good' | 'poor' | 'bad' {
  const rtt = summary.rttMs ?? 0;
  if (summary.lossPercent >= 10 || rtt >= 800) return 'bad';
  if (summary.lossPercent >= 3 || rtt >= 300) return 'poor';
  return 'good';
}
