// Every word the app shows, in one table. English is the default; pass `strings` in the configuration (or
// `DuetConfig.strings` on the page) to translate or reword any of them. `{name}`-style holes are filled by `format`.

export const defaultStrings = {
  appName: 'Duet',
  headline: 'Face to face, just the two of you.',
  tagline: 'Private one-to-one video calls, straight from your browser.',
  createRoom: 'Start a new call',
  joinByName: 'Join a call by name',
  roomNameLabel: 'Call name',
  roomNamePlaceholder: 'e.g. calm-river-42',
  join: 'Join',
  invalidRoomName: 'Use up to 64 letters, digits, dashes or underscores.',
  landingPrivacy: 'Audio and video go directly between the two of you.',
  lanHint: 'On a phone on the same network? Scan to open {url}',

  connecting: 'Connecting…',
  readyTitle: 'Click to start call',
  readyOtherHere: '{name} is here and waiting for you.',
  readyAlone: 'No one else is here yet. Share the link below.',
  waitingTitle: 'Waiting for the other person',
  waitingHint: 'Share the link below. The call starts when they join.',
  reconnecting: 'Connection lost. Reconnecting…',
  endedTitle: 'You left the call',
  endedRemoteHint: 'The call lasted {duration}.',
  rejoin: 'Rejoin',
  fullTitle: 'This call is full',
  fullHint: 'Two people are already in “{room}”. Start a new call instead.',
  errorTitle: 'Something went wrong',
  errorConnect: 'Could not reach the call server. Check your network connection and try again.',
  errorAuth: 'This call link is not valid any more. Ask for a new one.',
  errorRoom: 'Could not open the call “{room}”: {detail}',
  errorNoServer: 'The call service did not answer.',
  tryAgain: 'Try again',
  newCall: 'New call',

  startCall: 'Start call',
  yourName: 'Your name (optional)',
  yourNamePlaceholder: 'Shown to the other person',
  endCall: 'End call',
  micOn: 'Mute microphone',
  micOff: 'Unmute microphone',
  microphone: 'Microphone',
  cameraOn: 'Turn camera off',
  cameraOff: 'Turn camera on',
  camera: 'Camera',
  switchCamera: 'Switch camera',
  remoteAudio: 'Hear {name}',
  remoteVideo: 'See {name}',
  settings: 'Devices',
  speaker: 'Speaker',
  statsToggle: 'Connection details',
  help: 'Keyboard shortcuts',
  close: 'Close',

  shareTitle: 'Invite someone',
  shareLabel: 'Link to this call',
  copyLink: 'Copy link',
  copied: 'Copied',

  you: 'You',
  yourCameraOff: 'Your camera is off',
  theirCameraOff: 'Camera is off',
  theirVideoHidden: 'You turned their video off',
  otherPerson: 'the other person',
  remoteMuted: '{name} is muted',
  qualityWarning: 'The connection is weak. Video may pause soon.',
  audioOnlyNotice: 'Video paused to keep the call going on a weak connection.',
  networkGood: 'Connection: good',
  networkPoor: 'Connection: poor',
  networkBad: 'Connection: bad',
  callTimer: 'Call time',

  statsBitrate: 'Bitrate',
  statsLoss: 'Packet loss',
  statsRtt: 'Round trip',
  statsResolution: 'Resolution',
  statsFrameRate: 'Frame rate',

  permissionTitle: 'Your camera or microphone is not available',
  permissionDenied: 'Access to your {device} was blocked. Allow it in the address bar (the camera icon) or the browser settings, then try again.',
  permissionMissing: 'No {device} was found. Plug one in, then try again.',
  permissionBusy: 'Your {device} is being used by another app. Close that app, then try again.',
  permissionUnknown: 'Your {device} could not be started.',
  deviceCamera: 'camera',
  deviceMicrophone: 'microphone',
  joinAudioOnly: 'Join with microphone only',
  joinReceiveOnly: 'Join without camera and microphone',

  helpTitle: 'Keyboard shortcuts',
  shortcutMic: 'Mute or unmute your microphone',
  shortcutCamera: 'Turn your camera on or off',
  shortcutEnd: 'Start or end the call',
  shortcutHelp: 'Show this help',
} as const;

export type StringKey = keyof typeof defaultStrings;
export type Strings = Record<StringKey, string>;

/** Fills `{hole}`s from values; unknown holes stay as written so a translation mistake is visible, not silent. */
export function format(template: string, values: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
