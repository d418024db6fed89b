import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IceRecovery } from './IceRecovery';

/** Just enough of an RTCPeerConnection: a connection state and its change events. */
class FakePeerConnection extends EventTarget {
  connectionState: RTCPeerConnectionState = 'new';

  set(state: RTCPeerConnectionState): void {
    this.connectionState = state;
    this.dispatchEvent(new Event('connectionstatechange'));
  }
}

describe('IceRecovery', () => {
  let pc: FakePeerConnection;
  let restarts: number;
  let gaveUp: number;
  beforeEach(() => {
    vi.useFakeTimers();
    pc = new FakePeerConnection();
    restarts = 0;
    gaveUp = 0;
    new IceRecovery(pc as unknown as RTCPeerConnection, () => restarts++, () => gaveUp++, { firstRestartMs: 1500, retryEveryMs: 3000, giveUpAfterMs: 20_000 });
  });
  afterEach(() => vi.useRealTimers());

  it('does nothing before the leg was ever connected (the first connect has its own timeout)', () => {
    pc.set('checking');
    pc.set('disconnected');
    vi.advanceTimersByTime(30_000);
    expect(restarts).toBe(0);
    expect(gaveUp).toBe(0);
  });

  it('restarts ICE after a short wait, repeats while down, and stops once connected again', () => {
    pc.set('connected');
    pc.set('disconnected');
    vi.advanceTimersByTime(1400);
    expect(restarts).toBe(0);
    vi.advanceTimersByTime(200);
    expect(restarts).toBe(1);
    vi.advanceTimersByTime(3000);
    expect(restarts).toBe(2);
    pc.set('connected');
    vi.advanceTimersByTime(30_000);
    expect(restarts).toBe(2);
    expect(gaveUp).toBe(0);
  });

  it('restarts at once on failed', () => {
    pc.set('connected');
    pc.set('failed');
    vi.advanceTimersByTime(0);
    expect(restarts).toBe(1);
  });

  it('gives up after the bound, once, instead of retrying forever', () => {
    pc.set('connected');
    pc.set('disconnected');
    vi.advanceTimersByTime(60_000);
    expect(gaveUp).toBe(1);
    expect(restarts).toBeLessThanOrEqual(Math.ceil(20_000 / 3000) + 1);
    const before = restarts;
    vi.advanceTimersByTime(60_000);
    expect(restarts).toBe(before);
  });
});
