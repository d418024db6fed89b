import type { Connection } from './Connection';
import { initialsOf } from './options';
import type { StreamInfo } from './transport/protocol';

/** What a publisher announced (the media itself belongs to Publisher/Subscriber). `id === streamId`. */
export class Stream {
  readonly streamId: string;
  readonly id: string;
  readonly connection: Connection;
  readonly creationTime: number;
  readonly name: string;
  readonly initials: string;
  hasAudio: boolean;
  hasVideo: boolean;
  readonly hasCaptions = false;
  /** Only set when the publisher asked for a frame rate. */
  readonly frameRate: number | undefined;
  videoDimensions: { width: number; height: number } | undefined;
  /** 'camera' | 'screen' | 'custom'; undefined for a voice-only stream. */
  readonly videoType: 'camera' | 'screen' | 'custom' | undefined;

  /** @internal The publisher allows its subscribers to fall back to audio only (audioFallback.subscriber). */
  readonly _audioFallback: boolean;

  /** @internal */
  constructor(info: StreamInfo, connection: Connection) {
    this.streamId = info.streamId;
    this.id = info.streamId;
    this.connection = connection;
    this.creationTime = info.creationTime;
    this.name = info.name ?? '';
    this.initials = initialsOf(this.name);
    this.hasAudio = info.hasAudio;
    this.hasVideo = info.hasVideo;
    this.frameRate = info.frameRate ?? undefined;
    this.videoDimensions = info.videoDimensions ?? undefined;
    this.videoType = info.videoType ?? undefined;
    this._audioFallback = info.audioFallback !== false;
  }
}
