// The call as pure data: what phase we are in, what each side sends, and what the person chose.
// `transition` (call-machine.ts) is the only thing that changes it.

export type Phase = 'idle' | 'connecting' | 'ready' | 'inCall' | 'ended' | 'full' | 'error';

/** Why one device could not be used. */
export type DeviceProblem = 'denied' | 'missing' | 'busy' | 'unknown';

export interface MediaProblem {
  camera: DeviceProblem | null;
  microphone: DeviceProblem | null;
}

/** What we capture: asked for but not answered yet, granted (with which kinds), or nothing by choice. */
export type LocalMedia =
  | { status: 'none' }
  | { status: 'pending'; audio: boolean; video: boolean }
  | { status: 'ready'; audio: boolean; video: boolean }
  | { status: 'failed'; problem: MediaProblem }
  | { status: 'receiveOnly' };

export interface RemoteSide {
  connectionId: string;
  name: string;
  streamId: string | null;
  hasAudio: boolean;
  hasVideo: boolean;
  subscribed: boolean;
  /** The SDK turned their video off because the network cannot carry it. */
  videoOffForQuality: boolean;
}

export type ErrorKind = 'connect' | 'auth' | 'room' | 'network';

export interface CallState {
  phase: Phase;
  reconnecting: boolean;
  local: LocalMedia;
  publishing: boolean;
  /** Start was asked for while media was still being set up: publish as soon as it is ready. */
  startWhenReady: boolean;
  micOn: boolean;
  cameraOn: boolean;
  hearRemote: boolean;
  seeRemote: boolean;
  remote: RemoteSide | null;
  qualityWarning: boolean;
  network: 'good' | 'poor' | 'bad' | null;
  /** When both sides first had media flowing in this call (ms since epoch), for the call timer. */
  callStartedAt: number | null;
  /** How long the call we just left lasted, for the "ended" screen. */
  lastCallMs: number | null;
  error: { kind: ErrorKind; detail: string } | null;
}

export function initialState(options: { startMuted: boolean; startCameraOff: boolean }): CallState {
  return {
    phase: 'idle',
    reconnecting: false,
    local: { status: 'none' },
    publishing: false,
    startWhenReady: false,
    micOn: !options.startMuted,
    cameraOn: !options.startCameraOff,
    hearRemote: true,
    seeRemote: true,
    remote: null,
    qualityWarning: false,
    network: null,
    callStartedAt: null,
    lastCallMs: null,
    error: null,
  };
}

/** The screen the person sees; derived, never stored. */
export type Screen = 'idle' | 'connecting' | 'permission' | 'ready' | 'waiting' | 'inCall' | 'ended' | 'full' | 'error';

export function screenOf(state: CallState): Screen {
  switch (state.phase) {
    case 'ready':
      return state.local.status === 'failed' ? 'permission' : 'ready';
    case 'inCall':
      return state.remote?.subscribed ? 'inCall' : 'waiting';
    default:
      return state.phase;
  }
}

export function sendsVideo(state: CallState): boolean {
  return state.local.status === 'ready' && state.local.video && state.cameraOn;
}

export function sendsAudio(state: CallState): boolean {
  return state.local.status === 'ready' && state.local.audio && state.micOn;
}

/** Whether their video is actually on screen; otherwise the view shows their avatar. */
export function showsRemoteVideo(state: CallState): boolean {
  const r = state.remote;
  return !!r && r.subscribed && r.hasVideo && state.seeRemote && !r.videoOffForQuality;
}
