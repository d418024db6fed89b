// The slice of Duet's public `OT` API (OpenTok-compatible, see web/sdk) that the app uses, declared here so
// the app depends on the documented surface only and can run against any compatible SDK build.

export interface OTError extends Error {
  readonly name: string;
  readonly code?: number;
}

export type Handler<E> = (event: E) => void;

export interface OTEvent {
  readonly type: string;
  preventDefault(): void;
}

export interface Emitter {
  on(type: string, handler: Handler<never>): unknown;
  off(type?: string, handler?: Handler<never>): unknown;
}

export interface OTConnection {
  readonly connectionId: string;
  readonly data: string;
}

export interface OTStream {
  readonly streamId: string;
  readonly name?: string;
  readonly hasAudio: boolean;
  readonly hasVideo: boolean;
  readonly videoType?: string;
  readonly connection: OTConnection;
}

export interface OTDevice {
  readonly kind: 'audioInput' | 'videoInput' | string;
  readonly deviceId: string;
  readonly label: string;
}

export interface OTAudioOutputDevice {
  readonly deviceId: string | null;
  readonly label: string | null;
}

export interface WidgetProperties {
  insertMode?: 'replace' | 'append' | 'before' | 'after';
  width?: string | number;
  height?: string | number;
  showControls?: boolean;
  fitMode?: 'cover' | 'contain';
  style?: Record<string, string>;
}

export interface PublisherProperties extends WidgetProperties {
  name?: string;
  publishAudio?: boolean;
  publishVideo?: boolean;
  audioSource?: string | null | false;
  videoSource?: string | null | false;
  mirror?: boolean;
}

export interface SubscriberProperties extends WidgetProperties {
  subscribeToAudio?: boolean;
  subscribeToVideo?: boolean;
}

export interface Publisher extends Emitter {
  readonly id: string;
  readonly element?: HTMLElement;
  readonly stream?: OTStream;
  publishAudio(value: boolean): void;
  publishVideo(value: boolean): void;
  cycleVideo(): Promise<{ deviceId: string }>;
  setAudioSource(deviceId: string): Promise<void>;
  setVideoSource(deviceId: string): Promise<void>;
  getVideoSource(): { deviceId: string | null };
  getAudioSource(): MediaStreamTrack | { deviceId?: string } | null;
  getRtcStatsReport?(): Promise<unknown>;
  destroy(): void;
}

export interface Subscriber extends Emitter {
  readonly id: string;
  readonly element?: HTMLElement;
  readonly stream?: OTStream;
  subscribeToAudio(value: boolean): void;
  subscribeToVideo(value: boolean): void;
  getRtcStatsReport(): Promise<RTCStatsReport | unknown>;
  videoWidth(): number;
  videoHeight(): number;
}

export interface Session extends Emitter {
  readonly connection?: OTConnection;
  connect(token: string, callback: (error?: OTError) => void): unknown;
  disconnect(): unknown;
  publish(publisher: Publisher, callback: (error?: OTError) => void): unknown;
  unpublish(publisher: Publisher): void;
  subscribe(stream: OTStream, target: HTMLElement, properties: SubscriberProperties, callback: (error?: OTError) => void): Subscriber;
  unsubscribe(subscriber: Subscriber): void;
  isConnected(): boolean;
}

export interface OTNamespace {
  initSession(apiKey: string, sessionId: string, options?: { iceConfig?: { transportPolicy?: 'all' | 'relay' } }): Session;
  initPublisher(target: HTMLElement, properties: PublisherProperties, callback: (error?: OTError) => void): Publisher;
  getDevices(callback: (error: OTError | undefined, devices?: OTDevice[]) => void): void;
  getAudioOutputDevices?(): Promise<OTAudioOutputDevice[]>;
  setAudioOutputDevice?(deviceId: string): Promise<void>;
  getActiveAudioOutputDevice?(): Promise<OTAudioOutputDevice>;
}
