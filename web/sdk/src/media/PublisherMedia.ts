import { log } from '../logging';
import type { MediaMessage } from '../transport/protocol';
import type { LegCallbacks, LegState } from './PeerLeg';
import { PublisherLeg, type MediaKindName } from './PublisherLeg';

/**
 * A publisher's captured media and its legs (one RTCPeerConnection per subscriber). The public Publisher
 * asks for publish/track changes here; this layer applies them to every leg.
 */
export class PublisherMedia {
  readonly stream: MediaStream;
  private readonly legs = new Map<string, PublisherLeg>();
  private readonly publishing = { audio: true, video: true };

  constructor(stream: MediaStream, publishAudio: boolean, publishVideo: boolean) {
    this.stream = stream;
    this.publishing.audio = publishAudio;
    this.publishing.video = publishVideo;
    this.applyLocalEnabled();
  }

  track(kind: MediaKindName): MediaStreamTrack | undefined {
    return kind === 'audio' ? this.stream.getAudioTracks()[0] : this.stream.getVideoTracks()[0];
  }

  isPublishing(kind: MediaKindName): boolean {
    return this.publishing[kind] && !!this.track(kind);
  }

  /** Opens a leg for a new subscriber and sends the offer. */
  async addLeg(subscriptionId: string, configuration: RTCConfiguration, send: LegCallbacks['send'], onState?: (state: LegState) => void, onGiveUp?: () => void): Promise<void> {
    this.legs.get(subscriptionId)?.close();
    const leg = new PublisherLeg(subscriptionId, configuration, { send, ...(onState ? { onState } : {}), ...(onGiveUp ? { onGiveUp } : {}) }, this.stream, this.publishing);
    this.legs.set(subscriptionId, leg);
    await leg.start();
  }

  hasLeg(subscriptionId: string): boolean {
    return this.legs.has(subscriptionId);
  }

  async handle(message: MediaMessage): Promise<void> {
    await this.legs.get(message.subscriptionId)?.handle(message);
  }

  removeLeg(subscriptionId: string): void {
    this.legs.get(subscriptionId)?.close();
    this.legs.delete(subscriptionId);
  }

  setWanted(subscriptionId: string, audio: boolean, video: boolean): Promise<void> {
    return this.legs.get(subscriptionId)?.setWanted(audio, video) ?? Promise.resolve();
  }

  setQualityVideo(subscriptionId: string, on: boolean): Promise<void> {
    return this.legs.get(subscriptionId)?.setQualityVideo(on) ?? Promise.resolve();
  }

  legStats(subscriptionId: string): Promise<RTCStatsReport> | undefined {
    return this.legs.get(subscriptionId)?.getStats();
  }

  async setPublishing(kind: MediaKindName, on: boolean): Promise<void> {
    this.publishing[kind] = on;
    this.applyLocalEnabled();
    await Promise.all([...this.legs.values()].map((leg) => leg.setPublishing(kind, on)));
  }

  /**
   * Swaps the capture track of a kind on the local stream and on every leg (replaceTrack, no renegotiation).
   * The caller stops the old track first when the device cannot be opened twice (cycleVideo).
   */
  async replaceTrack(kind: MediaKindName, track: MediaStreamTrack): Promise<void> {
    const old = this.track(kind);
    if (old && old !== track) {
      this.stream.removeTrack(old);
      old.stop();
    }
    if (!this.stream.getTracks().includes(track)) this.stream.addTrack(track);
    this.applyLocalEnabled();
    await Promise.all([...this.legs.values()].map((leg) => leg.replaceTrack(kind, track)));
  }

  /** After a signaling Resume: legs whose media did not survive the drop renegotiate ICE (messages sent meanwhile were lost). */
  async restartStalledLegs(): Promise<void> {
    const stalled = [...this.legs.values()].filter((leg) => leg.pc.connectionState !== 'connected');
    await Promise.all(stalled.map((leg) => leg.restartIce().catch((err) => log.warn('ICE restart failed', err))));
  }

  /** Per-leg RTCStatsReports, keyed by subscription id. */
  async statsByLeg(): Promise<Map<string, RTCStatsReport>> {
    const out = new Map<string, RTCStatsReport>();
    for (const [id, leg] of this.legs) out.set(id, await leg.getStats());
    return out;
  }

  closeLegs(): void {
    for (const leg of this.legs.values()) leg.close();
    this.legs.clear();
  }

  stop(): void {
    this.closeLegs();
    this.stream.getTracks().forEach((t) => t.stop());
  }

  /** The local preview reflects publishAudio/publishVideo too (a camera-off publisher shows its poster). */
  private applyLocalEnabled(): void {
    this.stream.getAudioTracks().forEach((t) => (t.enabled = this.publishing.audio));
    this.stream.getVideoTracks().forEach((t) => (t.enabled = this.publishing.video));
  }
}
