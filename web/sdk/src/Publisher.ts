import { defaults } from './defaults';
import { OTError } from './errors';
import { globalEvents } from './events/exceptions';
import { makeEvent, type OTEvent } from './events/OTEvent';
import { log } from './logging';
import { AudioLevelMeter } from './media/AudioLevelMeter';
import type { LegCallbacks } from './media/PeerLeg';
import { capturePublisherMedia, listDevices, openCamera, openMicrophone } from './media/devices';
import { PublisherMedia } from './media/PublisherMedia';
import { publisherStats, type OTStats } from './media/stats';
import type { FallbackAction } from './quality/AudioFallbackPolicy';
import { QualityMonitor } from './quality/QualityMonitor';
import { nextCamera } from './media/camera-cycle';
import { frameRateOption, initialsOf, parseSource, type PublisherMediaOptions } from './options';
import { promised, withPromise, type WithPromise } from './promiseForm';
import { publishers } from './registry';
import type { Session } from './Session';
import type { Stream } from './Stream';
import type { PublishRequest, SubscriptionInfo } from './transport/protocol';
import { newWidgetId } from './ui/target';
import { Widget } from './ui/Widget';
import { WidgetHost } from './ui/WidgetHost';

export interface PublisherProperties extends PublisherMediaOptions {
  insertMode?: 'replace' | 'append' | 'before' | 'after';
  insertDefaultUI?: boolean;
  width?: number | string;
  height?: number | string;
  fitMode?: 'cover' | 'contain';
  mirror?: boolean;
  name?: string;
  initials?: string;
  publishAudio?: boolean;
  publishVideo?: boolean;
  showControls?: boolean;
  style?: Record<string, unknown>;
  [key: string]: unknown;
}

export type PublisherEvents = {
  accessAllowed: OTEvent;
  accessDenied: OTEvent & { message: string; code: number };
  accessDialogOpened: OTEvent;
  accessDialogClosed: OTEvent;
  audioLevelUpdated: OTEvent & { audioLevel: number };
  streamCreated: OTEvent & { stream: Stream };
  streamDestroyed: OTEvent & { stream: Stream; reason: string };
  destroyed: OTEvent;
  videoElementCreated: OTEvent & { element: HTMLVideoElement };
  mediaStreamAvailable: OTEvent & { mediaStream: MediaStream };
  mediaStopped: OTEvent & { track: MediaStreamTrack };
  muteForced: OTEvent;
  videoDimensionsChanged: OTEvent & { oldValue: unknown; newValue: unknown };
  videoDisableWarning: OTEvent;
  videoDisableWarningLifted: OTEvent;
  videoDisabled: OTEvent & { reason: 'quality' };
  videoEnabled: OTEvent & { reason: 'quality' };
};

type Callback = (error?: OTError) => void;

let guidCounter = 0;

/** The local camera/microphone, its widget, and (once published) its stream. */
export class Publisher extends WidgetHost<PublisherEvents> {
  /** @internal registry key (the DOM id may be absent with insertDefaultUI:false). */
  readonly guid = `publisher-${++guidCounter}`;
  readonly id: string;
  readonly element: HTMLElement | undefined;
  stream: Stream | undefined;
  streamId: string | undefined;
  session: Session | undefined;
  accessAllowed = false;
  /**
   * Starts or stops sending audio (propagated to subscribers as streamPropertyChanged 'hasAudio').
   * `publishAudio.promise(value)` resolves once the change is applied, or rejects with the error.
   */
  readonly publishAudio: WithPromise<(value: boolean) => this, (value: boolean) => Promise<void>>;
  /**
   * Starts or stops sending video (subscribers get videoDisabled/videoEnabled reason 'publishVideo').
   * `publishVideo.promise(value)` resolves once the change is applied, or rejects with the error.
   */
  readonly publishVideo: WithPromise<(value: boolean, callback?: Callback) => this, (value: boolean) => Promise<void>>;

  private readonly props: PublisherProperties;
  protected readonly widget: Widget;
  private media: PublisherMedia | undefined;
  private readonly ready: Promise<PublisherMedia>;
  private videoType: 'camera' | 'screen' | 'custom' | null = null;
  private audioOn: boolean;
  private videoOn: boolean;
  private readonly meter = new AudioLevelMeter();
  private meterTimer: ReturnType<typeof setInterval> | undefined;
  private readonly subscriberConnections = new Map<string, string>();
  private destroyed = false;
  /** Publisher-side audio fallback (audioFallback.publisher): one monitor per subscriber leg. */
  private readonly qualityMonitors = new Map<string, QualityMonitor>();

  /** @internal Use OT.initPublisher. */
  constructor(target: unknown, properties: PublisherProperties | undefined, callback: Callback | undefined) {
    super();
    // Per publisher, so that a detached `publisher.publishVideo.promise` still belongs to this publisher.
    this.publishAudio = withPromise((value: boolean) => this.setAudio(value), (value: boolean) => promised((done) => this.setAudio(value, done)));
    this.publishVideo = withPromise((value: boolean, callback?: Callback) => this.setVideo(value, callback), (value: boolean) => promised((done) => this.setVideo(value, done)));
    this.props = { ...(properties ?? {}) };
    this.audioOn = this.props.publishAudio !== false;
    this.videoOn = this.props.publishVideo !== false;
    const video = parseSource(this.props.videoSource, true);
    this.widget = new Widget({
      kind: 'publisher',
      target,
      insertMode: this.props.insertMode,
      insertDefaultUI: this.props.insertDefaultUI,
      width: this.props.width,
      height: this.props.height,
      fitMode: this.props.fitMode ?? (video.kind === 'screen' ? 'contain' : 'cover'),
      mirror: this.props.mirror ?? (video.kind === 'default' || video.kind === 'device'),
      style: this.props.style,
      showControls: this.props.showControls,
      ...(this.props.name !== undefined ? { name: String(this.props.name) } : {}),
      initials: initialsOf(this.props.name, this.props.initials),
      onMuteClick: () => this.publishAudio(!this.audioOn),
    });
    this.element = this.widget.element;
    this.id = this.widget.id ?? newWidgetId();
    publishers.add(this);
    this.widget.setMuted(!this.audioOn);
    this.ready = this.acquire(callback);
    this.ready.catch(() => undefined);
  }

  private setAudio(value: boolean, callback?: Callback): this {
    const on = value !== false;
    this.audioOn = on;
    this.widget.setMuted(!on);
    const done = this.media?.setPublishing('audio', on) ?? Promise.resolve();
    this.announce('hasAudio', on && !!this.media?.track('audio'));
    settle(done, callback);
    return this;
  }

  private setVideo(value: boolean, callback?: Callback): this {
    const on = value !== false;
    this.videoOn = on;
    this.widget.setAudioOnly(!on || !this.media?.track('video'));
    const done = this.media?.setPublishing('video', on) ?? Promise.resolve();
    this.announce('hasVideo', on && !!this.media?.track('video'));
    settle(done, callback);
    return this;
  }

  /** Switches to the next camera: stops the current track first (phones cannot open two cameras), opens the next one and swaps it into every leg with replaceTrack. */
  async cycleVideo(): Promise<{ deviceId: string }> {
    const media = await this.ready;
    const current = media.track('video');
    if (!current || this.videoType !== 'camera') throw new OTError(1011, 'cycleVideo needs a camera publisher', 'OT_UNSUPPORTED_OPERATION');
    const currentId = current.getSettings().deviceId ?? '';
    const next = nextCamera(await listDevices(), currentId);
    if (!next) return { deviceId: currentId };
    await this.switchCamera(media, next.deviceId);
    return { deviceId: next.deviceId };
  }

  /** A camera device id (or a MediaStreamTrack) replaces the current video source. */
  async setVideoSource(source: string | MediaStreamTrack): Promise<void> {
    const media = await this.ready;
    if (!media.track('video')) throw new OTError(1011, 'This publisher has no video to replace', 'OT_UNSUPPORTED_OPERATION');
    if (typeof source === 'string') {
      await this.switchCamera(media, source);
      return;
    }
    await media.replaceTrack('video', source);
    this.watchTrack(source);
    this.widget.attach(media.stream);
  }

  getVideoSource(): { deviceId: string | null; type: 'camera' | 'screen' | 'custom' | null; track: MediaStreamTrack | null } {
    const track = this.media?.track('video') ?? null;
    return { deviceId: track?.getSettings().deviceId ?? null, type: track ? this.videoType : null, track };
  }

  /** A microphone device id or an audio MediaStreamTrack replaces the current audio source. */
  async setAudioSource(source: string | MediaStreamTrack): Promise<void> {
    const media = await this.ready;
    if (!media.track('audio')) throw new OTError(1011, 'This publisher has no audio to replace', 'OT_UNSUPPORTED_OPERATION');
    const track = typeof source === 'string' ? await this.openAfterStopping(media, 'audio', () => openMicrophone(this.props, source)) : source;
    await media.replaceTrack('audio', track);
    this.watchTrack(track);
    this.meter.setTrack(track);
  }

  getAudioSource(): MediaStreamTrack | null {
    return this.media?.track('audio') ?? null;
  }

  /** OpenTok's per-subscriber stats array. */
  getStats(callback: (error?: OTError, stats?: { connectionId: string; subscriberId: string; stats: OTStats }[]) => void): void {
    (this.media ? this.media.statsByLeg() : Promise.resolve(new Map<string, RTCStatsReport>())).then(
      (reports) => callback(undefined, [...reports].map(([subscriptionId, report]) => ({ connectionId: this.subscriberConnections.get(subscriptionId) ?? '', subscriberId: subscriptionId, stats: publisherStats(report) }))),
      (err: unknown) => callback(new OTError(2000, String(err))),
    );
  }

  async getRtcStatsReport(): Promise<{ connectionId: string; subscriberId: string; rtcStatsReport: RTCStatsReport }[]> {
    const reports = this.media ? await this.media.statsByLeg() : new Map<string, RTCStatsReport>();
    return [...reports].map(([subscriptionId, rtcStatsReport]) => ({ connectionId: this.subscriberConnections.get(subscriptionId) ?? '', subscriberId: subscriptionId, rtcStatsReport }));
  }

  /** Unpublishes if needed, releases the camera/microphone and removes the widget. */
  destroy(): this {
    if (this.destroyed) return this;
    if (this.session && this.stream) this.session.unpublish(this);
    if (this.destroyed) return this; // unpublishing already destroyed it (default streamDestroyed action)
    this.destroyed = true;
    this.dispose();
    this.dispatch(makeEvent('destroyed', this, {}));
    return this;
  }

  // ---- engine-facing members (internal) ----

  /** @internal Resolves once camera/mic access is granted. */
  _whenReady(): Promise<PublisherMedia> {
    return this.ready;
  }

  /** @internal The Publish request for this publisher. */
  _describe(): PublishRequest {
    const media = this.media;
    const video = media?.track('video');
    const settings = video?.getSettings();
    return {
      name: this.props.name !== undefined ? String(this.props.name) : '',
      hasAudio: this.audioOn && !!media?.track('audio'),
      hasVideo: this.videoOn && !!video,
      videoType: video ? (this.videoType ?? 'camera') : null,
      videoDimensions: settings?.width && settings.height ? { width: settings.width, height: settings.height } : null,
      frameRate: frameRateOption(this.props),
      audioFallback: subscriberAudioFallback(this.props),
    };
  }

  /** @internal The server accepted the stream: streamId is set before the publish callback runs. */
  _onPublished(session: Session, stream: Stream): void {
    this.session = session;
    this.stream = stream;
    this.streamId = stream.streamId;
    this.dispatch(makeEvent('streamCreated', this, { stream }));
  }

  /** @internal A subscriber joined this stream: open its leg and offer. */
  async _addSubscriber(info: SubscriptionInfo, configuration: RTCConfiguration, send: LegCallbacks['send']): Promise<void> {
    const media = await this.ready;
    this.subscriberConnections.set(info.subscriptionId, info.subscriberConnectionId);
    try {
      await media.addLeg(info.subscriptionId, configuration, send, undefined, () => {
        // IceRecovery restarted ICE until its bound ran out: say so (OpenTok's 1553) instead of leaving a frozen leg.
        media.removeLeg(info.subscriptionId);
        globalEvents.reportException(new OTError(1553, `ICE failed on the connection to subscriber ${info.subscriberConnectionId} and could not be restored`), this);
      });
    } catch (err) {
      globalEvents.reportException(new OTError(1013, `Could not create the peer connection for a subscriber: ${err instanceof Error ? err.message : String(err)}`), this);
      throw err;
    }
    if (publisherAudioFallback(this.props)) this.watchLeg(media, info.subscriptionId);
  }

  /** @internal The server restarted and lost this stream: drop every leg (subscribers come back with new subscriptions) and describe the stream for re-publishing under its old id. */
  _describeForRestore(): PublishRequest & { restoreStreamId?: string } {
    this.stopQualityMonitors();
    this.media?.closeLegs();
    this.subscriberConnections.clear();
    return { ...this._describe(), ...(this.streamId ? { restoreStreamId: this.streamId } : {}) };
  }

  /** @internal */
  _mediaFor(subscriptionId: string): PublisherMedia | undefined {
    return this.media?.hasLeg(subscriptionId) ? this.media : undefined;
  }

  /** @internal */
  _removeSubscriber(subscriptionId: string): void {
    this.qualityMonitors.get(subscriptionId)?.stop();
    this.qualityMonitors.delete(subscriptionId);
    this.subscriberConnections.delete(subscriptionId);
    this.media?.removeLeg(subscriptionId);
  }

  /** @internal The subscriber of a leg wants (or no longer wants) audio/video. */
  _setWanted(subscriptionId: string, audio: boolean, video: boolean): void {
    void this.media?.setWanted(subscriptionId, audio, video);
  }

  /** @internal The session resumed after a socket drop. */
  _onReconnected(): void {
    void this.media?.restartStalledLegs();
  }

  /** @internal A moderator muted this stream. */
  _muteForced(): void {
    this.publishAudio(false);
    this.dispatch(makeEvent('muteForced', this, {}));
  }

  /** @internal The stream ended (unpublish, disconnect, forceUnpublish). Default action: remove the widget. */
  _onStreamDestroyed(reason: string): void {
    const stream = this.stream;
    this.stopQualityMonitors();
    this.media?.closeLegs();
    this.subscriberConnections.clear();
    this.stream = undefined;
    this.streamId = undefined;
    this.session = undefined;
    if (!stream) return;
    const event = this.dispatch(makeEvent('streamDestroyed', this, { stream, reason }, true));
    if (!event.isDefaultPrevented() && !this.destroyed) this.destroy();
  }

  private announce(property: 'hasAudio' | 'hasVideo', value: boolean): void {
    const stream = this.stream;
    if (!stream || !this.session) return;
    if (stream[property] === value) return;
    stream[property] = value;
    this.session._setStreamProperty(stream.streamId, property, value);
  }

  private async acquire(callback: Callback | undefined): Promise<PublisherMedia> {
    let captured;
    try {
      captured = await capturePublisherMedia(this.props);
    } catch (err) {
      const error = err instanceof OTError ? err : new OTError(1500, String(err));
      this.fail(error, callback);
      throw error;
    }
    if (this.destroyed) {
      captured.stream.getTracks().forEach((t) => t.stop());
      throw new OTError(1500, 'The publisher was destroyed before media access was granted');
    }
    this.videoType = captured.videoType;
    const media = new PublisherMedia(captured.stream, this.audioOn, this.videoOn);
    this.media = media;
    media.stream.getTracks().forEach((t) => this.watchTrack(t));
    this.accessAllowed = true;
    this.widget.setAudioOnly(!this.videoOn || !media.track('video'));
    this.widget.attach(media.stream);
    this.meter.setTrack(media.track('audio'));
    this.startMeter();
    try {
      callback?.();
    } catch (err) {
      log.error('initPublisher callback failed', err);
    }
    this.dispatch(makeEvent('accessAllowed', this, {}));
    this.dispatch(makeEvent('mediaStreamAvailable', this, { mediaStream: media.stream }));
    this.dispatch(makeEvent('videoElementCreated', this, { element: this.widget.video }));
    return media;
  }

  private fail(error: OTError, callback: Callback | undefined): void {
    try {
      callback?.(error);
    } catch (err) {
      log.error('initPublisher callback failed', err);
    }
    this.dispatch(makeEvent('accessDenied', this, { message: error.message, code: error.code }));
    globalEvents.reportException(error, this);
  }

  private async switchCamera(media: PublisherMedia, deviceId: string): Promise<void> {
    const track = await this.openAfterStopping(media, 'video', () => openCamera(this.props, deviceId));
    await media.replaceTrack('video', track);
    this.watchTrack(track);
    this.widget.attach(media.stream);
  }

  /** Stops the current track of a kind before opening its replacement; reopens the old device if that fails. */
  private async openAfterStopping(media: PublisherMedia, kind: 'audio' | 'video', open: () => Promise<MediaStreamTrack>): Promise<MediaStreamTrack> {
    const old = media.track(kind);
    const oldId = old?.getSettings().deviceId;
    old?.stop();
    try {
      return await open();
    } catch (err) {
      if (oldId) {
        const again = kind === 'video' ? await openCamera(this.props, oldId) : await openMicrophone(this.props, oldId);
        await media.replaceTrack(kind, again);
        this.watchTrack(again);
      }
      throw err;
    }
  }

  /**
   * A capture track ended without us stopping it (device unplugged, the browser's "Stop sharing", permission
   * revoked): OpenTok's mediaStopped {track}. Our own track.stop() (destroy, cycleVideo) fires no 'ended'.
   */
  private watchTrack(track: MediaStreamTrack): void {
    track.addEventListener('ended', () => {
      if (this.destroyed || this.media?.track(track.kind as 'audio' | 'video') !== track) return;
      this.dispatch(makeEvent('mediaStopped', this, { track }));
    }, { once: true });
  }

  private startMeter(): void {
    this.meterTimer = setInterval(() => {
      if (this.listenerCount('audioLevelUpdated') === 0 && this.widget.getStyle().audioLevelDisplayMode === 'off') return;
      const level = this.audioOn ? this.meter.level() : 0;
      this.widget.setAudioLevel(level);
      if (this.listenerCount('audioLevelUpdated') > 0) this.dispatch(makeEvent('audioLevelUpdated', this, { audioLevel: level }));
    }, defaults.audioLevelIntervalMs);
  }

  /** audioFallback.publisher: watch what this leg's subscriber reports back and hold video back on a bad network. */
  private watchLeg(media: PublisherMedia, subscriptionId: string): void {
    this.qualityMonitors.get(subscriptionId)?.stop();
    let videoHeld = false;
    const onAction = (action: FallbackAction): void => {
      if (action === 'videoDisableWarning' || action === 'videoDisableWarningLifted') {
        this.dispatch(makeEvent(action, this, {}));
        return;
      }
      videoHeld = action === 'videoDisabled';
      void media.setQualityVideo(subscriptionId, !videoHeld);
      this.dispatch(makeEvent(action, this, { reason: 'quality' as const }));
    };
    const monitor = new QualityMonitor(() => media.legStats(subscriptionId), onAction, () => !videoHeld && this.videoOn, {}, 1_000, undefined, 'outbound');
    this.qualityMonitors.set(subscriptionId, monitor);
    monitor.start();
  }

  private stopQualityMonitors(): void {
    for (const monitor of this.qualityMonitors.values()) monitor.stop();
    this.qualityMonitors.clear();
  }

  private dispose(): void {
    this.stopQualityMonitors();
    if (this.meterTimer) clearInterval(this.meterTimer);
    this.meter.close();
    this.media?.stop();
    this.widget.destroy();
    publishers.remove(this);
  }
}

/** OpenTok's `audioFallback: { publisher }` (default false): the publisher itself drops video on a bad network. */
function publisherAudioFallback(props: PublisherProperties): boolean {
  const fallback = props.audioFallback;
  return !!fallback && typeof fallback === 'object' && (fallback as { publisher?: unknown }).publisher === true;
}

/** OpenTok's `audioFallback: { subscriber }` (default true), or the older `audioFallbackEnabled` flag. */
function subscriberAudioFallback(props: PublisherProperties): boolean {
  const fallback = props.audioFallback;
  if (fallback && typeof fallback === 'object' && typeof (fallback as { subscriber?: unknown }).subscriber === 'boolean') return (fallback as { subscriber: boolean }).subscriber;
  return props.audioFallbackEnabled !== false;
}

/** Hands the outcome of a media change to its completion handler (if any) as an OT error. */
function settle(done: Promise<void>, callback?: Callback): void {
  done.then(() => callback?.(), (err: unknown) => callback?.(err instanceof OTError ? err : new OTError(2000, String(err))));
}
