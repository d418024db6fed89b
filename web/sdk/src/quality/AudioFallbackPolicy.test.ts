import { describe, expect, it } from 'vitest';
import { AudioFallbackPolicy, defaultFallbackThresholds, type FallbackAction, type QualitySample } from './AudioFallbackPolicy';

/** Builds one sample a second from [lossPercent, rttMs] pairs, as the subscriber's stats loop would record them. */
function recorded(rows: Array<[number, number | null, number?]>, startMs = 0, stepMs = 1000): QualitySample[] {
  return rows.map(([loss, rtt, bitrate], i) => ({ timestamp: startMs + i * stepMs, packetLoss: loss / 100, rttMs: rtt, availableBitrateBps: bitrate ?? null }));
}

function repeat(row: [number, number | null, number?], n: number): Array<[number, number | null, number?]> {
  return Array.from({ length: n }, () => row);
}

function run(policy: AudioFallbackPolicy, samples: QualitySample[]): Array<{ at: number; action: FallbackAction }> {
  return samples.flatMap((s) => policy.update(s).map((action) => ({ at: s.timestamp, action })));
}

describe('AudioFallbackPolicy', () => {
  it('stays quiet on a clean network', () => {
    const policy = new AudioFallbackPolicy();
    expect(run(policy, recorded(repeat([0.2, 40], 120)))).toEqual([]);
    expect(policy.state).toBe('good');
  });

  it('warns, then disables video, on sustained 15 % loss', () => {
    const policy = new AudioFallbackPolicy();
    const events = run(policy, recorded([...repeat([0, 30], 5), ...repeat([15, 60], 10)]));
    expect(events.map((e) => e.action)).toEqual(['videoDisableWarning', 'videoDisabled']);
    expect(events[0].at).toBe(7000); // bad from 5 s, warn after 2 s
    expect(events[1].at).toBe(10000); // at least minDwell after the warning, and ≥ 4 s of bad
    expect(policy.state).toBe('disabled');
  });

  it('restores video only after quality has been good for the recovery period', () => {
    const policy = new AudioFallbackPolicy();
    const events = run(policy, recorded([...repeat([20, 80], 10), ...repeat([1, 50], 10)]));
    expect(events.map((e) => e.action)).toEqual(['videoDisableWarning', 'videoDisabled', 'videoEnabled']);
    const enabled = events[2];
    expect(enabled.at - 10000).toBeGreaterThanOrEqual(defaultFallbackThresholds.recoverAfterMs);
    expect(policy.state).toBe('good');
  });

  it('lifts the warning when quality recovers before video is dropped', () => {
    const policy = new AudioFallbackPolicy();
    const events = run(policy, recorded([...repeat([12, 50], 3), ...repeat([0, 50], 10)]));
    expect(events.map((e) => e.action)).toEqual(['videoDisableWarning', 'videoDisableWarningLifted']);
  });

  it('treats a long round trip as bad even without loss', () => {
    const policy = new AudioFallbackPolicy();
    expect(run(policy, recorded(repeat([0, 900], 4))).map((e) => e.action)).toEqual(['videoDisableWarning']);
  });

  it('treats too little available bandwidth as bad', () => {
    const policy = new AudioFallbackPolicy();
    expect(run(policy, recorded(repeat([0, 40, 20_000], 4))).map((e) => e.action)).toEqual(['videoDisableWarning']);
  });

  it('never acts on a network that stays in the band between good and bad', () => {
    const policy = new AudioFallbackPolicy();
    expect(run(policy, recorded(repeat([7, 450], 120)))).toEqual([]);
  });

  it('ignores input that flips between good and bad every second', () => {
    const policy = new AudioFallbackPolicy();
    const flapping = Array.from({ length: 120 }, (_, i) => (i % 2 ? [0, 40] : [30, 700]) as [number, number]);
    expect(run(policy, recorded(flapping))).toEqual([]);
  });

  it('never changes state faster than the minimum dwell time, whatever the input', () => {
    const policy = new AudioFallbackPolicy();
    // Slow flapping (bad 2.5 s, good 3.5 s) sampled every 250 ms for 5 minutes, plus random noise.
    let seed = 42;
    const noise = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const samples: QualitySample[] = Array.from({ length: 1200 }, (_, i) => {
      const t = i * 250;
      const bad = t % 6000 < 2500 || noise() < 0.1;
      return { timestamp: t, packetLoss: bad ? 0.2 : 0.01, rttMs: bad ? 650 : 40 };
    });
    const events = run(policy, samples);
    expect(events.length).toBeGreaterThan(0);
    for (let i = 1; i < events.length; i++) {
      expect(events[i].at - events[i - 1].at).toBeGreaterThanOrEqual(defaultFallbackThresholds.minDwellMs);
    }
  });

  it('only emits actions that follow from its state', () => {
    const policy = new AudioFallbackPolicy();
    const allowed: Record<string, FallbackAction[]> = {
      good: ['videoDisableWarning'],
      warning: ['videoDisabled', 'videoDisableWarningLifted'],
      disabled: ['videoEnabled'],
    };
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 5000; i++) {
      const before = policy.state;
      const actions = policy.update({ timestamp: i * 500, packetLoss: rand() * 0.3, rttMs: rand() < 0.1 ? null : rand() * 900 });
      for (const a of actions) expect(allowed[before]).toContain(a);
    }
  });

  it('starts afresh after reset', () => {
    const policy = new AudioFallbackPolicy();
    run(policy, recorded(repeat([20, 80], 10)));
    expect(policy.state).toBe('disabled');
    policy.reset();
    expect(policy.state).toBe('good');
    expect(run(policy, recorded(repeat([0, 30], 5), 20000))).toEqual([]);
  });

  it('refuses samples that go back in time', () => {
    const policy = new AudioFallbackPolicy();
    policy.update({ timestamp: 1000, packetLoss: 0, rttMs: 10 });
    expect(() => policy.update({ timestamp: 999, packetLoss: 0, rttMs: 10 })).toThrow(RangeError);
  });
});
