import { defaults } from './defaults';
import { OTError } from './errors';
import { makeEvent, type OTEvent } from './events/OTEvent';
import { AudioLevelMeter } from './media/AudioLevelMeter';
import type { LegState } from './media/PeerLeg';
import { subscriberStats, type OTStats } from './media/stats';
import { SubscriberLeg } from './media/SubscriberLeg';
import { globalEvents } from './events/exceptions';
import type { FallbackAction } from './quality/AudioFallbackPolicy';
import { QualityMonitor } from './quality/QualityMonitor';
import { subscribers } from './registry';
import type { Session } from './Session';
import type { Stream } from './Stream';
import type { MediaMessage } from './transport/protocol';
import { newWidgetId } from './ui/target';
import { Widget } from './ui/Widget';
import { WidgetHost } from './ui/WidgetHost';

export interface SubscriberProperties {
  insertMode?: 'replace' | 'append' | 'before' | 'after';
  insertDefaultUI?: boolean;
  width?: number | string;
  height?: number | string;
  fitMode?: 'cover' | 'contain';
  audioVolume?: number;
  subscribeToAudio?: boolean;
  subscribeToVideo?: boolean;
  showControls?: boolean;
  style?: Record<string, unknown>;
  testNetwork?: boolean;
  /** OpenTok's audio fallback for this subscriber: drop video on a bad network (default true). */
  audioFallbackEnabled?: boolean;
  [key: string]: unknown;
}

export type VideoReason = 'publishVideo' | 'subscribeToVideo' | 'quality' | 'codecNotSupported' | 'codecChanged';

export type SubscriberEvents = {
  connected: OTEvent;
  disconnected: OTEvent;
  destroyed: OTEvent & { reason: string };
  videoDisabled: OTEvent & { reason: VideoReason };
  videoEnabled: OTEvent & { reason: VideoReason };
  videoDisableWarning: OTEvent;
  videoDisableWarningLifted: OTEvent;
  videoElementCreated: OTEvent & { element: HTMLVideoElement };
  audioLevelUpdated: OTEvent & { audioLevel: number };
  audioBlocked: OTEvent;
  audioUnblocked: OTEvent;
  videoDimensionsChanged: OTEvent & { oldValue: unknown; newValue: unknown };
  mediaStreamAvailable: OTEvent & { mediaStream: MediaStream };
};

let guidCounter = 0;

/** The remote side of one stream: its widget, its leg, and the receive toggles. */
export class Subscriber extends WidgetHost<SubscriberEvents> {
  /** @internal */
  readonly guid = `subscriber-${++guidCounter}`;
  readonly id: string;
  readonly element: HTMLElement | undefined;
  readonly stream: Stream;
  readonly streamId: string;
  session: Session | undefined;

  protected readonly widget: Widget;
  private leg: SubscriberLeg | undefined;
  private subscriptionIdValue: string | undefined;
  private audioWanted: boolean;
  private videoWanted: boolean;
  private volume: number;
  private audioBlocked = false;
  private qualityDisabled = false;
  /** The publisher's own audio fallback holds video back on this leg. */
  private publisherPaused = false;
  private videoShown: boolean;
  private mediaConnected = false;
  private everConnected = false;
  private readonly meter = new AudioLevelMeter();
  private meterTimer: ReturnType<typeof setInterval> | undefined;
  private destroyedFlag = false;
  private readonly quality: QualityMonitor | undefined;

  /** @internal Use session.subscribe. */
  constructor(session: Session, stream: Stream, target: unknown, properties: SubscriberProperties) {
    super();
    this.session = session;
    this.stream = stream;
    this.streamId = stream.streamId;
    this.audioWanted = properties.subscribeToAudio !== false;
    this.videoWanted = properties.subscribeToVideo !== false;
    this.volume = clampVolume(properties.audioVolume ?? defaults.audioVolume);
    this.widget = new Widget({
      kind: 'subscriber',
      target,
      insertMode: properties.insertMode,
      insertDefaultUI: properties.insertDefaultUI,
      width: properties.width,
      height: properties.height,
      fitMode: properties.fitMode ?? (stream.videoType === 'screen' ? 'contain' : 'cover'),
      mirror: false,
      style: properties.style,
      showControls: properties.showControls,
      ...(stream.name ? { name: stream.name } : {}),
      initials: stream.initials,
      onMuteClick: () => this.subscribeToAudio(!this.audioWanted),
      onUnblockClick: () => this.unblockAudio(),
    });
    this.element = this.widget.element;
    this.id = this.widget.id ?? newWidgetId();
    this.widget.video.volume = this.volume / 100;
    this.widget.setMuted(!this.audioWanted);
    this.videoShown = this.computeVideoShown();
    this.widget.setAudioOnly(!this.videoShown);
    // Audio fallback runs unless the publisher (audioFallback.subscriber:false) or this subscriber turned it off.
    if (stream._audioFallback && properties.audioFallbackEnabled !== false) {
      this.quality = new QualityMonitor(() => this.leg?.getStats(), (action) => this.onQualityAction(action), () => this.videoWanted && !this.qualityDisabled && !this.publisherPaused && this.stream.hasVideo);
    }
    subscribers.add(this);
  }

  get subscriptionId(): string | undefined {
    return this.subscriptionIdValue;
  }

  /** Stop/resume receiving audio: the publisher stops sending it on this leg. */
  subscribeToAudio(value: boolean = true): this {
    this.audioWanted = value !== false;
    this.widget.setMuted(!this.audioWanted);
    this.widget.video.muted = !this.audioWanted || this.audioBlocked;
    this.sendWanted();
    return this;
  }

  /** Stop/resume receiving video: the publisher stops sending it on this leg (videoDisabled reason 'subscribeToVideo'). */
  subscribeToVideo(value: boolean = true): this {
    this.videoWanted = value !== false;
    this.sendWanted();
    this.updateVideo('subscribeToVideo');
    return this;
  }

  setAudioVolume(value: number): this {
    this.volume = clampVolume(value);
    this.widget.video.volume = this.volume / 100;
    return this;
  }

  getAudioVolume(): number {
    return this.volume;
  }

  isAudioBlocked(): boolean {
    return this.audioBlocked;
  }

  getStats(callback: (error?: OTError, stats?: OTStats) => void): void {
    if (!this.leg) {
      callback(new OTError(1010, 'The subscriber is not connected'));
      return;
    }
    this.leg.getStats().then((report) => callback(undefined, subscriberStats(report)), (err: unknown) => callback(new OTError(2000, String(err))));
  }

  getRtcStatsReport(): Promise<RTCStatsReport> {
    return this.leg ? this.leg.getStats() : Promise.reject(new OTError(1010, 'The subscriber is not connected'));
  }

  /** Preferred resolution/frame rate are hints for routed sessions; a peer-to-peer call ignores them. */
  setPreferredResolution(_resolution: unknown): this {
    return this;
  }

  setPreferredFrameRate(_frameRate: unknown): this {
    return this;
  }

  restrictFrameRate(_value: boolean): this {
    return this;
  }

  // ---- engine-facing members (internal) ----

  /** @internal The hub created the subscription: open the receiving leg. */
  _start(subscriptionId: string, configuration: RTCConfiguration, send: (m: Omit<MediaMessage, 'subscriptionId'>) => void, onFirstConnect: (error?: OTError) => void): SubscriberLeg {
    this.subscriptionIdValue = subscriptionId;
    let leg: SubscriberLeg;
    try {
      leg = this.createLeg(subscriptionId, configuration, send, onFirstConnect);
    } catch (err) {
      throw new OTError(1013, `Could not create the peer connection: ${err instanceof Error ? err.message : String(err)}`);
    }
    this.leg = leg;
    this.widget.video.muted = !this.audioWanted;
    this.startMeter();
    if (!this.everConnected) this.dispatch(makeEvent('videoElementCreated', this, { element: this.widget.video }));
    if (!this.audioWanted || !this.videoWanted || this.qualityDisabled) this.sendWanted();
    this.quality?.reset();
    this.quality?.start();
    return leg;
  }

  /** @internal The server restarted and lost the subscription: a new one replaces it (new leg, same widget). */
  _restart(subscriptionId: string, configuration: RTCConfiguration, send: (m: Omit<MediaMessage, 'subscriptionId'>) => void): SubscriberLeg {
    this.leg?.close();
    this.leg = undefined;
    // A new leg starts with video flowing; whatever the old one held back no longer applies.
    if (this.publisherPaused) this.onPublisherPaused(false);
    if (this.mediaConnected) {
      this.mediaConnected = false;
      this.dispatch(makeEvent('disconnected', this, {}));
    }
    return this._start(subscriptionId, configuration, send, () => undefined);
  }

  private createLeg(subscriptionId: string, configuration: RTCConfiguration, send: (m: Omit<MediaMessage, 'subscriptionId'>) => void, onFirstConnect: (error?: OTError) => void): SubscriberLeg {
    const onGiveUp = () => {
      // Media could not be restored within the bound: an error, not an endless spinner.
      this._closeLeg();
      globalEvents.reportException(new OTError(1554, 'The media connection of this subscriber failed and could not be restored (ICE restart gave up)'), this);
    };
    const onVideoPaused = (paused: boolean) => this.onPublisherPaused(paused);
    return new SubscriberLeg(subscriptionId, configuration, { send, onState: (state) => this.onLegState(state, onFirstConnect), onGiveUp, onVideoPaused }, (stream, track) => {
      this.widget.attach(stream, () => this.onAutoplayBlocked());
      if (track.kind === 'audio') this.meter.setTrack(track);
      this.dispatch(makeEvent('mediaStreamAvailable', this, { mediaStream: stream }));
    });
  }

  /** @internal The publisher changed hasVideo/hasAudio. */
  _onStreamPropertyChanged(property: string): void {
    if (property === 'hasVideo') this.updateVideo('publishVideo');
  }

  /** @internal Seam for audio fallback (issue 6): the network decided video must stop (reason 'quality'). */
  _setVideoDisabledForQuality(disabled: boolean): void {
    this.qualityDisabled = disabled;
    this.updateVideo('quality');
  }

  /** @internal The publisher's connection is reconnecting (true) or back (false). */
  _setPublisherReconnecting(reconnecting: boolean): void {
    if (!this.everConnected) return;
    this.dispatch(makeEvent(reconnecting ? 'disconnected' : 'connected', this, {}));
  }

  /** @internal The server ended the subscription: media stops, the widget stays until the stream's fate is known. */
  _closeLeg(): void {
    this.leg?.close();
    this.leg = undefined;
  }

  /** @internal Removes the leg, the widget and the subscriber itself; fires `destroyed`. */
  _destroy(reason: string, removeElement = true): void {
    if (this.destroyedFlag) return;
    this.destroyedFlag = true;
    if (this.meterTimer) clearInterval(this.meterTimer);
    this.quality?.stop();
    this.meter.close();
    this.leg?.close();
    this.leg = undefined;
    if (removeElement) this.widget.destroy();
    else this.widget.video.srcObject = null;
    subscribers.remove(this);
    this.session = undefined;
    this.dispatch(makeEvent('destroyed', this, { reason }));
  }

  /** @internal */
  _isDestroyed(): boolean {
    return this.destroyedFlag;
  }

  /** @internal OT.unblockAudio / a click on the indicator. */
  unblockAudio(): void {
    if (!this.audioBlocked) return;
    this.widget.video.muted = !this.audioWanted;
    this.widget.video.play().then(
      () => {
        this.audioBlocked = false;
        this.widget.setAudioBlocked(false);
        this.dispatch(makeEvent('audioUnblocked', this, {}));
      },
      () => {
        this.widget.video.muted = true;
      },
    );
  }

  private onAutoplayBlocked(): void {
    if (this.audioBlocked) return;
    this.audioBlocked = true;
    this.widget.setAudioBlocked(true);
    this.dispatch(makeEvent('audioBlocked', this, {}));
  }

  private onLegState(state: LegState, onFirstConnect: (error?: OTError) => void): void {
    if (state === 'connected') {
      if (!this.everConnected) {
        this.everConnected = true;
        this.mediaConnected = true;
        onFirstConnect();
        this.dispatch(makeEvent('connected', this, {}));
        return;
      }
      if (!this.mediaConnected) {
        this.mediaConnected = true;
        this.dispatch(makeEvent('connected', this, {}));
      }
    } else if (state === 'disconnected' || state === 'failed') {
      if (!this.everConnected) {
        if (state === 'failed') onFirstConnect(new OTError(1554, 'The subscriber could not establish a media connection (ICE failed)'));
        return;
      }
      if (this.mediaConnected) {
        this.mediaConnected = false;
        this.dispatch(makeEvent('disconnected', this, {}));
      }
    }
  }

  private sendWanted(): void {
    if (this.subscriptionIdValue) this.session?._setSubscriberMedia(this.subscriptionIdValue, this.audioWanted, this.videoWanted && !this.qualityDisabled);
  }

  /** Audio fallback: warn, then ask the publisher to stop video on this leg; undo both when quality recovers. */
  private onQualityAction(action: FallbackAction): void {
    if (this.destroyedFlag) return;
    switch (action) {
      case 'videoDisableWarning':
      case 'videoDisableWarningLifted':
        this.dispatch(makeEvent(action, this, {}));
        return;
      case 'videoDisabled':
      case 'videoEnabled':
        this.qualityDisabled = action === 'videoDisabled';
        this.sendWanted();
        this.updateVideo('quality');
        return;
    }
  }

  /** The publisher's audio fallback (audioFallback.publisher) paused or resumed video on this leg: reason 'quality'. */
  private onPublisherPaused(paused: boolean): void {
    if (this.destroyedFlag || paused === this.publisherPaused) return;
    this.publisherPaused = paused;
    if (!paused) this.quality?.reset();
    this.updateVideo('quality');
  }

  private computeVideoShown(): boolean {
    return this.stream.hasVideo && this.videoWanted && !this.qualityDisabled && !this.publisherPaused && this.stream.videoType !== undefined;
  }

  private updateVideo(reason: VideoReason): void {
    const shown = this.computeVideoShown();
    this.widget.setAudioOnly(!shown);
    if (shown === this.videoShown) return;
    this.videoShown = shown;
    this.dispatch(makeEvent(shown ? 'videoEnabled' : 'videoDisabled', this, { reason }));
  }

  private startMeter(): void {
    this.meterTimer = setInterval(() => {
      if (this.listenerCount('audioLevelUpdated') === 0 && this.widget.getStyle().audioLevelDisplayMode === 'off') return;
      const level = this.audioWanted ? this.meter.level() : 0;
      this.widget.setAudioLevel(level);
      if (this.listenerCount('audioLevelUpdated') > 0) this.dispatch(makeEvent('audioLevelUpdated', this, { audioLevel: level }));
    }, defaults.audioLevelIntervalMs);
  }
}

function clampVolume(v: unknown): number {
  const n = typeof v === 'number' && Number.isFinite(v) ? v : defaults.audioVolume;
  return Math.min(100, Math.max(0, Math.round(n)));
}
