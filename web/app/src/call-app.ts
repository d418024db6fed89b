// The composition: wires the call state machine to the `OT` SDK and to the call view. SDK callbacks become
// CallEvents; the machine's effects become SDK calls. Used by the app page (main.ts) and by <duet-call>.
import { transition, type CallEffect, type CallEvent } from './call/call-machine';
import { initialState, type CallState } from './call/call-state';
import { networkQuality, sampleOf, summarise, type StatsSample, type StatsSummary } from './call/call-stats';
import { diagnoseMedia } from './call/media-problem';
import { themeProperties, type Credentials, type DuetConfig } from './config';
import type { OTError, OTNamespace, OTStream, Publisher, Session, Subscriber } from './ot';
import { loadOT } from './platform/load-ot';
import { saveDisplayName } from './platform/name-store';
import { fetchRoomCredentials } from './platform/room-api';
import { CallView, type DeviceLists } from './views/call-view';
import styles from './views/styles.css';

export { styles };

/** Widget properties shared by our preview and their video: fill the tile, no SDK chrome (the app draws its own). */
const widget = { insertMode: 'append', width: '100%', height: '100%', showControls: false, fitMode: 'cover' } as const;
const StatsIntervalMs = 2000;
const SubscribeAttempts = 3;

export interface CallAppOptions {
  config: DuetConfig;
  /** Element that receives the keyboard shortcuts (the document for the app page, the element for <duet-call>). */
  keyTarget: EventTarget;
  /** Origin used to build the share link (the page's for the app, the `server` attribute for <duet-call>). */
  shareBase: string;
}

export class CallApp {
  readonly element: HTMLElement;
  private readonly view: CallView;
  private state: CallState;
  private ot: OTNamespace | null = null;
  private session: Session | null = null;
  private publisher: Publisher | null = null;
  private subscriber: Subscriber | null = null;
  private readonly streams = new Map<string, OTStream>();
  private detachSession: (() => void) | null = null;
  private cameraCount = 0;
  private stats: StatsSummary | null = null;
  private lastSample: StatsSample | null = null;
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private readonly ticker: ReturnType<typeof setInterval>;
  private readonly statsPoller: ReturnType<typeof setInterval>;
  private readonly onKey = (e: Event): void => this.view.handleKey(e as KeyboardEvent);
  private destroyed = false;
  /** Bumps on every connect so late callbacks of an abandoned session are ignored. */
  private generation = 0;
  /** Bumps on every request for camera/microphone, for the same reason. */
  private mediaAttempt = 0;
  /** The name shown to the other person; the publisher carries the one it was made with. */
  private displayName: string;
  private publisherMade: { name: string; audio: boolean; video: boolean } | null = null;

  constructor(private readonly options: CallAppOptions) {
    const { config } = options;
    this.state = initialState(config);
    this.view = new CallView(config, {
      dispatch: (e) => this.dispatch(e),
      switchCamera: () => void this.publisher?.cycleVideo().catch((e: unknown) => console.warn('Duet: switch camera failed', e)),
      listDevices: () => this.listDevices(),
      chooseDevice: (kind, id) => void this.chooseDevice(kind, id),
      setDisplayName: (name) => { this.displayName = name; saveDisplayName(name); },
    });
    this.displayName = config.displayName;
    this.element = document.createElement('div');
    this.element.className = 'duet';
    for (const [name, value] of Object.entries(themeProperties(config.theme))) this.element.style.setProperty(name, value);
    this.element.append(this.view.root);
    options.keyTarget.addEventListener('keydown', this.onKey);
    this.ticker = setInterval(() => { if (this.state.callStartedAt !== null) this.render(); }, 1000);
    this.statsPoller = setInterval(() => void this.pollStats(), StatsIntervalMs);
    this.render();
  }

  start(): void {
    this.dispatch({ type: 'open' });
  }

  /** Leaves the call and releases camera and microphone (when the element is removed from the page). */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.options.keyTarget.removeEventListener('keydown', this.onKey);
    clearInterval(this.ticker);
    clearInterval(this.statsPoller);
    for (const t of this.timers) clearTimeout(t);
    this.leaveSession();
    this.publisher?.destroy();
    this.publisher = null;
  }

  dispatch(event: CallEvent): void {
    if (this.destroyed) return;
    const { state, effects } = transition(this.state, event);
    this.state = state;
    this.render();
    for (const effect of effects) this.run(effect);
  }

  private render(): void {
    const { config, shareBase } = this.options;
    const room = config.credentials ? null : config.room;
    this.view.render(this.state, {
      now: Date.now(),
      shareUrl: room ? `${shareBase}/room/${encodeURIComponent(room)}` : null,
      roomLabel: room ?? '',
      cameraCount: this.cameraCount,
      stats: this.stats,
    });
  }

  private run(effect: CallEffect): void {
    switch (effect.type) {
      case 'connect': void this.connect(); break;
      case 'disconnect': this.leaveSession(); break;
      case 'initMedia': this.initMedia(effect.audio, effect.video); break;
      case 'releaseMedia': this.mediaAttempt++; this.publisher?.destroy(); this.publisher = null; break;
      case 'publish': this.publish(); break;
      case 'subscribe': this.subscribe(effect.streamId); break;
      case 'setMic': this.publisher?.publishAudio(effect.on); break;
      case 'setCamera': this.publisher?.publishVideo(effect.on); break;
      case 'setRemoteAudio': this.subscriber?.subscribeToAudio(effect.on); break;
      case 'setRemoteVideo': this.subscriber?.subscribeToVideo(effect.on); break;
      case 'after': {
        const t = setTimeout(() => { this.timers.delete(t); this.dispatch(effect.event); }, effect.ms);
        this.timers.add(t);
        break;
      }
    }
  }

  // ---- session --------------------------------------------------------------------------------------------

  private async connect(): Promise<void> {
    const generation = ++this.generation;
    const { config } = this.options;
    let credentials: Credentials;
    try {
      this.ot ??= await loadOT(config.server);
      // A fresh token on every (re)join: room tokens are short-lived and single-purpose.
      credentials = config.credentials ?? (await fetchRoomCredentials(config.server, config.room ?? ''));
    } catch (error) {
      if (generation === this.generation) this.dispatch({ type: 'roomFailed', detail: error instanceof Error ? error.message : String(error) });
      return;
    }
    if (generation !== this.generation || this.destroyed) return;

    const ot = this.ot;
    const session = ot.initSession(credentials.apiKey, credentials.sessionId, { iceConfig: { transportPolicy: config.iceTransportPolicy } });
    this.session = session;
    this.detachSession?.();
    this.detachSession = this.wireSession(session, generation);
    session.connect(credentials.token, (error?: OTError) => {
      if (generation !== this.generation) return;
      if (error) {
        this.detachSession?.();
        this.detachSession = null;
        this.session = null;
        this.dispatch({ type: 'connectFailed', code: error.code, message: error.message });
      } else {
        this.dispatch({ type: 'connected' });
        void this.countCameras();
      }
    });
  }

  private wireSession(session: Session, generation: number): () => void {
    const current = (): boolean => generation === this.generation;
    const own = (connectionId: string | undefined): boolean => connectionId !== undefined && connectionId === session.connection?.connectionId;
    const handlers: Record<string, (e: never) => void> = {
      connectionCreated: (e: { connection: { connectionId: string } }) => {
        if (current() && !own(e.connection.connectionId)) this.dispatch({ type: 'remoteJoined', connectionId: e.connection.connectionId, name: '' });
      },
      connectionDestroyed: (e: { connection: { connectionId: string } }) => {
        if (current()) this.dispatch({ type: 'remoteLeft', connectionId: e.connection.connectionId });
      },
      streamCreated: (e: { stream: OTStream }) => {
        if (!current()) return;
        this.streams.set(e.stream.streamId, e.stream);
        this.dispatch({ type: 'remoteStream', connectionId: e.stream.connection.connectionId, streamId: e.stream.streamId, name: e.stream.name ?? '', hasAudio: e.stream.hasAudio, hasVideo: e.stream.hasVideo });
      },
      streamDestroyed: (e: { stream: OTStream }) => {
        if (!current()) return;
        this.streams.delete(e.stream.streamId);
        if (this.subscriber?.stream?.streamId === e.stream.streamId) this.subscriber = null;
        this.stats = null;
        this.lastSample = null;
        this.dispatch({ type: 'remoteStreamGone', streamId: e.stream.streamId });
      },
      streamPropertyChanged: (e: { stream: OTStream; changedProperty: string; newValue: unknown }) => {
        if (current() && (e.changedProperty === 'hasAudio' || e.changedProperty === 'hasVideo')) {
          this.dispatch({ type: 'remoteProperty', streamId: e.stream.streamId, property: e.changedProperty, value: e.newValue === true });
        }
      },
      sessionReconnecting: () => { if (current()) this.dispatch({ type: 'reconnecting' }); },
      sessionReconnected: () => { if (current()) this.dispatch({ type: 'reconnected' }); },
      sessionDisconnected: (e: { reason?: string }) => {
        if (!current()) return;
        this.subscriber = null;
        this.dispatch({ type: 'disconnected', reason: e.reason ?? 'networkDisconnected' });
      },
    };
    for (const [type, handler] of Object.entries(handlers)) session.on(type, handler);
    return () => { for (const [type, handler] of Object.entries(handlers)) session.off(type, handler); };
  }

  private leaveSession(): void {
    this.generation++;
    this.detachSession?.();
    this.detachSession = null;
    const session = this.session;
    this.session = null;
    this.subscriber = null;
    this.streams.clear();
    this.stats = null;
    this.lastSample = null;
    if (session?.isConnected()) session.disconnect();
  }

  // ---- media ----------------------------------------------------------------------------------------------

  private initMedia(audio: boolean, video: boolean, onReady?: () => void): void {
    const ot = this.ot;
    if (!ot) return;
    this.publisher?.destroy();
    this.publisher = null;
    const attempt = ++this.mediaAttempt;
    let failed = false;
    this.publisherMade = { name: this.displayName, audio, video };
    const publisher = ot.initPublisher(this.view.localTarget, {
      ...widget,
      name: this.displayName || undefined,
      publishAudio: this.state.micOn,
      publishVideo: this.state.cameraOn,
      ...(audio ? {} : { audioSource: null }),
      ...(video ? {} : { videoSource: null }),
    }, (error?: OTError) => {
      if (attempt !== this.mediaAttempt) return;
      if (!error) {
        if (onReady) onReady();
        else this.dispatch({ type: 'mediaReady', audio, video });
        return;
      }
      failed = true;
      publisher.destroy();
      this.publisher = null;
      // The SDK says access failed; ask for each device on its own to say which one and why.
      void diagnoseMedia((constraints) => navigator.mediaDevices.getUserMedia(constraints).then((stream) => ({ stop: () => stream.getTracks().forEach((t) => t.stop()) })))
        .then((problem) => this.dispatch({ type: 'mediaFailed', problem: audio && !video ? { camera: problem.camera, microphone: problem.microphone ?? 'unknown' } : problem }));
    });
    if (!failed) this.publisher = publisher;
    // Keep the widget when the session unpublishes it (end call), so it is destroyed only when we say so.
    publisher.on('streamDestroyed', (e: { preventDefault(): void }) => e.preventDefault());
  }

  private publish(): void {
    const made = this.publisherMade;
    // The name travels with the stream and is fixed when the publisher is made: remake it if the person changed it.
    if (made && made.name !== this.displayName) {
      this.initMedia(made.audio, made.video, () => this.publish());
      return;
    }
    const { session, publisher } = this;
    if (!session || !publisher) return;
    const generation = this.generation;
    session.publish(publisher, (error?: OTError) => {
      if (generation !== this.generation) return;
      if (error) {
        this.dispatch({ type: 'publishFailed', message: error.message });
        return;
      }
      this.dispatch({ type: 'published' });
      // Test mode: see yourself through a real peer connection, as the other person would.
      const stream = publisher.stream;
      if (this.options.config.subscribeToSelf && stream) {
        this.streams.set(stream.streamId, stream);
        this.dispatch({ type: 'remoteStream', connectionId: stream.connection.connectionId, streamId: stream.streamId, name: stream.name ?? '', hasAudio: stream.hasAudio, hasVideo: stream.hasVideo });
      }
    });
  }

  private subscribe(streamId: string, attempt = 1): void {
    const { session } = this;
    const stream = this.streams.get(streamId);
    if (!session || !stream) return;
    if (this.subscriber) session.unsubscribe(this.subscriber);
    const generation = this.generation;
    const subscriber = session.subscribe(stream, this.view.remoteTarget, {
      ...widget,
      subscribeToAudio: this.state.hearRemote,
      subscribeToVideo: this.state.seeRemote,
    }, (error?: OTError) => {
      if (generation !== this.generation) return;
      if (!error) {
        this.dispatch({ type: 'remoteSubscribed', streamId, at: Date.now() });
        return;
      }
      console.warn('Duet: could not subscribe', error);
      // Media may fail to connect on a flaky network: try again a few times while the stream is still there.
      if (attempt < SubscribeAttempts) {
        const t = setTimeout(() => {
          this.timers.delete(t);
          if (generation === this.generation && this.subscriber === subscriber && this.state.phase === 'inCall') this.subscribe(streamId, attempt + 1);
        }, 1000 * attempt);
        this.timers.add(t);
      }
    });
    this.subscriber = subscriber;
    subscriber.on('videoDisabled', (e: { reason: string }) => this.dispatch({ type: 'remoteVideoDisabled', reason: e.reason }));
    subscriber.on('videoEnabled', (e: { reason: string }) => this.dispatch({ type: 'remoteVideoEnabled', reason: e.reason }));
    subscriber.on('videoDisableWarning', () => this.dispatch({ type: 'qualityWarning' }));
    subscriber.on('videoDisableWarningLifted', () => this.dispatch({ type: 'qualityWarningOver' }));
  }

  private async pollStats(): Promise<void> {
    const subscriber = this.subscriber;
    if (!subscriber || !this.state.remote?.subscribed) return;
    let report: unknown;
    try {
      report = await subscriber.getRtcStatsReport();
    } catch {
      return;
    }
    if (subscriber !== this.subscriber) return;
    const entries = report instanceof Map || (report && typeof (report as RTCStatsReport).values === 'function')
      ? Array.from((report as RTCStatsReport).values() as Iterable<Record<string, unknown>>)
      : Array.isArray(report) ? (report as Record<string, unknown>[]) : [];
    const sample = sampleOf(entries, Date.now());
    if (this.lastSample) {
      this.stats = summarise(this.lastSample, sample);
      const quality = networkQuality(this.stats);
      if (quality !== this.state.network) this.dispatch({ type: 'network', quality });
      else this.render();
    }
    this.lastSample = sample;
  }

  // ---- devices --------------------------------------------------------------------------------------------

  private async devices(): Promise<{ kind: string; deviceId: string; label: string }[]> {
    const ot = this.ot;
    if (!ot) return [];
    return new Promise((resolve) => ot.getDevices((error, devices) => resolve(error || !devices ? [] : devices)));
  }

  private async countCameras(): Promise<void> {
    this.cameraCount = (await this.devices()).filter((d) => d.kind === 'videoInput').length;
    this.render();
  }

  private async listDevices(): Promise<DeviceLists> {
    const all = await this.devices();
    const ot = this.ot;
    const sinkSupported = typeof HTMLMediaElement !== 'undefined' && 'setSinkId' in HTMLMediaElement.prototype;
    let speakers: DeviceLists['speakers'] = null;
    let speaker: string | null = null;
    if (sinkSupported && ot?.getAudioOutputDevices) {
      try {
        speakers = (await ot.getAudioOutputDevices()).filter((d) => d.deviceId).map((d) => ({ deviceId: d.deviceId!, label: d.label ?? '' }));
        speaker = (await ot.getActiveAudioOutputDevice?.())?.deviceId ?? null;
      } catch {
        speakers = null;
      }
    }
    const audioSource = this.publisher?.getAudioSource() as { getSettings?: () => MediaTrackSettings; deviceId?: string } | null | undefined;
    return {
      cameras: all.filter((d) => d.kind === 'videoInput'),
      microphones: all.filter((d) => d.kind === 'audioInput'),
      speakers,
      current: {
        camera: this.publisher?.getVideoSource()?.deviceId ?? null,
        microphone: audioSource?.getSettings?.().deviceId ?? audioSource?.deviceId ?? null,
        speaker,
      },
    };
  }

  private async chooseDevice(kind: 'camera' | 'microphone' | 'speaker', deviceId: string): Promise<void> {
    try {
      if (kind === 'camera') await this.publisher?.setVideoSource(deviceId);
      else if (kind === 'microphone') await this.publisher?.setAudioSource(deviceId);
      else await this.ot?.setAudioOutputDevice?.(deviceId);
    } catch (error) {
      console.warn(`Duet: could not switch ${kind}`, error);
    }
  }
}
