import { log } from '../logging';
import type { MediaMessage } from '../transport/protocol';

export type LegState = 'new' | 'connecting' | 'connected' | 'disconnected' | 'failed' | 'closed';

export interface LegCallbacks {
  /** Sends a media message for this leg through the hub (`from` names this end; the server checks it). */
  send(message: Omit<MediaMessage, 'subscriptionId'>): void;
  /** Connection state changes of the peer connection. */
  onState?(state: LegState): void;
  /** Media stayed down beyond the recovery bound (IceRecovery): the leg is given up. */
  onGiveUp?(): void;
}

/**
 * One RTCPeerConnection for one publisher→subscriber subscription. The publisher end offers, the subscriber
 * end answers; ICE candidates trickle both ways through the hub and are held back until the remote
 * description is set.
 */
export abstract class PeerLeg {
  readonly pc: RTCPeerConnection;
  protected readonly pendingCandidates: RTCIceCandidateInit[] = [];
  private closed = false;

  /** Which end of the subscription this leg is (sent as `from`: the server needs it on self-subscriptions). */
  protected abstract readonly side: 'publisher' | 'subscriber';

  constructor(readonly subscriptionId: string, configuration: RTCConfiguration, protected readonly callbacks: LegCallbacks) {
    this.pc = new RTCPeerConnection(configuration);
    this.pc.onicecandidate = (e) => {
      if (this.closed) return;
      this.send({ kind: 'candidate', candidate: e.candidate ? e.candidate.toJSON() : null });
    };
    this.pc.onconnectionstatechange = () => {
      if (!this.closed) this.callbacks.onState?.(this.pc.connectionState as LegState);
    };
  }

  get isClosed(): boolean {
    return this.closed;
  }

  protected send(message: Omit<MediaMessage, 'subscriptionId' | 'from'>): void {
    this.callbacks.send({ ...message, from: this.side });
  }

  /** Handles an offer/answer/candidate/restartRequest relayed from the other end. */
  abstract handle(message: MediaMessage): Promise<void>;

  getStats(): Promise<RTCStatsReport> {
    return this.pc.getStats();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.pc.onicecandidate = null;
    this.pc.onconnectionstatechange = null;
    this.pc.close();
  }

  protected async addCandidate(candidate: RTCIceCandidateInit | null | undefined): Promise<void> {
    if (candidate === undefined) return;
    if (!this.pc.remoteDescription) {
      if (candidate) this.pendingCandidates.push(candidate);
      return;
    }
    try {
      await this.pc.addIceCandidate(candidate ?? undefined);
    } catch (err) {
      log.debug('addIceCandidate failed', err);
    }
  }

  protected async flushCandidates(): Promise<void> {
    const queued = this.pendingCandidates.splice(0);
    for (const c of queued) await this.addCandidate(c);
  }
}
