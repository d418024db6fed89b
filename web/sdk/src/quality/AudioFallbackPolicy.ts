/**
 * OpenTok's "audio fallback" decision, as a pure state machine: fed one quality sample at a time (with its
 * own timestamp), it says when a subscriber should warn, drop the video leg, lift the warning or restore video.
 * It owns no timers and reads no stats, so recorded sequences drive it in unit tests exactly as live ones do.
 *
 * A sample is *bad* when packet loss ≥ badLoss, RTT ≥ badRttMs, or the available bandwidth is below
 * minBitrateBps; it is *good* when loss < goodLoss and RTT < goodRttMs (and bandwidth, if known, is at
 * least minBitrateBps). Anything between is neutral: it neither builds nor breaks a streak, so a network
 * hovering around one threshold cannot make the video flap. Streaks are broken by the opposite kind.
 *
 *   good ──bad for warnAfterMs──▶ warning ──bad for disableAfterMs──▶ disabled
 *   warning ──good for liftAfterMs──▶ good          disabled ──good for recoverAfterMs──▶ good
 *
 * After any transition the policy holds its state for at least minDwellMs, whatever the input.
 */

export interface QualitySample {
  /** Milliseconds on any monotonic clock; samples must not go back in time. */
  timestamp: number;
  /** Fraction of packets lost since the previous sample, 0..1. */
  packetLoss: number;
  /** Round-trip time in ms, or null when not measured. */
  rttMs: number | null;
  /** Estimated available incoming bandwidth in bits/s, or null when not measured. */
  availableBitrateBps?: number | null;
}

export interface FallbackThresholds {
  goodLoss: number;
  goodRttMs: number;
  badLoss: number;
  badRttMs: number;
  /** Below this available bandwidth video is not worth sending; 0 disables the check. */
  minBitrateBps: number;
  warnAfterMs: number;
  disableAfterMs: number;
  liftAfterMs: number;
  recoverAfterMs: number;
  minDwellMs: number;
}

export const defaultFallbackThresholds: Readonly<FallbackThresholds> = Object.freeze({
  goodLoss: 0.05,
  goodRttMs: 300,
  badLoss: 0.1,
  badRttMs: 600,
  minBitrateBps: 50_000,
  warnAfterMs: 2_000,
  disableAfterMs: 4_000,
  liftAfterMs: 3_000,
  recoverAfterMs: 6_000,
  minDwellMs: 3_000,
});

export type FallbackState = 'good' | 'warning' | 'disabled';

export type FallbackAction = 'videoDisableWarning' | 'videoDisabled' | 'videoDisableWarningLifted' | 'videoEnabled';

type SampleQuality = 'good' | 'bad' | 'neutral';

export class AudioFallbackPolicy {
  private readonly thresholds: FallbackThresholds;
  private current: FallbackState = 'good';
  private badSince: number | null = null;
  private goodSince: number | null = null;
  // null rather than -Infinity: SDK objects stay JSON-serialisable (pages hand them to test drivers and loggers).
  private changedAt: number | null = null;
  private lastTimestamp: number | null = null;

  constructor(thresholds: Partial<FallbackThresholds> = {}) {
    this.thresholds = { ...defaultFallbackThresholds, ...thresholds };
  }

  get state(): FallbackState {
    return this.current;
  }

  /** Feeds one sample; returns the actions to take now (usually none). */
  update(sample: QualitySample): FallbackAction[] {
    if (!(sample.timestamp >= (this.lastTimestamp ?? Number.NEGATIVE_INFINITY))) {
      throw new RangeError('Quality samples must be fed in time order.');
    }
    this.lastTimestamp = sample.timestamp;

    const quality = this.classify(sample);
    if (quality === 'bad') {
      this.badSince ??= sample.timestamp;
      this.goodSince = null;
    } else if (quality === 'good') {
      this.goodSince ??= sample.timestamp;
      this.badSince = null;
    }

    if (this.changedAt !== null && sample.timestamp - this.changedAt < this.thresholds.minDwellMs) {
      return [];
    }

    const badFor = this.badSince === null ? 0 : sample.timestamp - this.badSince;
    const goodFor = this.goodSince === null ? 0 : sample.timestamp - this.goodSince;
    const t = this.thresholds;
    switch (this.current) {
      case 'good':
        return badFor >= t.warnAfterMs ? this.moveTo('warning', sample.timestamp, 'videoDisableWarning') : [];
      case 'warning':
        if (badFor >= t.disableAfterMs) return this.moveTo('disabled', sample.timestamp, 'videoDisabled');
        if (goodFor >= t.liftAfterMs) return this.moveTo('good', sample.timestamp, 'videoDisableWarningLifted');
        return [];
      case 'disabled':
        return goodFor >= t.recoverAfterMs ? this.moveTo('good', sample.timestamp, 'videoEnabled') : [];
    }
  }

  /** Forgets every streak (for example after an ICE restart, when old loss figures mean nothing). */
  reset(): void {
    this.current = 'good';
    this.badSince = null;
    this.goodSince = null;
    this.changedAt = null;
  }

  private classify(s: QualitySample): SampleQuality {
    const t = this.thresholds;
    const bitrateKnown = s.availableBitrateBps != null && t.minBitrateBps > 0;
    const lowBitrate = bitrateKnown && s.availableBitrateBps! < t.minBitrateBps;
    if (s.packetLoss >= t.badLoss || (s.rttMs !== null && s.rttMs >= t.badRttMs) || lowBitrate) return 'bad';
    if (s.packetLoss < t.goodLoss && (s.rttMs === null || s.rttMs < t.goodRttMs)) return 'good';
    return 'neutral';
  }

  private moveTo(state: FallbackState, at: number, action: FallbackAction): FallbackAction[] {
    this.current = state;
    this.changedAt = at;
    // The streak that caused this move must not also cause the next one.
    this.badSince = state === 'disabled' || state === 'good' ? null : this.badSince;
    this.goodSince = null;
    return [action];
  }
}
