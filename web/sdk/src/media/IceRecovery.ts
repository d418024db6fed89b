/** Timing of media recovery; see IceRecovery. */
export interface IceRecoveryTiming {
  /** How long a leg may sit in 'disconnected' before the first restart (ICE often recovers on its own). */
  firstRestartMs: number;
  /** Between further restarts while the leg stays down (each one gathers fresh candidates). */
  retryEveryMs: number;
  /** After this long without media the leg gives up and reports an error (1553/1554) instead of spinning forever. */
  giveUpAfterMs: number;
}

export const defaultIceRecoveryTiming: Readonly<IceRecoveryTiming> = Object.freeze({
  firstRestartMs: 1_500,
  retryEveryMs: 3_000,
  giveUpAfterMs: 45_000,
});

/**
 * Watches one peer connection and drives its recovery: once it has been connected, a drop to 'disconnected' or
 * 'failed' starts a timer that asks for an ICE restart (the publisher end offers with iceRestart, the subscriber
 * end sends restartRequest), repeated while the leg stays down, until `giveUpAfterMs`, when `onGiveUp` runs.
 * Returning to 'connected' stops everything.
 * @internal
 */
export class IceRecovery {
  private downSince: number | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private everConnected = false;
  private stopped = false;

  constructor(
    private readonly pc: RTCPeerConnection,
    private readonly restart: () => void,
    private readonly onGiveUp: () => void,
    private readonly timing: IceRecoveryTiming = defaultIceRecoveryTiming,
  ) {
    pc.addEventListener('connectionstatechange', () => this.check());
    pc.addEventListener('iceconnectionstatechange', () => this.check());
  }

  /** True while the leg lost its media and recovery is running. */
  get recovering(): boolean {
    return this.downSince !== undefined;
  }

  stop(): void {
    this.stopped = true;
    this.clear();
  }

  private check(): void {
    if (this.stopped) return;
    const state = this.pc.connectionState;
    if (state === 'closed') {
      this.stop();
      return;
    }
    if (state === 'connected') {
      this.everConnected = true;
      this.downSince = undefined;
      this.clear();
      return;
    }
    if (!this.everConnected || (state !== 'disconnected' && state !== 'failed')) return;
    if (this.downSince === undefined) {
      this.downSince = Date.now();
      this.schedule(state === 'failed' ? 0 : this.timing.firstRestartMs);
    }
  }

  private schedule(delay: number): void {
    this.clear();
    this.timer = setTimeout(() => this.tick(), delay);
  }

  private tick(): void {
    if (this.stopped || this.downSince === undefined) return;
    if (Date.now() - this.downSince >= this.timing.giveUpAfterMs) {
      this.stop();
      this.onGiveUp();
      return;
    }
    this.restart();
    this.schedule(this.timing.retryEveryMs);
  }

  private clear(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
