import type { MediaMessage } from '../transport/protocol';
import { defaultIceRecoveryTiming, IceRecovery } from './IceRecovery';
import { PeerLeg, type LegCallbacks } from './PeerLeg';

export interface SubscriberLegCallbacks extends LegCallbacks {
  /** The publisher's audio fallback stopped (true) or resumed (false) video on this leg. */
  onVideoPaused?(paused: boolean): void;
}

/** The receiving end of one subscription: answers the publisher's offers and hands out the remote stream. */
export class SubscriberLeg extends PeerLeg {
  protected readonly side = 'subscriber';
  private readonly remote = new MediaStream();
  private readonly recovery: IceRecovery;

  constructor(subscriptionId: string, configuration: RTCConfiguration, private readonly legCallbacks: SubscriberLegCallbacks, private readonly onTrack: (stream: MediaStream, track: MediaStreamTrack) => void) {
    super(subscriptionId, configuration, legCallbacks);
    this.pc.ontrack = (e) => {
      if (!this.remote.getTracks().includes(e.track)) this.remote.addTrack(e.track);
      this.onTrack(this.remote, e.track);
    };
    // The publisher end owns the offer: the subscriber asks it for an ICE restart, a little later than the
    // publisher would start one itself, so one side's restart usually suffices.
    this.recovery = new IceRecovery(this.pc, () => this.requestRestart(), () => legCallbacks.onGiveUp?.(), {
      ...defaultIceRecoveryTiming,
      firstRestartMs: defaultIceRecoveryTiming.firstRestartMs * 2,
    });
  }

  override close(): void {
    this.recovery.stop();
    super.close();
  }

  get stream(): MediaStream {
    return this.remote;
  }

  async handle(message: MediaMessage): Promise<void> {
    switch (message.kind) {
      case 'offer': {
        await this.pc.setRemoteDescription({ type: 'offer', sdp: message.sdp ?? '' });
        await this.flushCandidates();
        const answer = await this.pc.createAnswer();
        await this.pc.setLocalDescription(answer);
        this.send({ kind: 'answer', sdp: this.pc.localDescription?.sdp ?? answer.sdp ?? '' });
        return;
      }
      case 'candidate':
        await this.addCandidate(message.candidate);
        return;
      case 'videoPaused':
      case 'videoResumed':
        this.legCallbacks.onVideoPaused?.(message.kind === 'videoPaused');
        return;
      default:
        return;
    }
  }

  requestRestart(): void {
    if (!this.isClosed) this.send({ kind: 'restartRequest' });
  }
}
