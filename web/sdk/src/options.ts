// Parsing of app-supplied properties: widget sizes, style modes, media constraints, ICE configuration and
// signal validation. Pure functions, unit-tested beside this file.

import { defaults } from './defaults';
import { OTError } from './errors';

export type DisplayMode = 'auto' | 'on' | 'off' | 'mini-auto';

export interface WidgetStyle {
  nameDisplayMode: DisplayMode;
  buttonDisplayMode: DisplayMode;
  audioLevelDisplayMode: DisplayMode;
  videoDisabledDisplayMode: DisplayMode;
  archiveStatusDisplayMode: DisplayMode;
  audioBlockedDisplayMode: DisplayMode;
  backgroundImageURI: string | undefined;
}

const displayModes: readonly string[] = ['auto', 'on', 'off', 'mini-auto'];

/** Numbers become pixels; strings ("100%", "240px") pass through; anything else falls back. */
export function toCssSize(value: unknown, fallback: number): string {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return `${value}px`;
  if (typeof value === 'string' && value.trim() !== '') return /^\d+(\.\d+)?$/.test(value.trim()) ? `${value.trim()}px` : value.trim();
  return `${fallback}px`;
}

/** The effective style; `showControls:false` turns every chrome element off. */
export function parseStyle(style: unknown, showControls: boolean | undefined): WidgetStyle {
  const s = (style && typeof style === 'object' ? style : {}) as Record<string, unknown>;
  const mode = (key: string): DisplayMode => {
    if (showControls === false) return 'off';
    const v = s[key];
    return typeof v === 'string' && displayModes.includes(v) ? (v as DisplayMode) : 'auto';
  };
  const uri = s.backgroundImageURI;
  return {
    nameDisplayMode: mode('nameDisplayMode'),
    buttonDisplayMode: mode('buttonDisplayMode'),
    audioLevelDisplayMode: mode('audioLevelDisplayMode'),
    videoDisabledDisplayMode: mode('videoDisabledDisplayMode'),
    archiveStatusDisplayMode: mode('archiveStatusDisplayMode'),
    audioBlockedDisplayMode: mode('audioBlockedDisplayMode'),
    backgroundImageURI: typeof uri === 'string' && /^(https?:|data:)/i.test(uri) ? uri : undefined,
  };
}

/** Initials for the video-off poster: "Ada Lovelace" → "AL". */
export function initialsOf(name: string | undefined, explicit?: string): string {
  if (explicit) return explicit.slice(0, 2).toUpperCase();
  if (!name) return '';
  return name.trim().split(/\s+/).filter(Boolean).slice(0, 2).map((w) => w[0]!.toUpperCase()).join('');
}

const resolutions: Record<string, { width: number; height: number }> = {
  '1920x1080': { width: 1920, height: 1080 },
  '1280x960': { width: 1280, height: 960 },
  '1280x720': { width: 1280, height: 720 },
  '640x480': { width: 640, height: 480 },
  '640x360': { width: 640, height: 360 },
  '320x240': { width: 320, height: 240 },
  '320x180': { width: 320, height: 180 },
};

export function parseResolution(resolution: unknown): { width: number; height: number } | undefined {
  return typeof resolution === 'string' ? resolutions[resolution] : undefined;
}

/** What a publisher's audioSource/videoSource asks for. */
export type SourceSpec =
  | { kind: 'none' }
  | { kind: 'default' }
  | { kind: 'device'; deviceId: string }
  | { kind: 'track'; track: MediaStreamTrack }
  | { kind: 'screen' };

export function parseSource(source: unknown, allowScreen: boolean): SourceSpec {
  if (source === null || source === false) return { kind: 'none' };
  if (source === undefined || source === true) return { kind: 'default' };
  if (typeof source === 'string') {
    if (allowScreen && (source === 'screen' || source === 'window' || source === 'application' || source === 'browser')) return { kind: 'screen' };
    return source === '' ? { kind: 'default' } : { kind: 'device', deviceId: source };
  }
  if (typeof source === 'object' && source !== null && 'kind' in source && 'readyState' in source) return { kind: 'track', track: source as MediaStreamTrack };
  throw new OTError(1011, 'audioSource/videoSource must be a device id, a MediaStreamTrack, null or false');
}

export interface PublisherMediaOptions {
  audioSource?: unknown;
  videoSource?: unknown;
  resolution?: unknown;
  frameRate?: unknown;
  facingMode?: unknown;
  echoCancellation?: unknown;
  noiseSuppression?: unknown;
  autoGainControl?: unknown;
}

/** The publisher's frameRate if it is one OpenTok allows (30, 15, 7, 1), else null: other values are ignored. */
export function frameRateOption(options: PublisherMediaOptions): number | null {
  return typeof options.frameRate === 'number' && [30, 15, 7, 1].includes(options.frameRate) ? options.frameRate : null;
}

/** getUserMedia constraints for a camera publisher (a device id overrides facingMode). */
export function videoConstraints(options: PublisherMediaOptions, deviceId?: string): MediaTrackConstraints {
  const c: MediaTrackConstraints = {};
  const res = parseResolution(options.resolution) ?? { width: 640, height: 480 };
  c.width = { ideal: res.width };
  c.height = { ideal: res.height };
  const frameRate = frameRateOption(options);
  if (frameRate !== null) c.frameRate = { ideal: frameRate };
  if (deviceId) c.deviceId = { exact: deviceId };
  else if (typeof options.facingMode === 'string' && ['user', 'environment', 'left', 'right'].includes(options.facingMode)) c.facingMode = { ideal: options.facingMode };
  return c;
}

export function audioConstraints(options: PublisherMediaOptions, deviceId?: string): MediaTrackConstraints {
  const c: MediaTrackConstraints = {
    echoCancellation: options.echoCancellation !== false,
    noiseSuppression: options.noiseSuppression !== false,
    autoGainControl: options.autoGainControl !== false,
  };
  if (deviceId) c.deviceId = { exact: deviceId };
  return c;
}

export interface IceConfigOption {
  includeServers?: 'all' | 'custom';
  transportPolicy?: 'all' | 'relay';
  customServers?: { urls: string | string[]; username?: string; credential?: string }[];
}

/** Merges the server's ICE servers (TURN credentials) with the app's `iceConfig`. */
export function rtcConfiguration(serverIce: RTCIceServer[], iceConfig: IceConfigOption | undefined): RTCConfiguration {
  const custom = (iceConfig?.customServers ?? []).map((s) => ({ urls: s.urls, ...(s.username !== undefined ? { username: s.username } : {}), ...(s.credential !== undefined ? { credential: s.credential } : {}) }));
  const iceServers = iceConfig?.includeServers === 'custom' ? custom : [...serverIce, ...custom];
  return { iceServers, iceTransportPolicy: iceConfig?.transportPolicy === 'relay' ? 'relay' : 'all', bundlePolicy: 'max-bundle' };
}

export interface SignalLimits {
  maxSignalTypeLength: number;
  maxSignalDataLength: number;
}

/** Client-side signal checks (the server checks again): 400 bad type/data, 413 too long. */
export function validateSignal(signal: { type?: unknown; data?: unknown }, limits: SignalLimits = defaults): { type: string | undefined; data: string } | OTError {
  let type: string | undefined;
  if (signal.type !== undefined && signal.type !== null) {
    if (typeof signal.type !== 'string') return new OTError(400, 'The signal type must be a string');
    if (signal.type.length > limits.maxSignalTypeLength) return new OTError(413, `The signal type exceeds ${limits.maxSignalTypeLength} characters`);
    if (signal.type !== '' && !/^[A-Za-z0-9\-._~]+$/.test(signal.type)) return new OTError(400, 'The signal type may only contain letters, digits, "-", ".", "_" and "~"');
    type = signal.type === '' ? undefined : signal.type;
  }
  let data = '';
  if (signal.data !== undefined) {
    if (signal.data === null) return new OTError(400, 'The signal data must not be null');
    if (typeof signal.data === 'string') data = signal.data;
    else {
      let json: string | undefined;
      try {
        json = JSON.stringify(signal.data);
      } catch {
        json = undefined;
      }
      if (json === undefined) return new OTError(400, 'The signal data cannot be serialised');
      data = json;
    }
    if (data.length > limits.maxSignalDataLength) return new OTError(413, `The signal data exceeds ${limits.maxSignalDataLength} characters`);
  }
  return { type, data };
}
