import { describe, expect, it } from 'vitest';
import { nextCamera } from './camera-cycle';
import type { OTDevice } from './devices';

const cam = (deviceId: string, label = `Camera ${deviceId}`): OTDevice => ({ kind: 'videoInput', deviceId, label });
const mic: OTDevice = { kind: 'audioInput', deviceId: 'm', label: 'Microphone' };

describe('nextCamera', () => {
  it('moves to the following camera and wraps around', () => {
    const devices = [mic, cam('a'), cam('b'), cam('c')];
    expect(nextCamera(devices, 'a')?.deviceId).toBe('b');
    expect(nextCamera(devices, 'c')?.deviceId).toBe('a');
  });

  it('has nowhere to go with one camera', () => {
    expect(nextCamera([mic, cam('a')], 'a')).toBeNull();
    expect(nextCamera([mic], 'a')).toBeNull();
  });

  it('skips depth and infrared sensors', () => {
    const devices = [cam('front', 'Front Camera'), cam('depth', 'Intel RealSense Depth Camera'), cam('ir', 'Integrated IR Camera'), cam('back', 'Back Camera')];
    expect(nextCamera(devices, 'front')?.deviceId).toBe('back');
    expect(nextCamera(devices, 'back')?.deviceId).toBe('front');
    expect(nextCamera([cam('front', 'Front'), cam('d', 'fake_device_1 (depth)')], 'front')).toBeNull();
  });

  it('starts from the first camera when the current one is unknown (e.g. unplugged)', () => {
    expect(nextCamera([cam('a'), cam('b')], 'gone')?.deviceId).toBe('b');
  });
});
