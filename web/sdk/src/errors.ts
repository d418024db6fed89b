// OpenTok-compatible errors: every error handed to a callback or an `exception` event carries an OT_… name,
// a message and the numeric code apps still switch on (e.g. `error.code === 1010`).

/** Numeric codes, as OpenTok's `OT.ExceptionCodes`. */
export const ExceptionCodes = {
  AUTHENTICATION_ERROR: 1004,
  INVALID_SESSION_ID: 1005,
  CONNECT_FAILED: 1006,
  CONNECT_REJECTED: 1007,
  CONNECTION_TIMEOUT: 1008,
  NOT_CONNECTED: 1010,
  INVALID_PARAMETER: 1011,
  P2P_CONNECTION_FAILED: 1013,
  API_RESPONSE_FAILURE: 1014,
  TERMS_OF_SERVICE_FAILURE: 1026,
  CONNECTION_LIMIT_EXCEEDED: 1027,
  UNABLE_TO_PUBLISH: 1500,
  UNABLE_TO_SUBSCRIBE: 1501,
  UNABLE_TO_FORCE_DISCONNECT: 1520,
  UNABLE_TO_FORCE_UNPUBLISH: 1530,
  UNABLE_TO_FORCE_MUTE: 1540,
  PUBLISHER_ICE_WORKFLOW_FAILED: 1553,
  SUBSCRIBER_ICE_WORKFLOW_FAILED: 1554,
  UNEXPECTED_ERROR: 2000,
  UNEXPECTED_SERVER_RESPONSE: 2001,
} as const;

/** The OT_… name OpenTok gives an error of each code (media errors name themselves, see mediaErrorName). */
const namesByCode: Record<number, string> = {
  400: 'OT_INVALID_PARAMETER',
  403: 'OT_PERMISSION_DENIED',
  404: 'OT_NOT_FOUND',
  413: 'OT_INVALID_PARAMETER',
  429: 'OT_RATE_LIMIT_EXCEEDED',
  500: 'OT_NOT_CONNECTED',
  1004: 'OT_AUTHENTICATION_ERROR',
  1005: 'OT_INVALID_SESSION_ID',
  1006: 'OT_CONNECT_FAILED',
  1010: 'OT_NOT_CONNECTED',
  1011: 'OT_INVALID_PARAMETER',
  1013: 'OT_CREATE_PEER_CONNECTION_FAILED',
  1027: 'OT_CONNECTION_LIMIT_EXCEEDED',
  1500: 'OT_PERMISSION_DENIED',
  1501: 'OT_UNABLE_TO_SUBSCRIBE',
  1520: 'OT_PERMISSION_DENIED',
  1530: 'OT_PERMISSION_DENIED',
  1535: 'OT_PERMISSION_DENIED',
  1540: 'OT_PERMISSION_DENIED',
  1553: 'OT_ICE_WORKFLOW_FAILED',
  1554: 'OT_ICE_WORKFLOW_FAILED',
  2000: 'OT_INTERNAL_ERROR',
  2001: 'OT_UNEXPECTED_SERVER_RESPONSE',
};

/** Titles carried by `OT.exception` events. */
const titlesByCode: Record<number, string> = {
  1004: 'Authentication error',
  1005: 'Invalid Session ID',
  1006: 'Connect Failed',
  1010: 'Not connected',
  1011: 'Invalid Parameter',
  1013: 'Connection Failed',
  1027: 'Connection limit exceeded',
  1500: 'Unable to Publish',
  1501: 'Unable to Subscribe',
  1520: 'Unable to Force Disconnect',
  1530: 'Unable to Force Unpublish',
  1540: 'Unable to Force Mute',
  1553: 'ICE Workflow Failed',
  1554: 'ICE Workflow Failed',
  2000: 'Internal Error',
  2001: 'Unexpected Server Response',
};

export function nameForCode(code: number): string {
  return namesByCode[code] ?? 'OT_INTERNAL_ERROR';
}

export function titleForCode(code: number): string {
  return titlesByCode[code] ?? 'Error';
}

/** An OpenTok error: `name` is the OT_… name, `code` the numeric code. */
export class OTError extends Error {
  readonly code: number;

  constructor(code: number, message: string, name: string = nameForCode(code)) {
    super(message);
    this.name = name;
    this.code = code;
  }
}

/** Builds the error for a server refusal (HubResult error) or any code. */
export function otError(code: number, message: string): OTError {
  return new OTError(code, message);
}

/** Maps a getUserMedia failure to OpenTok's names (all under code 1500, "unable to publish"). */
export function mediaError(err: unknown): OTError {
  const domName = err instanceof Error || (typeof err === 'object' && err !== null && 'name' in err) ? String((err as { name: unknown }).name) : '';
  const message = err instanceof Error ? err.message : String(err);
  return new OTError(ExceptionCodes.UNABLE_TO_PUBLISH, message || domName, mediaErrorName(domName));
}

export function mediaErrorName(domName: string): string {
  switch (domName) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return 'OT_USER_MEDIA_ACCESS_DENIED';
    case 'NotFoundError':
    case 'DevicesNotFoundError':
      return 'OT_NO_DEVICES_FOUND';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'OT_HARDWARE_UNAVAILABLE';
    case 'OverconstrainedError':
    case 'ConstraintNotSatisfiedError':
      return 'OT_CONSTRAINTS_NOT_SATISFIED';
    case 'TypeError':
      return 'OT_NO_VALID_CONSTRAINTS';
    default:
      return 'OT_UNABLE_TO_CAPTURE_MEDIA';
  }
}
