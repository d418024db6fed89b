// One configuration object for the app and <duet-call>: defaults, then the page's `window.DuetConfig`
// (or the element's attributes), then URL parameters, later ones winning. Pure, so it is unit-tested.
import { defaultStrings, type StringKey, type Strings } from './strings';

export type Corner = 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right';
export const corners: readonly Corner[] = ['top-left', 'top-right', 'bottom-left', 'bottom-right'];

export type ControlName = 'mic' | 'camera' | 'switchCamera' | 'end' | 'remoteAudio' | 'remoteVideo' | 'devices' | 'stats' | 'share' | 'help' | 'timer' | 'network';
export const controlNames: readonly ControlName[] = ['mic', 'camera', 'switchCamera', 'end', 'remoteAudio', 'remoteVideo', 'devices', 'stats', 'share', 'help', 'timer', 'network'];

/** Theme values become CSS custom properties (`--duet-accent` …) on the app's root element. */
export interface Theme {
  accent: string;
  accentText: string;
  background: string;
  surface: string;
  text: string;
  muted: string;
  danger: string;
  radius: string;
  font: string;
}

export interface Credentials {
  apiKey: string;
  sessionId: string;
  token: string;
}

export interface DuetConfig {
  /** Base URL of the Duet server ('' = the page's own origin). */
  server: string;
  /** Room name; the app asks `GET {server}/api/rooms/{room}` for credentials. */
  room: string | null;
  /** Credentials from the page instead of rooms (for backends that make their own tokens). */
  credentials: Credentials | null;
  theme: Theme;
  controls: Record<ControlName, boolean>;
  pipCorner: Corner;
  strings: Strings;
  startMuted: boolean;
  startCameraOff: boolean;
  displayName: string;
  /** Test mode: subscribe to your own stream through a peer connection, to try the app on one device. */
  subscribeToSelf: boolean;
  /** Show the stats panel open from the start. */
  showStats: boolean;
  /** Which ICE candidates media may use: 'relay' sends everything through the TURN server (hides addresses, or for networks that need it). */
  iceTransportPolicy: IceTransportPolicy;
}

export type IceTransportPolicy = 'all' | 'relay';

/** What a page, an element or a test may pass: any part of the configuration, nested parts partial too. */
export interface DuetConfigInput {
  server?: string;
  room?: string | null;
  credentials?: Partial<Credentials> | null;
  theme?: Partial<Theme>;
  controls?: Partial<Record<ControlName, boolean>>;
  pipCorner?: string;
  strings?: Partial<Record<string, string>>;
  startMuted?: boolean;
  startCameraOff?: boolean;
  displayName?: string;
  subscribeToSelf?: boolean;
  showStats?: boolean;
  iceTransportPolicy?: string;
}

export const defaultTheme: Theme = {
  accent: '#5b5bf7',
  accentText: '#ffffff',
  background: '#0f1117',
  surface: '#1b1e28',
  text: '#f4f5f8',
  muted: '#a3a8b8',
  danger: '#d13438',
  radius: '14px',
  font: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
};

export function defaultConfig(): DuetConfig {
  return {
    server: '',
    room: null,
    credentials: null,
    theme: { ...defaultTheme },
    controls: Object.fromEntries(controlNames.map((c) => [c, true])) as Record<ControlName, boolean>,
    pipCorner: 'bottom-right',
    strings: { ...defaultStrings },
    startMuted: false,
    startCameraOff: false,
    displayName: '',
    subscribeToSelf: false,
    showStats: false,
    iceTransportPolicy: 'all',
  };
}

const themeKeys = Object.keys(defaultTheme) as (keyof Theme)[];

/** Merges inputs in order over the defaults; unknown keys and invalid values are ignored. */
export function resolveConfig(...inputs: readonly (DuetConfigInput | null | undefined)[]): DuetConfig {
  const config = defaultConfig();
  for (const input of inputs) {
    if (!input) continue;
    if (typeof input.server === 'string') config.server = input.server.replace(/\/+$/, '');
    if (input.room !== undefined) config.room = input.room;
    if (input.credentials) {
      const { apiKey, sessionId, token } = input.credentials;
      if (apiKey && sessionId && token) config.credentials = { apiKey: String(apiKey), sessionId, token };
    }
    for (const key of themeKeys) {
      const value = input.theme?.[key];
      if (typeof value === 'string' && isSafeCssValue(value)) config.theme[key] = value;
    }
    for (const name of controlNames) {
      const value = input.controls?.[name];
      if (typeof value === 'boolean') config.controls[name] = value;
    }
    if (input.pipCorner && (corners as readonly string[]).includes(input.pipCorner)) config.pipCorner = input.pipCorner as Corner;
    for (const [key, value] of Object.entries(input.strings ?? {})) {
      if (key in defaultStrings && typeof value === 'string') config.strings[key as StringKey] = value;
    }
    if (typeof input.startMuted === 'boolean') config.startMuted = input.startMuted;
    if (typeof input.startCameraOff === 'boolean') config.startCameraOff = input.startCameraOff;
    if (typeof input.displayName === 'string') config.displayName = input.displayName.trim().slice(0, 64);
    if (typeof input.subscribeToSelf === 'boolean') config.subscribeToSelf = input.subscribeToSelf;
    if (typeof input.showStats === 'boolean') config.showStats = input.showStats;
    if (input.iceTransportPolicy === 'all' || input.iceTransportPolicy === 'relay') config.iceTransportPolicy = input.iceTransportPolicy;
  }
  return config;
}

/**
 * URL parameters, e.g. `?accent=%23e11d48&radius=4px&hide=switchCamera,stats&pip=top-left&muted=1&cameraOff=1&name=Ada&self=1`.
 * Also `show=…`, `stats=1`, `ice=relay`, `font=…`, any theme key by name, `label.<key>=…` for a string, and
 * `apiKey`/`sessionId`/`token` for credentials mode.
 */
export function configFromUrl(params: URLSearchParams): DuetConfigInput {
  const input: DuetConfigInput = {};
  const theme: Partial<Theme> = {};
  for (const key of themeKeys) {
    const value = params.get(key);
    if (value !== null) theme[key] = value;
  }
  if (Object.keys(theme).length) input.theme = theme;

  const controls: Partial<Record<ControlName, boolean>> = {};
  for (const [param, visible] of [['hide', false], ['show', true]] as const) {
    for (const name of (params.get(param) ?? '').split(',').map((s) => s.trim())) {
      if ((controlNames as readonly string[]).includes(name)) controls[name as ControlName] = visible;
    }
  }
  if (Object.keys(controls).length) input.controls = controls;

  const pip = params.get('pip');
  if (pip) input.pipCorner = pip;
  const flag = (name: string): boolean | undefined => {
    const value = params.get(name);
    return value === null ? undefined : value === '' || value === '1' || value === 'true' || value === 'yes';
  };
  input.startMuted = flag('muted');
  input.startCameraOff = flag('cameraOff');
  input.subscribeToSelf = flag('self');
  input.showStats = flag('stats');
  const name = params.get('name');
  if (name !== null) input.displayName = name;
  const ice = params.get('ice');
  if (ice !== null) input.iceTransportPolicy = ice;

  const strings: Record<string, string> = {};
  for (const [key, value] of params) {
    if (key.startsWith('label.')) strings[key.slice('label.'.length)] = value;
  }
  if (Object.keys(strings).length) input.strings = strings;

  const apiKey = params.get('apiKey');
  const sessionId = params.get('sessionId');
  const token = params.get('token');
  if (apiKey && sessionId && token) input.credentials = { apiKey, sessionId, token };
  return input;
}

/** Theme values end up in a style attribute: refuse anything that could close the declaration or load a URL. */
function isSafeCssValue(value: string): boolean {
  return value.length <= 200 && !/[;{}<>]|url\(|expression\(/i.test(value);
}

/** The theme as CSS custom properties, e.g. `--duet-accent`. */
export function themeProperties(theme: Theme): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of themeKeys) out[`--duet-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`] = theme[key];
  return out;
}

/** The attributes of <duet-call> and the URL parameter each one stands for. */
const attributeParams = {
  'api-key': 'apiKey', 'session-id': 'sessionId', token: 'token', 'display-name': 'name', 'pip-corner': 'pip', hide: 'hide', show: 'show',
  'start-muted': 'muted', 'start-camera-off': 'cameraOff', 'subscribe-to-self': 'self', 'ice-transport-policy': 'ice',
  accent: 'accent', background: 'background', surface: 'surface', text: 'text', radius: 'radius', font: 'font',
} as const;

export const elementAttributes: readonly string[] = ['room', 'server', ...Object.keys(attributeParams)];

/** <duet-call room="…" server="…" accent="…" hide="stats" …>: the same meanings as the URL parameters. */
export function configFromAttributes(get: (name: string) => string | null): DuetConfigInput {
  const params = new URLSearchParams();
  for (const [attribute, param] of Object.entries(attributeParams)) {
    const value = get(attribute);
    if (value !== null) params.set(param, value);
  }
  const input = configFromUrl(params);
  const server = get('server');
  const room = get('room');
  if (server !== null) input.server = server;
  if (room !== null) input.room = room;
  return input;
}
