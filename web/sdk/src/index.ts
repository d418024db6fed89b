// The public OT surface (ES-module build); global.ts exposes the same as window.OT. Everything else is internal.

export { properties } from './config';
export { Connection } from './Connection';
export { OTError as Error, ExceptionCodes } from './errors';
export { OTEvent as Event } from './events/OTEvent';
export { otLog as log, setLogLevel } from './logging';
export {
  addEventListener, checkScreenSharingCapability, checkSystemRequirements, getActiveAudioOutputDevice, getAudioOutputDevices, getDevices,
  getSupportedCodecs, getUserMedia, HAS_REQUIREMENTS, hasEndToEndEncryptionSupport, hasMediaProcessorSupport, initPublisher, initSession,
  NOT_HAS_REQUIREMENTS, off, on, once, publishers, removeEventListener, reportIssue, sessions, setAudioOutputDevice, setProxyUrl,
  subscribers, unblockAudio, upgradeSystemRequirements,
} from './OT';
export { Publisher, type PublisherProperties } from './Publisher';
export { Session, type SessionOptions } from './Session';
export { Stream } from './Stream';
export { Subscriber, type SubscriberProperties } from './Subscriber';

/** Log levels as OT constants (OT.NONE … OT.DEBUG). */
export const NONE = 0;
export const ERROR = 1;
export const WARN = 2;
export const INFO = 3;
export const LOG = 4;
export const DEBUG = 5;

export const version = '2.0.0-duet';
