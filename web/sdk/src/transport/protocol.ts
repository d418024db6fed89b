// The wire shapes of docs/signaling-protocol.md (the SignalR contract with the server). Wire types stop at
// the engine: public objects never see them.

export type HubResult<T = undefined> = { ok: true; value?: T } | { ok: false; error: { code: number; message: string } };

export interface ConnectionInfo {
  connectionId: string;
  creationTime: number;
  data: string;
}

export type VideoType = 'camera' | 'screen' | 'custom';

export interface StreamInfo {
  streamId: string;
  connectionId: string;
  creationTime: number;
  name: string;
  hasAudio: boolean;
  hasVideo: boolean;
  videoType: VideoType | null;
  videoDimensions: { width: number; height: number } | null;
  frameRate: number | null;
  /** False when the publisher turned off subscriber-side audio fallback (audioFallback.subscriber). */
  audioFallback?: boolean;
}

export interface IceServerInfo {
  urls: string[];
  username?: string;
  credential?: string;
}

export interface Capabilities {
  publish: 0 | 1;
  subscribe: 0 | 1;
  signal: 0 | 1;
  forceDisconnect: 0 | 1;
  forceUnpublish: 0 | 1;
  forceMute: 0 | 1;
}

export type Role = 'publisher' | 'subscriber' | 'moderator' | 'publisheronly';

export interface SessionSnapshot {
  connection: ConnectionInfo;
  role: Role;
  capabilities: Capabilities;
  resumeSecret: string;
  iceServers: IceServerInfo[];
  connections: ConnectionInfo[];
  streams: StreamInfo[];
  settings: { reconnectGraceMs: number; maxSignalDataLength: number; maxSignalTypeLength: number; keepAliveMs?: number; serverTimeoutMs?: number };
  /** True when Resume re-created the connection on a restarted server: its streams and subscriptions are gone. */
  restored?: boolean;
}

export interface SubscriptionInfo {
  subscriptionId: string;
  streamId: string;
  publisherConnectionId: string;
  subscriberConnectionId: string;
}

export interface PublishRequest {
  name: string;
  hasAudio: boolean;
  hasVideo: boolean;
  videoType: VideoType | null;
  videoDimensions: { width: number; height: number } | null;
  frameRate: number | null;
  /** After a server restart (snapshot.restored): publish again under the stream's old id. */
  restoreStreamId?: string;
  /** The publisher's audioFallback.subscriber (may its subscribers drop video on a bad network?). */
  audioFallback?: boolean;
}

/** videoPaused/videoResumed: the publisher's own audio fallback stopped/resumed video on this leg (publisher → subscriber only). */
export type MediaKind = 'offer' | 'answer' | 'candidate' | 'restartRequest' | 'videoPaused' | 'videoResumed';

export interface MediaMessage {
  subscriptionId: string;
  kind: MediaKind;
  sdp?: string;
  candidate?: RTCIceCandidateInit | null;
  from?: 'publisher' | 'subscriber';
}

export type StreamProperty = 'hasAudio' | 'hasVideo' | 'videoDimensions';

/** Server → client messages, by SignalR method name. */
export interface ServerMessages {
  connectionCreated: ConnectionInfo;
  connectionDestroyed: { connectionId: string; reason: string };
  connectionReconnecting: { connectionId: string };
  connectionReconnected: { connectionId: string };
  streamCreated: StreamInfo;
  streamDestroyed: { streamId: string; reason: string };
  streamPropertyChanged: { streamId: string; changedProperty: string; oldValue: unknown; newValue: unknown };
  subscriberAdded: SubscriptionInfo;
  subscriptionRemoved: { subscriptionId: string; reason: string };
  media: MediaMessage;
  subscriberMediaChanged: { subscriptionId: string; audio: boolean; video: boolean };
  signal: { type: string; data: string; fromConnectionId: string | null };
  muteForced: { streamId: string | null; active: boolean };
  disconnected: { reason: string };
}

export const serverMessageNames: (keyof ServerMessages)[] = [
  'connectionCreated', 'connectionDestroyed', 'connectionReconnecting', 'connectionReconnected',
  'streamCreated', 'streamDestroyed', 'streamPropertyChanged', 'subscriberAdded', 'subscriptionRemoved',
  'media', 'subscriberMediaChanged', 'signal', 'muteForced', 'disconnected',
];
