import { log } from '../logging';
import type { MediaMessage } from '../transport/protocol';
import { IceRecovery } from './IceRecovery';
import { PeerLeg, type LegCallbacks } from './PeerLeg';

export type MediaKindName = 'audio' | 'video';

/** An unanswered offer older than this no longer holds back an ICE restart. */
const staleOfferMs = 4_000;

/**
 * The sending end of one subscription. A kind is sent only while the publisher publishes it AND the
 * subscriber wants it; otherwise its sender carries no track (no packets at all, unlike a disabled track).
 * Track swaps (cycleVideo, setAudioSource) use replaceTrack, so no renegotiation happens.
 */
export class PublisherLeg extends PeerLeg {
  protected readonly side = 'publisher';
  private readonly senders = new Map<MediaKindName, RTCRtpSender>();
  private readonly tracks = new Map<MediaKindName, MediaStreamTrack>();
  private readonly publishing = { audio: true, video: true };
  private readonly wanted = { audio: true, video: true };
  /** False while the publisher's own audio fallback (audioFallback.publisher) holds video back on this leg. */
  private qualityVideo = true;
  private negotiating = false;
  private offeredAt = 0;
  private readonly recovery: IceRecovery;
  private trackChanges: Promise<void> = Promise.resolve();

  constructor(subscriptionId: string, configuration: RTCConfiguration, callbacks: LegCallbacks, stream: MediaStream, publishing: { audio: boolean; video: boolean }) {
    super(subscriptionId, configuration, callbacks);
    this.publishing.audio = publishing.audio;
    this.publishing.video = publishing.video;
    for (const track of stream.getTracks()) {
      const kind = track.kind as MediaKindName;
      if (this.senders.has(kind)) continue;
      this.tracks.set(kind, track);
      const transceiver = this.pc.addTransceiver(kind, { direction: 'sendonly', streams: [stream] });
      this.senders.set(kind, transceiver.sender);
    }
    this.recovery = new IceRecovery(this.pc, () => void this.restartIce().catch((err) => log.warn('ICE restart failed', err)), () => callbacks.onGiveUp?.());
  }

  /** Sends the first offer (after the senders hold their tracks). */
  async start(): Promise<void> {
    await this.applyTracks();
    await this.offer(false);
  }

  async handle(message: MediaMessage): Promise<void> {
    switch (message.kind) {
      case 'answer':
        if (this.pc.signalingState !== 'have-local-offer') return;
        await this.pc.setRemoteDescription({ type: 'answer', sdp: message.sdp ?? '' });
        this.negotiating = false;
        await this.flushCandidates();
        return;
      case 'candidate':
        await this.addCandidate(message.candidate);
        return;
      case 'restartRequest':
        await this.restartIce();
        return;
      default:
        log.debug('publisher leg ignores', message.kind);
    }
  }

  /** The publisher's own publishAudio/publishVideo. */
  async setPublishing(kind: MediaKindName, on: boolean): Promise<void> {
    this.publishing[kind] = on;
    await this.applyTrack(kind);
  }

  /** What the subscriber asked for (SetSubscriberMedia → subscriberMediaChanged). */
  async setWanted(audio: boolean, video: boolean): Promise<void> {
    this.wanted.audio = audio;
    this.wanted.video = video;
    await this.applyTracks();
  }

  /** The publisher's audio fallback: stop (false) or resume sending video on this leg. */
  async setQualityVideo(on: boolean): Promise<void> {
    if (this.qualityVideo === on) return;
    this.qualityVideo = on;
    // The subscriber cannot tell a held-back video from a frozen one: say why it stops (videoDisabled 'quality').
    this.send({ kind: on ? 'videoResumed' : 'videoPaused' });
    await this.applyTrack('video');
  }

  /** A new capture track for a kind (cycleVideo, setVideoSource, setAudioSource). */
  async replaceTrack(kind: MediaKindName, track: MediaStreamTrack): Promise<void> {
    this.tracks.set(kind, track);
    await this.applyTrack(kind);
  }

  /** Starts an ICE restart from this (offering) end. */
  async restartIce(): Promise<void> {
    // An offer whose answer never came (lost while the peer's signaling was down) does not block a new one forever.
    if (this.isClosed || (this.negotiating && Date.now() - this.offeredAt < staleOfferMs)) return;
    await this.offer(true);
  }

  override close(): void {
    this.recovery.stop();
    super.close();
  }

  private async offer(iceRestart: boolean): Promise<void> {
    this.negotiating = true;
    this.offeredAt = Date.now();
    try {
      const offer = await this.pc.createOffer({ iceRestart });
      await this.pc.setLocalDescription(offer);
      this.send({ kind: 'offer', sdp: this.pc.localDescription?.sdp ?? offer.sdp ?? '' });
    } catch (err) {
      this.negotiating = false;
      if (!this.isClosed) throw err;
    }
  }

  private async applyTracks(): Promise<void> {
    await this.applyTrack('audio');
    await this.applyTrack('video');
  }

  /** Serialised, so rapid toggles end in the last requested state (replaceTrack is asynchronous). */
  private applyTrack(kind: MediaKindName): Promise<void> {
    const run = async () => {
      const sender = this.senders.get(kind);
      if (!sender || this.isClosed) return;
      const track = this.publishing[kind] && this.wanted[kind] && (kind === 'audio' || this.qualityVideo) ? (this.tracks.get(kind) ?? null) : null;
      if (sender.track === track) return;
      await sender.replaceTrack(track);
    };
    const next = this.trackChanges.then(run, run);
    this.trackChanges = next.catch(() => undefined);
    return next;
  }
}
