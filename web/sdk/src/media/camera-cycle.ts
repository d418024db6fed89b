import type { OTDevice } from './devices';

// Depth and infrared sensors (RealSense, Windows Hello, Chromium's fake depth camera) list as cameras too, but
// their picture is not one to show a person: cycling skips them.
const notForPeople = /\b(depth|infra-?red|ir camera|ir sensor)\b/i;

/** The camera cycleVideo moves to after `currentId`, in device order, wrapping; null when there is no other. */
export function nextCamera(devices: readonly OTDevice[], currentId: string): OTDevice | null {
  const cameras = devices.filter((d) => d.kind === 'videoInput');
  const index = cameras.findIndex((d) => d.deviceId === currentId);
  for (let step = 1; step < cameras.length; step++) {
    const candidate = cameras[(Math.max(index, 0) + step) % cameras.length]!;
    if (candidate.deviceId !== currentId && !notForPeople.test(candidate.label)) return candidate;
  }
  return null;
}
