import { describe, expect, it } from 'vitest';
import { transition, type CallEvent, type CallEffect } from './call-machine';
import { initialState, screenOf, showsRemoteVideo, type CallState } from './call-state';

const fresh = (): CallState => initialState({ startMuted: false, startCameraOff: false });

/** Runs events in order, collecting every effect. */
function run(state: CallState, ...events: CallEvent[]): { state: CallState; effects: CallEffect[] } {
  const effects: CallEffect[] = [];
  for (const e of events) {
    const t = transition(state, e);
    state = t.state;
    effects.push(...t.effects);
  }
  return { state, effects };
}

const remoteStream = (streamId = 's1', extra: Partial<Extract<CallEvent, { type: 'remoteStream' }>> = {}): CallEvent => ({ type: 'remoteStream', connectionId: 'c1', streamId, name: 'Bo', hasAudio: true, hasVideo: true, ...extra });
const readyWithMedia = (): CallState => run(fresh(), { type: 'open' }, { type: 'connected' }, { type: 'mediaReady', audio: true, video: true }).state;

describe('call machine: connecting and starting', () => {
  it('connects, then asks for camera and microphone for the preview', () => {
    const a = run(fresh(), { type: 'open' });
    expect(screenOf(a.state)).toBe('connecting');
    expect(a.effects).toEqual([{ type: 'connect' }]);
    const b = run(a.state, { type: 'connected' });
    expect(screenOf(b.state)).toBe('ready');
    expect(b.effects).toEqual([{ type: 'initMedia', audio: true, video: true }]);
  });

  it('start publishes and subscribes to a stream that is already there', () => {
    const s = run(readyWithMedia(), remoteStream()).state;
    const started = run(s, { type: 'start' });
    expect(started.effects).toEqual([{ type: 'publish' }, { type: 'subscribe', streamId: 's1' }]);
    expect(screenOf(started.state)).toBe('waiting');
    const both = run(started.state, { type: 'published' }, { type: 'remoteSubscribed', streamId: 's1', at: 1000 });
    expect(screenOf(both.state)).toBe('inCall');
    expect(both.state.callStartedAt).toBe(1000);
  });

  it('does not subscribe to streams before the person starts the call', () => {
    expect(run(readyWithMedia(), remoteStream()).effects).toEqual([]);
  });

  it('subscribes to a stream that arrives during the call', () => {
    const s = run(readyWithMedia(), { type: 'start' }).state;
    expect(run(s, remoteStream('s9')).effects).toEqual([{ type: 'subscribe', streamId: 's9' }]);
  });

  it('a start pressed while the camera is still opening publishes once media is ready', () => {
    const s = run(fresh(), { type: 'open' }, { type: 'connected' }, { type: 'start' });
    expect(s.effects).not.toContainEqual({ type: 'publish' });
    expect(run(s.state, { type: 'mediaReady', audio: true, video: true }).effects).toEqual([{ type: 'publish' }]);
  });
});

describe('call machine: refusals and errors', () => {
  it('a full room (1027) shows "full" and never asks for media or publishes', () => {
    const r = run(fresh(), { type: 'open' }, { type: 'connectFailed', code: 1027, message: 'full' }, { type: 'start' });
    expect(screenOf(r.state)).toBe('full');
    expect(r.effects).toEqual([{ type: 'connect' }]);
  });

  it('a bad token is an auth error, anything else a connect error', () => {
    expect(run(fresh(), { type: 'open' }, { type: 'connectFailed', code: 1004, message: 'x' }).state.error?.kind).toBe('auth');
    expect(run(fresh(), { type: 'open' }, { type: 'connectFailed', code: 1006, message: 'x' }).state.error?.kind).toBe('connect');
  });

  it('losing the session unexpectedly is a network error that can be rejoined', () => {
    const s = run(readyWithMedia(), { type: 'start' }, { type: 'disconnected', reason: 'networkDisconnected' });
    expect(screenOf(s.state)).toBe('error');
    expect(s.state.error?.kind).toBe('network');
    expect(run(s.state, { type: 'rejoin' }).effects).toEqual([{ type: 'connect' }]);
  });

  it('reconnecting is a banner on top of the call, not a new screen', () => {
    const s = run(readyWithMedia(), { type: 'start' }, { type: 'reconnecting' }).state;
    expect(s.reconnecting).toBe(true);
    expect(screenOf(s)).toBe('waiting');
    expect(run(s, { type: 'reconnected' }).state.reconnecting).toBe(false);
  });
});

describe('call machine: permissions', () => {
  const failed = (camera: 'denied' | null, microphone: 'denied' | null) =>
    run(fresh(), { type: 'open' }, { type: 'connected' }, { type: 'mediaFailed', problem: { camera, microphone } }).state;

  it('a failed camera shows the permission screen and cannot start until a choice is made', () => {
    const s = failed('denied', null);
    expect(screenOf(s)).toBe('permission');
    expect(run(s, { type: 'start' }).effects).toEqual([]);
  });

  it('join audio-only asks for the microphone alone and starts the call when it is granted', () => {
    const s = run(failed('denied', null), { type: 'joinAudioOnly' });
    expect(s.effects).toEqual([{ type: 'initMedia', audio: true, video: false }]);
    const r = run(s.state, { type: 'mediaReady', audio: true, video: false });
    expect(r.effects).toEqual([{ type: 'publish' }]);
    expect(screenOf(r.state)).toBe('waiting');
  });

  it('audio-only is not offered when the microphone is the problem', () => {
    expect(run(failed('denied', 'denied'), { type: 'joinAudioOnly' }).effects).toEqual([]);
  });

  it('receive-only joins without publishing and still subscribes', () => {
    const s = run(failed('denied', 'denied'), remoteStream(), { type: 'joinReceiveOnly' });
    expect(s.effects).toEqual([{ type: 'subscribe', streamId: 's1' }]);
    expect(s.state.phase).toBe('inCall');
  });

  it('retry asks again for both devices without reloading', () => {
    expect(run(failed('denied', null), { type: 'retryMedia' }).effects).toEqual([{ type: 'initMedia', audio: true, video: true }]);
  });

  it('the camera toggle does nothing when we only have a microphone', () => {
    const s = run(failed('denied', null), { type: 'joinAudioOnly' }, { type: 'mediaReady', audio: true, video: false }).state;
    expect(run(s, { type: 'toggleCamera' }).effects).toEqual([]);
  });
});

describe('call machine: during the call', () => {
  const inCall = (): CallState => run(readyWithMedia(), remoteStream(), { type: 'start' }, { type: 'published' }, { type: 'remoteSubscribed', streamId: 's1', at: 0 }).state;

  it('local toggles flip state and tell the publisher', () => {
    const r = run(inCall(), { type: 'toggleMic' }, { type: 'toggleCamera' }, { type: 'toggleMic' });
    expect(r.effects).toEqual([{ type: 'setMic', on: false }, { type: 'setCamera', on: false }, { type: 'setMic', on: true }]);
    expect(r.state.micOn).toBe(true);
    expect(r.state.cameraOn).toBe(false);
  });

  it('starting muted and camera-off is honoured', () => {
    const s = initialState({ startMuted: true, startCameraOff: true });
    expect([s.micOn, s.cameraOn]).toEqual([false, false]);
  });

  it('remote toggles tell the subscriber and hide their video', () => {
    const r = run(inCall(), { type: 'toggleRemoteVideo' }, { type: 'toggleRemoteAudio' });
    expect(r.effects).toEqual([{ type: 'setRemoteVideo', on: false }, { type: 'setRemoteAudio', on: false }]);
    expect(showsRemoteVideo(r.state)).toBe(false);
  });

  it('their camera and mic changes are shown', () => {
    const r = run(inCall(), { type: 'remoteProperty', streamId: 's1', property: 'hasVideo', value: false }, { type: 'remoteProperty', streamId: 's1', property: 'hasAudio', value: false });
    expect(showsRemoteVideo(r.state)).toBe(false);
    expect(r.state.remote?.hasAudio).toBe(false);
  });

  it('a quality warning shows for 7 seconds; video disabled for quality switches them to audio-only and back', () => {
    const w = run(inCall(), { type: 'qualityWarning' });
    expect(w.state.qualityWarning).toBe(true);
    expect(w.effects).toEqual([{ type: 'after', ms: 7000, event: { type: 'qualityWarningOver' } }]);
    const off = run(w.state, { type: 'remoteVideoDisabled', reason: 'quality' });
    expect(showsRemoteVideo(off.state)).toBe(false);
    expect(off.state.remote?.videoOffForQuality).toBe(true);
    expect(showsRemoteVideo(run(off.state, { type: 'remoteVideoEnabled', reason: 'quality' }).state)).toBe(true);
  });

  it('video disabled because they turned the camera off is not a quality notice', () => {
    expect(run(inCall(), { type: 'remoteVideoDisabled', reason: 'publishVideo' }).state.remote?.videoOffForQuality).toBe(false);
  });

  it('when they end the call we go back to waiting and the timer stops', () => {
    const r = run(inCall(), { type: 'remoteStreamGone', streamId: 's1' });
    expect(screenOf(r.state)).toBe('waiting');
    expect(r.state.callStartedAt).toBeNull();
  });

  it('a new stream from them is subscribed again', () => {
    const r = run(inCall(), { type: 'remoteStreamGone', streamId: 's1' }, remoteStream('s2'));
    expect(r.effects).toEqual([{ type: 'subscribe', streamId: 's2' }]);
  });

  it('end disconnects and releases the camera, remembers the duration, and rejoin starts the call again', () => {
    const ended = run(inCall(), { type: 'end', at: 65_000 });
    expect(screenOf(ended.state)).toBe('ended');
    expect(ended.state.lastCallMs).toBe(65_000);
    expect(ended.effects).toEqual([{ type: 'disconnect' }, { type: 'releaseMedia' }]);
    expect(run(ended.state, { type: 'disconnected', reason: 'clientDisconnected' }).state.phase).toBe('ended');
    const back = run(ended.state, { type: 'rejoin' }, { type: 'connected' }, { type: 'mediaReady', audio: true, video: true });
    expect(back.effects).toEqual([{ type: 'connect' }, { type: 'initMedia', audio: true, video: true }, { type: 'publish' }]);
    expect(back.state.phase).toBe('inCall');
  });

  it('events about someone else\'s stream are ignored', () => {
    const s = inCall();
    expect(run(s, { type: 'remoteStreamGone', streamId: 'other' }).state).toBe(s);
  });
});
