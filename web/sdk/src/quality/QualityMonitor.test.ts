import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FallbackAction } from './AudioFallbackPolicy';
import { QualityMonitor } from './QualityMonitor';

/** A cumulative stats report as Chrome's getStats() returns it (only the fields the monitor reads). */
function report(audio: { lost: number; received: number }, video: { lost: number; received: number }, rttSeconds = 0.02, bitrate?: number): RTCStatsReport {
  const entries: [string, Record<string, unknown>][] = [
    ['IA', { type: 'inbound-rtp', kind: 'audio', packetsLost: audio.lost, packetsReceived: audio.received }],
    ['IV', { type: 'inbound-rtp', kind: 'video', packetsLost: video.lost, packetsReceived: video.received }],
    ['T', { type: 'transport', selectedCandidatePairId: 'P' }],
    ['P', { type: 'candidate-pair', currentRoundTripTime: rttSeconds, ...(bitrate !== undefined ? { availableIncomingBitrate: bitrate } : {}) }],
  ];
  return new Map(entries) as unknown as RTCStatsReport;
}

describe('QualityMonitor', () => {
  let clock = 0;
  beforeEach(() => {
    vi.useFakeTimers();
    clock = 0;
  });
  afterEach(() => vi.useRealTimers());

  /** Drives the monitor one poll per second with per-second audio loss (percent); video never loses (RTX hides it). */
  async function drive(lossPercents: number[], options: { bitrate?: number; receivingVideo?: boolean } = {}): Promise<{ at: number; action: FallbackAction }[]> {
    const actions: { at: number; action: FallbackAction }[] = [];
    const audio = { lost: 0, received: 0 };
    const video = { lost: 0, received: 0 };
    let current = report(audio, video);
    const monitor = new QualityMonitor(() => Promise.resolve(current), (action) => actions.push({ at: clock, action }), () => options.receivingVideo ?? true, {}, 1000, () => clock);
    monitor.start();
    for (const loss of lossPercents) {
      audio.lost += loss / 2;
      audio.received += 50 - loss / 2;
      video.received += 300;
      current = report({ ...audio }, { ...video }, 0.02, options.bitrate);
      clock += 1000;
      await vi.advanceTimersByTimeAsync(1000);
    }
    monitor.stop();
    return actions;
  }

  it('turns 20 % audio loss into a warning and then a fallback, though video loses nothing', async () => {
    const actions = await drive([...Array(3).fill(0), ...Array(12).fill(20)]);
    expect(actions.map((a) => a.action)).toEqual(['videoDisableWarning', 'videoDisabled']);
  });

  it('restores video once the loss is gone for long enough', async () => {
    const actions = await drive([...Array(3).fill(0), ...Array(12).fill(20), ...Array(12).fill(0)]);
    expect(actions.map((a) => a.action)).toEqual(['videoDisableWarning', 'videoDisabled', 'videoEnabled']);
  });

  it('ignores a low bandwidth estimate while no video is received (it only reflects audio then)', async () => {
    expect(await drive(Array(15).fill(0), { bitrate: 20_000, receivingVideo: false })).toEqual([]);
    expect((await drive(Array(15).fill(0), { bitrate: 20_000, receivingVideo: true })).map((a) => a.action)).toContain('videoDisableWarning');
  });

  it('stays quiet on a clean network', async () => {
    expect(await drive(Array(20).fill(1))).toEqual([]);
  });

  it('watches what a publisher sends through its peer\'s receiver reports (outbound)', async () => {
    const actions: FallbackAction[] = [];
    let current = new Map() as unknown as RTCStatsReport;
    const monitor = new QualityMonitor(() => Promise.resolve(current), (a) => actions.push(a), () => true, {}, 1000, () => clock, 'outbound');
    monitor.start();
    for (let i = 0; i < 15; i++) {
      current = new Map<string, Record<string, unknown>>([
        ['RA', { type: 'remote-inbound-rtp', kind: 'audio', fractionLost: i >= 3 ? 0.2 : 0, roundTripTime: 0.02 }],
        ['RV', { type: 'remote-inbound-rtp', kind: 'video', fractionLost: 0, roundTripTime: 0.02 }],
      ]) as unknown as RTCStatsReport;
      clock += 1000;
      await vi.advanceTimersByTimeAsync(1000);
    }
    monitor.stop();
    expect(actions).toEqual(['videoDisableWarning', 'videoDisabled']);
  });
});
