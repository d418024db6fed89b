// The functions of the OT namespace (initSession, initPublisher, devices, system checks, exceptions).

import { OTError } from './errors';
import { globalEvents } from './events/exceptions';
import { listDevices, otGetUserMedia, type OTDevice } from './media/devices';
import type { PublisherMediaOptions } from './options';
import { promised } from './promiseForm';
import { Publisher, type PublisherProperties } from './Publisher';
import { publishers, sessions, subscribers } from './registry';
import { Session, type SessionOptions } from './Session';

export const HAS_REQUIREMENTS = 1;
export const NOT_HAS_REQUIREMENTS = 0;

/** Returns the Session for a session id (the same object for repeated calls). No network I/O. */
export function initSession(apiKeyOrSessionId: string | number, sessionId?: string | SessionOptions, options?: SessionOptions): Session {
  let apiKey = '';
  let id: string;
  let opts: SessionOptions | undefined = options;
  if (sessionId === undefined || typeof sessionId === 'object') {
    // Legacy one-argument form: the argument is the session id.
    id = String(apiKeyOrSessionId ?? '');
    opts = (sessionId as SessionOptions | undefined) ?? options;
  } else {
    apiKey = apiKeyOrSessionId === undefined || apiKeyOrSessionId === null ? '' : String(apiKeyOrSessionId);
    id = String(sessionId);
  }
  const existing = sessions.get(id);
  if (existing) {
    if (apiKey) existing.apiKey = apiKey;
    return existing;
  }
  return sessions.add(new Session(apiKey, id, opts ?? {}));
}

type PublisherCallback = (error?: OTError) => void;

/** Creates a Publisher: asks for camera/microphone and shows the widget; cb(error?) runs before accessAllowed/accessDenied. */
export function initPublisher(target?: unknown, properties?: PublisherProperties | PublisherCallback, callback?: PublisherCallback): Publisher {
  let t: unknown = target;
  let props: unknown = properties;
  let cb: unknown = callback;
  if (typeof t === 'function') {
    cb = t;
    t = undefined;
    props = undefined;
  } else if (typeof props === 'function') {
    cb = props;
    props = undefined;
  }
  if (t && typeof t === 'object' && !(typeof HTMLElement !== 'undefined' && t instanceof HTMLElement)) {
    // initPublisher(properties, callback)
    cb = typeof props === 'function' ? props : cb;
    props = t;
    t = undefined;
  }
  if (typeof t === 'string' && typeof document !== 'undefined' && !document.getElementById(t) && (typeof props === 'string' || (typeof HTMLElement !== 'undefined' && props instanceof HTMLElement))) {
    // Legacy initPublisher(apiKey, target, properties, callback): the first argument was an API key.
    t = props;
    props = cb;
    cb = arguments[3];
  }
  const done = typeof cb === 'function' ? (cb as PublisherCallback) : undefined;
  try {
    return new Publisher(t, (props ?? undefined) as PublisherProperties | undefined, done);
  } catch (err) {
    const error = err instanceof OTError ? err : new OTError(1011, String(err));
    globalEvents.reportException(error, undefined);
    if (done) done(error);
    throw error;
  }
}

/** `OT.initPublisher.promise(target?, properties?)`: resolves with the Publisher once access is granted, rejects with the error. */
initPublisher.promise = (target?: unknown, properties?: PublisherProperties): Promise<Publisher> => {
  let publisher: Publisher | undefined;
  return promised((done) => {
    publisher = initPublisher(target, properties, done);
  }).then(() => publisher!);
};

/** OT.getDevices(cb(err, devices)); also returns a Promise of the devices. */
export function getDevices(callback?: (error: OTError | undefined, devices?: OTDevice[]) => void): Promise<OTDevice[]> {
  const work = listDevices();
  work.then(
    (devices) => callback?.(undefined, devices),
    (err: unknown) => callback?.(err instanceof OTError ? err : new OTError(1500, String(err), 'OT_NOT_SUPPORTED')),
  );
  return callback ? work.catch(() => []) : work;
}

export function getUserMedia(properties?: PublisherMediaOptions): Promise<MediaStream> {
  return otGetUserMedia(properties);
}

export function checkSystemRequirements(): number {
  const ok = typeof RTCPeerConnection !== 'undefined' && typeof navigator !== 'undefined' && !!navigator.mediaDevices?.getUserMedia && typeof WebSocket !== 'undefined';
  return ok ? HAS_REQUIREMENTS : NOT_HAS_REQUIREMENTS;
}

export function upgradeSystemRequirements(): void {
  if (typeof document === 'undefined' || document.getElementById('OT_upgrade')) return;
  const notice = document.createElement('div');
  notice.id = 'OT_upgrade';
  notice.textContent = 'This browser does not support video calls. Please use a current version of Chrome, Firefox, Safari or Edge.';
  notice.style.cssText = 'position:fixed;top:0;left:0;right:0;padding:12px;background:#c0392b;color:#fff;font:14px system-ui;z-index:99999';
  document.body.appendChild(notice);
}

/** Resumes subscriber audio the browser's autoplay policy blocked (call it from a user gesture). */
export function unblockAudio(): Promise<void> {
  subscribers.forEach((s) => s.unblockAudio());
  return Promise.resolve();
}

export const on: typeof globalEvents.on = globalEvents.on.bind(globalEvents);
export const once: typeof globalEvents.once = globalEvents.once.bind(globalEvents);
export const off: typeof globalEvents.off = globalEvents.off.bind(globalEvents);
export const addEventListener: typeof globalEvents.addEventListener = globalEvents.addEventListener.bind(globalEvents);
export const removeEventListener: typeof globalEvents.removeEventListener = globalEvents.removeEventListener.bind(globalEvents);

// Utility surface an OpenTok app may probe; Duet answers honestly for a peer-to-peer platform.
export function setProxyUrl(_url: string): void {}

export function hasMediaProcessorSupport(): boolean {
  return false;
}

export function hasEndToEndEncryptionSupport(): boolean {
  return false;
}

export async function getSupportedCodecs(): Promise<{ videoEncoders: string[]; videoDecoders: string[] }> {
  const names = (kind: 'video') => (typeof RTCRtpSender !== 'undefined' ? [...new Set((RTCRtpSender.getCapabilities(kind)?.codecs ?? []).map((c) => c.mimeType.replace(/^video\//, '')).filter((c) => ['VP8', 'VP9', 'H264', 'AV1'].includes(c)))] : []);
  return { videoEncoders: names('video'), videoDecoders: names('video') };
}

export function checkScreenSharingCapability(callback: (response: { supported: boolean; extensionRequired?: string; supportedSources: Record<string, boolean> }) => void): void {
  const supported = typeof navigator !== 'undefined' && !!navigator.mediaDevices?.getDisplayMedia;
  callback({ supported, supportedSources: { screen: supported, window: supported, application: false, browser: supported } });
}

export async function getAudioOutputDevices(): Promise<{ deviceId: string; label: string }[]> {
  const all = await navigator.mediaDevices.enumerateDevices();
  return all.filter((d) => d.kind === 'audiooutput').map((d) => ({ deviceId: d.deviceId, label: d.label }));
}

let activeAudioOutput = 'default';

export async function setAudioOutputDevice(deviceId: string): Promise<void> {
  activeAudioOutput = deviceId;
  const elements = document.querySelectorAll<HTMLVideoElement & { setSinkId?: (id: string) => Promise<void> }>('.OT_subscriber .OT_video-element');
  await Promise.all([...elements].map((e) => e.setSinkId?.(deviceId)));
}

export async function getActiveAudioOutputDevice(): Promise<{ deviceId: string; label: string }> {
  const all = await getAudioOutputDevices().catch(() => []);
  return all.find((d) => d.deviceId === activeAudioOutput) ?? { deviceId: activeAudioOutput, label: '' };
}

export function reportIssue(callback?: (error: OTError | undefined, reportId?: string) => void): void {
  callback?.(undefined, `duet-${Date.now()}`);
}

export { publishers, sessions, subscribers };
