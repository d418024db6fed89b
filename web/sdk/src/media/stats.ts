// OpenTok's getStats shapes, built from the standard RTCStatsReport.

export interface OTTrackStats {
  bytesReceived?: number;
  bytesSent?: number;
  packetsLost: number;
  packetsReceived?: number;
  packetsSent?: number;
  frameRate?: number;
}

export interface OTStats {
  audio: OTTrackStats;
  video: OTTrackStats;
  timestamp: number;
}

export function subscriberStats(report: RTCStatsReport): OTStats {
  const out: OTStats = { audio: { bytesReceived: 0, packetsLost: 0, packetsReceived: 0 }, video: { bytesReceived: 0, packetsLost: 0, packetsReceived: 0, frameRate: 0 }, timestamp: Date.now() };
  report.forEach((s: Record<string, unknown>) => {
    if (s.type !== 'inbound-rtp') return;
    const t = s.kind === 'video' ? out.video : s.kind === 'audio' ? out.audio : undefined;
    if (!t) return;
    t.bytesReceived = (t.bytesReceived ?? 0) + num(s.bytesReceived);
    t.packetsReceived = (t.packetsReceived ?? 0) + num(s.packetsReceived);
    t.packetsLost += num(s.packetsLost);
    if (s.kind === 'video') t.frameRate = num(s.framesPerSecond);
    out.timestamp = num(s.timestamp) || out.timestamp;
  });
  return out;
}

export function publisherStats(report: RTCStatsReport): OTStats {
  const out: OTStats = { audio: { bytesSent: 0, packetsLost: 0, packetsSent: 0 }, video: { bytesSent: 0, packetsLost: 0, packetsSent: 0, frameRate: 0 }, timestamp: Date.now() };
  report.forEach((s: Record<string, unknown>) => {
    const t = s.kind === 'video' ? out.video : s.kind === 'audio' ? out.audio : undefined;
    if (!t) return;
    if (s.type === 'outbound-rtp') {
      t.bytesSent = (t.bytesSent ?? 0) + num(s.bytesSent);
      t.packetsSent = (t.packetsSent ?? 0) + num(s.packetsSent);
      if (s.kind === 'video') t.frameRate = num(s.framesPerSecond);
      out.timestamp = num(s.timestamp) || out.timestamp;
    } else if (s.type === 'remote-inbound-rtp') {
      t.packetsLost += num(s.packetsLost);
    }
  });
  return out;
}

function num(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}
