// Turns what the browser said about each device into a plain reason the person can act on.
import type { DeviceProblem, MediaProblem } from './call-state';

/** getUserMedia's DOMException names (and the SDK's OT_ names for the same cases) → one of our reasons. */
export function deviceProblemOf(errorName: string | undefined): DeviceProblem {
  switch (errorName) {
    case 'NotAllowedError':
    case 'SecurityError':
    case 'PermissionDeniedError':
    case 'OT_USER_MEDIA_ACCESS_DENIED':
      return 'denied';
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
    case 'OT_NO_DEVICES_FOUND':
      return 'missing';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
    case 'OT_HARDWARE_UNAVAILABLE':
      return 'busy';
    default:
      return 'unknown';
  }
}

/**
 * Asks for each device on its own so the message can say which one is the problem
 * (a combined request fails as a whole). `probe` is `getUserMedia` in the app and a fake in tests.
 */
export async function diagnoseMedia(probe: (constraints: MediaStreamConstraints) => Promise<{ stop(): void }>): Promise<MediaProblem> {
  const check = async (constraints: MediaStreamConstraints): Promise<DeviceProblem | null> => {
    try {
      (await probe(constraints)).stop();
      return null;
    } catch (error) {
      return deviceProblemOf((error as { name?: string }).name);
    }
  };
  const [camera, microphone] = [await check({ video: true }), await check({ audio: true })];
  // Both worked on their own: the combined request failed for another reason, blame neither as "denied".
  return camera === null && microphone === null ? { camera: 'unknown', microphone: null } : { camera, microphone };
}
