import { describe, expect, it } from 'vitest';
import { diagnoseMedia, deviceProblemOf } from './media-problem';
import { isValidRoomName, normaliseRoomName, randomRoomName } from './room-name';
import { networkQuality, sampleOf, summarise } from './call-stats';
import { formatDuration } from './call-timer';
import { initialsOf } from './initials';
import { nearestCorner } from './pip-corner';

describe('media problems', () => {
  it('maps browser and SDK error names to reasons', () => {
    expect(deviceProblemOf('NotAllowedError')).toBe('denied');
    expect(deviceProblemOf('OT_USER_MEDIA_ACCESS_DENIED')).toBe('denied');
    expect(deviceProblemOf('NotFoundError')).toBe('missing');
    expect(deviceProblemOf('NotReadableError')).toBe('busy');
    expect(deviceProblemOf('Whatever')).toBe('unknown');
  });

  it('probes each device on its own to say which one failed', async () => {
    const probe = async (c: MediaStreamConstraints) => {
      if (c.video) throw Object.assign(new Error('no'), { name: 'NotAllowedError' });
      return { stop() {} };
    };
    expect(await diagnoseMedia(probe)).toEqual({ camera: 'denied', microphone: null });
  });
});

describe('room names', () => {
  it('random names are readable and valid', () => {
    let i = 0;
    const seq = [0, 0.5, 0.99];
    const name = randomRoomName(() => seq[i++ % 3]!);
    expect(name).toMatch(/^[a-z]+-[a-z]+-\d\d$/);
    for (let n = 0; n < 50; n++) expect(isValidRoomName(randomRoomName())).toBe(true);
  });

  it('typed names are normalised and checked', () => {
    expect(normaliseRoomName('  Calm River ')).toBe('calm-river');
    expect(isValidRoomName('')).toBe(false);
    expect(isValidRoomName('a/b/c')).toBe(false);
    expect(isValidRoomName('élan')).toBe(false);
    expect(isValidRoomName('team_sync')).toBe(true);
    expect(isValidRoomName('x'.repeat(65))).toBe(false);
    expect(isValidRoomName('team-sync-7')).toBe(true);
  });
});

describe('stats', () => {
  const report = (bytes: number, received: number, lost: number, rtt = 0.05) => [
    { type: 'inbound-rtp', kind: 'video', bytesReceived: bytes, packetsReceived: received, packetsLost: lost, frameWidth: 640, frameHeight: 480, framesPerSecond: 29.7 },
    { type: 'candidate-pair', nominated: true, state: 'succeeded', currentRoundTripTime: rtt },
    { type: 'candidate-pair', nominated: false, state: 'failed', currentRoundTripTime: 9 },
  ];

  it('summarises bitrate, interval loss, RTT, resolution and frame rate', () => {
    const a = sampleOf(report(0, 0, 0), 0);
    const b = sampleOf(report(125_000, 95, 5), 1000);
    expect(summarise(a, b)).toEqual({ bitrateKbps: 1000, lossPercent: 5, rttMs: 50, resolution: '640×480', frameRate: 30 });
  });

  it('rates the network good, poor or bad', () => {
    const base = { bitrateKbps: 500, resolution: null, frameRate: null };
    expect(networkQuality({ ...base, lossPercent: 0, rttMs: 40 })).toBe('good');
    expect(networkQuality({ ...base, lossPercent: 4, rttMs: 40 })).toBe('poor');
    expect(networkQuality({ ...base, lossPercent: 0, rttMs: 400 })).toBe('poor');
    expect(networkQuality({ ...base, lossPercent: 15, rttMs: 40 })).toBe('bad');
  });
});

describe('small formatters', () => {
  it('formats the call timer', () => {
    expect(formatDuration(7_400)).toBe('0:07');
    expect(formatDuration(754_000)).toBe('12:34');
    expect(formatDuration(3_723_000)).toBe('1:02:03');
  });

  it('makes initials for the avatar', () => {
    expect(initialsOf('Ada Lovelace')).toBe('AL');
    expect(initialsOf('ada')).toBe('A');
    expect(initialsOf('  ')).toBe('');
    expect(initialsOf('Émile de la Rue')).toBe('ÉR');
  });

  it('snaps a dragged PiP to the nearest corner', () => {
    expect(nearestCorner(10, 10, 800, 600)).toBe('top-left');
    expect(nearestCorner(700, 500, 800, 600)).toBe('bottom-right');
    expect(nearestCorner(700, 100, 800, 600)).toBe('top-right');
  });
});
