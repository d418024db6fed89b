// The call controller as a pure state machine: transition(state, event) → new state + effects to run.
// The composition (call-app.ts) turns SDK callbacks into events and effects into SDK calls; nothing here
// touches the SDK or the DOM, so every rule is unit-tested in call-machine.test.ts.
import type { CallState, MediaProblem, RemoteSide } from './call-state';

/** OT error codes the app reacts to (see the OT surface reference, §1.9). */
export const ConnectionLimitExceeded = 1027;
const authCodes = new Set([1004, 1005]);

export type CallEvent =
  | { type: 'open' }
  | { type: 'connected' }
  | { type: 'connectFailed'; code: number | undefined; message: string }
  | { type: 'roomFailed'; detail: string }
  | { type: 'mediaReady'; audio: boolean; video: boolean }
  | { type: 'mediaFailed'; problem: MediaProblem }
  | { type: 'retryMedia' }
  | { type: 'joinAudioOnly' }
  | { type: 'joinReceiveOnly' }
  | { type: 'start' }
  | { type: 'published' }
  | { type: 'publishFailed'; message: string }
  | { type: 'end'; at: number }
  | { type: 'rejoin' }
  | { type: 'disconnected'; reason: string }
  | { type: 'reconnecting' }
  | { type: 'reconnected' }
  | { type: 'remoteJoined'; connectionId: string; name: string }
  | { type: 'remoteLeft'; connectionId: string }
  | { type: 'remoteStream'; connectionId: string; streamId: string; name: string; hasAudio: boolean; hasVideo: boolean }
  | { type: 'remoteStreamGone'; streamId: string }
  | { type: 'remoteSubscribed'; streamId: string; at: number }
  | { type: 'remoteProperty'; streamId: string; property: 'hasAudio' | 'hasVideo'; value: boolean }
  | { type: 'remoteVideoDisabled'; reason: string }
  | { type: 'remoteVideoEnabled'; reason: string }
  | { type: 'qualityWarning' }
  | { type: 'qualityWarningOver' }
  | { type: 'network'; quality: 'good' | 'poor' | 'bad' }
  | { type: 'toggleMic' }
  | { type: 'toggleCamera' }
  | { type: 'toggleRemoteAudio' }
  | { type: 'toggleRemoteVideo' };

export type CallEffect =
  | { type: 'connect' }
  | { type: 'disconnect' }
  | { type: 'initMedia'; audio: boolean; video: boolean }
  | { type: 'releaseMedia' }
  | { type: 'publish' }
  | { type: 'subscribe'; streamId: string }
  | { type: 'setMic'; on: boolean }
  | { type: 'setCamera'; on: boolean }
  | { type: 'setRemoteAudio'; on: boolean }
  | { type: 'setRemoteVideo'; on: boolean }
  | { type: 'after'; ms: number; event: CallEvent };

export interface Transition {
  state: CallState;
  effects: CallEffect[];
}

/** How long the quality warning banner stays up. */
export const QualityWarningMs = 7000;

export function transition(state: CallState, event: CallEvent): Transition {
  const s = state;
  const stay: Transition = { state: s, effects: [] };
  switch (event.type) {
    case 'open':
      if (s.phase !== 'idle') return stay;
      return { state: { ...s, phase: 'connecting', error: null }, effects: [{ type: 'connect' }] };

    case 'rejoin':
      if (s.phase !== 'ended' && s.phase !== 'error' && s.phase !== 'full') return stay;
      return {
        state: { ...s, phase: 'connecting', error: null, remote: null, reconnecting: false, startWhenReady: s.phase === 'ended', publishing: false, callStartedAt: null },
        effects: [{ type: 'connect' }],
      };

    case 'connected': {
      if (s.phase !== 'connecting') return stay;
      const next: CallState = { ...s, phase: 'ready' };
      // Ask for camera and microphone now, so the person sees their preview before they start the call
      // (a receive-only person who rejoins is not asked again).
      if (s.local.status === 'ready' || s.local.status === 'receiveOnly') {
        return s.startWhenReady ? startCall({ ...next, startWhenReady: false }) : { state: next, effects: [] };
      }
      return { state: { ...next, local: { status: 'pending', audio: true, video: true } }, effects: [{ type: 'initMedia', audio: true, video: true }] };
    }

    case 'connectFailed':
      if (s.phase !== 'connecting') return stay;
      if (event.code === ConnectionLimitExceeded) return { state: { ...s, phase: 'full' }, effects: [] };
      return { state: { ...s, phase: 'error', error: { kind: authCodes.has(event.code ?? 0) ? 'auth' : 'connect', detail: event.message } }, effects: [] };

    case 'roomFailed':
      return { state: { ...s, phase: 'error', error: { kind: 'room', detail: event.detail } }, effects: [] };

    case 'mediaReady': {
      if (s.local.status !== 'pending') return stay;
      const next: CallState = { ...s, local: { status: 'ready', audio: event.audio, video: event.video } };
      if (s.startWhenReady && s.phase === 'ready') return startCall({ ...next, startWhenReady: false });
      return { state: next, effects: [] };
    }

    case 'mediaFailed':
      if (s.local.status !== 'pending') return stay;
      return { state: { ...s, local: { status: 'failed', problem: event.problem }, startWhenReady: false }, effects: [] };

    case 'retryMedia':
      if (s.local.status !== 'failed') return stay;
      return { state: { ...s, local: { status: 'pending', audio: true, video: true } }, effects: [{ type: 'initMedia', audio: true, video: true }] };

    case 'joinAudioOnly':
      if (s.local.status !== 'failed' || s.local.problem.microphone !== null) return stay;
      return {
        state: { ...s, local: { status: 'pending', audio: true, video: false }, startWhenReady: true },
        effects: [{ type: 'initMedia', audio: true, video: false }],
      };

    case 'joinReceiveOnly':
      if (s.local.status !== 'failed') return stay;
      return startCall({ ...s, local: { status: 'receiveOnly' } });

    case 'start':
      if (s.phase !== 'ready') return stay;
      if (s.local.status === 'pending') return { state: { ...s, startWhenReady: true }, effects: [] };
      if (s.local.status === 'failed') return stay;
      return startCall(s);

    case 'published':
      return s.phase === 'inCall' ? { state: { ...s, publishing: true }, effects: [] } : stay;

    case 'publishFailed':
      if (s.phase !== 'inCall') return stay;
      return { state: { ...s, phase: 'error', publishing: false, error: { kind: 'connect', detail: event.message } }, effects: [{ type: 'disconnect' }] };

    case 'end': {
      if (s.phase !== 'inCall' && s.phase !== 'ready') return stay;
      const lastCallMs = s.callStartedAt === null ? null : Math.max(0, event.at - s.callStartedAt);
      return {
        // The camera is released too (its light goes off); rejoining asks for it again.
        state: {
          ...s, phase: 'ended', publishing: false, remote: null, callStartedAt: null, lastCallMs, qualityWarning: false, reconnecting: false, network: null,
          local: s.local.status === 'receiveOnly' ? s.local : { status: 'none' },
        },
        effects: [{ type: 'disconnect' }, { type: 'releaseMedia' }],
      };
    }

    case 'disconnected':
      // Our own "end" already moved us on; anything else is the network or the server letting us go.
      if (s.phase === 'ended' || s.phase === 'full' || s.phase === 'error' || s.phase === 'idle') return stay;
      return {
        state: { ...s, phase: 'error', publishing: false, remote: null, reconnecting: false, callStartedAt: null, error: { kind: 'network', detail: event.reason } },
        effects: [],
      };

    case 'reconnecting':
      return s.phase === 'ready' || s.phase === 'inCall' ? { state: { ...s, reconnecting: true }, effects: [] } : stay;

    case 'reconnected':
      return { state: { ...s, reconnecting: false }, effects: [] };

    case 'remoteJoined':
      if (s.remote) return stay;
      return { state: { ...s, remote: emptyRemote(event.connectionId, event.name) }, effects: [] };

    case 'remoteLeft':
      if (s.remote?.connectionId !== event.connectionId) return stay;
      return { state: { ...s, remote: null, callStartedAt: null, qualityWarning: false }, effects: [] };

    case 'remoteStream': {
      const base = s.remote && s.remote.connectionId === event.connectionId ? s.remote : emptyRemote(event.connectionId, event.name);
      const remote: RemoteSide = { ...base, name: event.name || base.name, streamId: event.streamId, hasAudio: event.hasAudio, hasVideo: event.hasVideo, subscribed: false, videoOffForQuality: false };
      const next = { ...s, remote };
      return { state: next, effects: s.phase === 'inCall' ? subscribeEffects(next) : [] };
    }

    case 'remoteStreamGone':
      if (s.remote?.streamId !== event.streamId) return stay;
      return { state: { ...s, remote: { ...s.remote, streamId: null, subscribed: false, videoOffForQuality: false }, callStartedAt: null, qualityWarning: false }, effects: [] };

    case 'remoteSubscribed':
      if (s.remote?.streamId !== event.streamId || s.phase !== 'inCall') return stay;
      return { state: { ...s, remote: { ...s.remote, subscribed: true }, callStartedAt: s.callStartedAt ?? event.at }, effects: [] };

    case 'remoteProperty':
      if (s.remote?.streamId !== event.streamId) return stay;
      return { state: { ...s, remote: { ...s.remote, [event.property]: event.value } }, effects: [] };

    case 'remoteVideoDisabled':
      if (!s.remote || event.reason !== 'quality') return stay;
      return { state: { ...s, remote: { ...s.remote, videoOffForQuality: true }, qualityWarning: false }, effects: [] };

    case 'remoteVideoEnabled':
      if (!s.remote || event.reason !== 'quality') return stay;
      return { state: { ...s, remote: { ...s.remote, videoOffForQuality: false } }, effects: [] };

    case 'qualityWarning':
      return { state: { ...s, qualityWarning: true }, effects: [{ type: 'after', ms: QualityWarningMs, event: { type: 'qualityWarningOver' } }] };

    case 'qualityWarningOver':
      return { state: { ...s, qualityWarning: false }, effects: [] };

    case 'network':
      return { state: { ...s, network: event.quality }, effects: [] };

    case 'toggleMic':
      if (s.local.status === 'ready' && !s.local.audio) return stay;
      return { state: { ...s, micOn: !s.micOn }, effects: [{ type: 'setMic', on: !s.micOn }] };

    case 'toggleCamera':
      if (s.local.status === 'ready' && !s.local.video) return stay;
      return { state: { ...s, cameraOn: !s.cameraOn }, effects: [{ type: 'setCamera', on: !s.cameraOn }] };

    case 'toggleRemoteAudio':
      return { state: { ...s, hearRemote: !s.hearRemote }, effects: s.remote?.subscribed ? [{ type: 'setRemoteAudio', on: !s.hearRemote }] : [] };

    case 'toggleRemoteVideo':
      return { state: { ...s, seeRemote: !s.seeRemote }, effects: s.remote?.subscribed ? [{ type: 'setRemoteVideo', on: !s.seeRemote }] : [] };
  }
}

function startCall(s: CallState): Transition {
  const next: CallState = { ...s, phase: 'inCall', startWhenReady: false };
  const effects: CallEffect[] = s.local.status === 'ready' ? [{ type: 'publish' }] : [];
  return { state: next, effects: [...effects, ...subscribeEffects(next)] };
}

function subscribeEffects(s: CallState): CallEffect[] {
  return s.remote?.streamId && !s.remote.subscribed ? [{ type: 'subscribe', streamId: s.remote.streamId }] : [];
}

function emptyRemote(connectionId: string, name: string): RemoteSide {
  return { connectionId, name, streamId: null, hasAudio: false, hasVideo: false, subscribed: false, videoOffForQuality: false };
}
