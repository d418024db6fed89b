import { AudioFallbackPolicy, type FallbackAction, type FallbackThresholds, type QualitySample } from './AudioFallbackPolicy';

/** Counters of one stats poll, kept to turn cumulative figures into per-interval loss. */
interface Totals {
  audioLost: number;
  audioReceived: number;
  videoLost: number;
  videoReceived: number;
}

/** Which side of a leg is watched: what a subscriber receives, or what a publisher sends (as its peer reports back). */
export type QualityDirection = 'inbound' | 'outbound';

/**
 * Feeds a subscriber's AudioFallbackPolicy from its leg's getStats() once per interval: packet loss of the last
 * interval (the worse of audio and video, since video's retransmissions hide loss that audio shows), the selected
 * candidate pair's RTT and, while video is being received, the estimated available incoming bandwidth.
 * For a publisher ('outbound') the same figures come from the peer's receiver reports (remote-inbound-rtp packets
 * lost against outbound-rtp packets sent) and the available outgoing bandwidth.
 * @internal
 */
export class QualityMonitor {
  private readonly policy: AudioFallbackPolicy;
  private timer: ReturnType<typeof setInterval> | undefined;
  private previous: Totals | undefined;
  private polling = false;

  constructor(
    private readonly getStats: () => Promise<RTCStatsReport> | undefined,
    private readonly onAction: (action: FallbackAction) => void,
    private readonly receivingVideo: () => boolean,
    thresholds: Partial<FallbackThresholds> = {},
    private readonly intervalMs = 1_000,
    private readonly now: () => number = () => performance.now(),
    private readonly direction: QualityDirection = 'inbound',
  ) {
    this.policy = new AudioFallbackPolicy(thresholds);
  }

  start(): void {
    if (this.timer !== undefined) return;
    this.timer = setInterval(() => void this.poll(), this.intervalMs);
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** A new leg (ICE restart, server restart): old counters and streaks mean nothing for it. */
  reset(): void {
    this.previous = undefined;
    this.policy.reset();
  }

  private async poll(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      const report = await this.getStats();
      if (!report) return;
      const sample = this.sample(report);
      if (!sample) return;
      for (const action of this.policy.update(sample)) this.onAction(action);
    } catch {
      // A leg closing mid-poll: the next poll sees the new one.
    } finally {
      this.polling = false;
    }
  }

  private sample(report: RTCStatsReport): QualitySample | undefined {
    const totals: Totals = { audioLost: 0, audioReceived: 0, videoLost: 0, videoReceived: 0 };
    let rttMs: number | null = null;
    let availableBitrateBps: number | null = null;
    let reportedLoss = 0;
    const stats = [...(report as unknown as Map<string, Record<string, unknown>>).values()];
    const outbound = this.direction === 'outbound';
    for (const s of stats) {
      if (outbound && s.type === 'remote-inbound-rtp') {
        // The peer's receiver reports carry the loss of their own interval (audio's come only every few seconds,
        // so per-poll deltas would read as "no loss" in between): the latest report's fraction is the figure.
        reportedLoss = Math.max(reportedLoss, num(s.fractionLost));
      } else if (!outbound && s.type === 'inbound-rtp') {
        if (s.kind === 'audio') {
          totals.audioLost += num(s.packetsLost);
          totals.audioReceived += num(s.packetsReceived);
        } else if (s.kind === 'video') {
          totals.videoLost += num(s.packetsLost);
          totals.videoReceived += num(s.packetsReceived);
        }
      } else if (s.type === 'transport' && typeof s.selectedCandidatePairId === 'string') {
        const pair = (report as unknown as Map<string, Record<string, unknown>>).get(s.selectedCandidatePairId);
        if (pair && typeof pair.currentRoundTripTime === 'number') rttMs = pair.currentRoundTripTime * 1000;
        const bitrate = outbound ? pair?.availableOutgoingBitrate : pair?.availableIncomingBitrate;
        if (typeof bitrate === 'number') availableBitrateBps = bitrate;
      }
    }
    const previous = this.previous;
    this.previous = totals;
    if (!previous) return undefined;
    const audioLoss = outbound ? reportedLoss : lossOf(totals.audioLost - previous.audioLost, totals.audioReceived - previous.audioReceived);
    const videoLoss = lossOf(totals.videoLost - previous.videoLost, totals.videoReceived - previous.videoReceived);
    return {
      timestamp: this.now(),
      packetLoss: Math.max(audioLoss, videoLoss),
      rttMs,
      // Without video the bandwidth estimate collapses to audio's needs; it says nothing about the network then.
      availableBitrateBps: this.receivingVideo() ? availableBitrateBps : null,
    };
  }
}

function lossOf(lost: number, received: number): number {
  if (lost <= 0 || lost + received <= 0) return 0;
  return lost / (lost + received);
}

function num(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}
