import { describe, expect, it } from 'vitest';
import { Connection } from './Connection';
import { Stream } from './Stream';

describe('Connection', () => {
  it('keeps token data verbatim and uses "" when there is none', () => {
    const c = new Connection({ connectionId: 'c1', creationTime: 5, data: '{"a":1}' });
    expect(c.id).toBe('c1');
    expect(c.connectionId).toBe('c1');
    expect(c.data).toBe('{"a":1}');
    expect(new Connection({ connectionId: 'c2', creationTime: 5, data: undefined as unknown as string }).data).toBe('');
  });
});

describe('Stream', () => {
  const connection = new Connection({ connectionId: 'c1', creationTime: 1, data: '' });

  it('mirrors the announced fields with id === streamId', () => {
    const s = new Stream({ streamId: 's1', connectionId: 'c1', creationTime: 7, name: 'Ada Lovelace', hasAudio: true, hasVideo: false, videoType: 'camera', videoDimensions: { width: 640, height: 480 }, frameRate: 15 }, connection);
    expect(s.id).toBe('s1');
    expect(s.streamId).toBe('s1');
    expect(s.connection).toBe(connection);
    expect(s.videoType).toBe('camera');
    expect(s.initials).toBe('AL');
    expect(s.frameRate).toBe(15);
    expect(s.videoDimensions).toEqual({ width: 640, height: 480 });
    expect(s.hasCaptions).toBe(false);
  });

  it('leaves videoType, frameRate and dimensions undefined for a voice-only stream', () => {
    const s = new Stream({ streamId: 's2', connectionId: 'c1', creationTime: 7, name: '', hasAudio: true, hasVideo: false, videoType: null, videoDimensions: null, frameRate: null }, connection);
    expect(s.videoType).toBeUndefined();
    expect(s.frameRate).toBeUndefined();
    expect(s.videoDimensions).toBeUndefined();
    expect(s.name).toBe('');
  });
});
