import type { MediaMessage } from '../transport/protocol';
import { PeerLeg, type LegCallbacks } from './PeerLeg';

/** The receiving end of one subscription: answers the publisher's offers and hands out the remote stream. */
export class SubscriberLeg extends PeerLeg {
  protected readonly side = 'subscriber';
  private readonly remote = new MediaStream();

  constructor(subscriptionId: string, configuration: RTCConfiguration, callbacks: LegCallbacks, private readonly onTrack: (stream: MediaStream, track: MediaStreamTrack) => void) {
    super(subscriptionId, configuration, callbacks);
    this.pc.ontrack = (e) => {
      if (!this.remote.getTracks().includes(e.track)) this.remote.addTrack(e.track);
      this.onTrack(this.remote, e.track);
    };
    this.pc.addEventListener('connectionstatechange', () => {
      // The publisher end owns the offer: ask it for an ICE restart.
      if (this.pc.connectionState === 'failed') this.requestRestart();
    });
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
      default:
        return;
    }
  }

  requestRestart(): void {
    if (!this.isClosed) this.send({ kind: 'restartRequest' });
  }
}
