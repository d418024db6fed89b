import { describe, expect, it } from 'vitest';
import { OTError } from './errors';
import { audioConstraints, frameRateOption, initialsOf, parseSource, parseStyle, rtcConfiguration, toCssSize, validateSignal, videoConstraints } from './options';

describe('toCssSize', () => {
  it('turns numbers into pixels and keeps strings', () => {
    expect(toCssSize(320, 264)).toBe('320px');
    expect(toCssSize('100%', 264)).toBe('100%');
    expect(toCssSize('240px', 264)).toBe('240px');
    expect(toCssSize('240', 264)).toBe('240px');
    expect(toCssSize(undefined, 264)).toBe('264px');
    expect(toCssSize(-3, 198)).toBe('198px');
  });
});

describe('parseStyle', () => {
  it('defaults every mode to auto', () => {
    const s = parseStyle(undefined, undefined);
    expect(s.nameDisplayMode).toBe('auto');
    expect(s.buttonDisplayMode).toBe('auto');
    expect(s.backgroundImageURI).toBeUndefined();
  });

  it('keeps valid modes and ignores invalid ones', () => {
    const s = parseStyle({ buttonDisplayMode: 'off', nameDisplayMode: 'on', audioLevelDisplayMode: 'sideways' }, true);
    expect(s.buttonDisplayMode).toBe('off');
    expect(s.nameDisplayMode).toBe('on');
    expect(s.audioLevelDisplayMode).toBe('auto');
  });

  it('showControls:false turns everything off', () => {
    const s = parseStyle({ nameDisplayMode: 'on' }, false);
    expect(Object.entries(s).filter(([k]) => k.endsWith('Mode')).every(([, v]) => v === 'off')).toBe(true);
  });

  it('accepts only http(s) and data background images', () => {
    expect(parseStyle({ backgroundImageURI: 'https://x/y.png' }, true).backgroundImageURI).toBe('https://x/y.png');
    expect(parseStyle({ backgroundImageURI: 'data:image/png;base64,AA' }, true).backgroundImageURI).toBe('data:image/png;base64,AA');
    expect(parseStyle({ backgroundImageURI: 'javascript:alert(1)' }, true).backgroundImageURI).toBeUndefined();
  });
});

describe('initialsOf', () => {
  it('takes the first letters of up to two words', () => {
    expect(initialsOf('ada lovelace byron')).toBe('AL');
    expect(initialsOf('Bob')).toBe('B');
    expect(initialsOf(undefined)).toBe('');
    expect(initialsOf('Ada', 'xyz')).toBe('XY');
  });
});

describe('media options', () => {
  it('parses sources', () => {
    expect(parseSource(undefined, true)).toEqual({ kind: 'default' });
    expect(parseSource(null, true)).toEqual({ kind: 'none' });
    expect(parseSource(false, true)).toEqual({ kind: 'none' });
    expect(parseSource('abc', true)).toEqual({ kind: 'device', deviceId: 'abc' });
    expect(parseSource('screen', true)).toEqual({ kind: 'screen' });
    expect(parseSource('screen', false)).toEqual({ kind: 'device', deviceId: 'screen' });
    const track = { kind: 'video', readyState: 'live' } as unknown as MediaStreamTrack;
    expect(parseSource(track, true)).toEqual({ kind: 'track', track });
    expect(() => parseSource(42, true)).toThrow(OTError);
  });

  it('builds camera constraints from resolution, frame rate and facing mode', () => {
    expect(videoConstraints({ resolution: '1280x720', frameRate: 15, facingMode: 'environment' })).toEqual({
      width: { ideal: 1280 }, height: { ideal: 720 }, frameRate: { ideal: 15 }, facingMode: { ideal: 'environment' },
    });
    expect(videoConstraints({ facingMode: 'user' }, 'cam2')).toEqual({ width: { ideal: 640 }, height: { ideal: 480 }, deviceId: { exact: 'cam2' } });
    expect(videoConstraints({ frameRate: 12 }).frameRate).toBeUndefined();
  });

  it('builds microphone constraints with processing on unless disabled', () => {
    expect(audioConstraints({ noiseSuppression: false }, 'mic')).toEqual({ echoCancellation: true, noiseSuppression: false, autoGainControl: true, deviceId: { exact: 'mic' } });
  });
});

describe('rtcConfiguration', () => {
  const turn = [{ urls: ['turn:127.0.0.1:3478'], username: 'u', credential: 'c' }];

  it('uses the server ICE servers plus custom ones by default', () => {
    const c = rtcConfiguration(turn, { customServers: [{ urls: 'stun:x' }] });
    expect(c.iceServers).toHaveLength(2);
    expect(c.iceTransportPolicy).toBe('all');
  });

  it('custom only and relay policy', () => {
    const c = rtcConfiguration(turn, { includeServers: 'custom', transportPolicy: 'relay', customServers: [{ urls: 'turn:y', username: 'a', credential: 'b' }] });
    expect(c.iceServers).toEqual([{ urls: 'turn:y', username: 'a', credential: 'b' }]);
    expect(c.iceTransportPolicy).toBe('relay');
  });
});

describe('validateSignal', () => {
  it('accepts a typed string signal and serialises objects', () => {
    expect(validateSignal({ type: 'chat', data: 'hi' })).toEqual({ type: 'chat', data: 'hi' });
    expect(validateSignal({ data: { a: 1 } })).toEqual({ type: undefined, data: '{"a":1}' });
    expect(validateSignal({})).toEqual({ type: undefined, data: '' });
  });

  it('refuses a bad type with 400 and a long one with 413', () => {
    expect((validateSignal({ type: 'bad type!' }) as OTError).code).toBe(400);
    expect((validateSignal({ type: 'x'.repeat(129) }) as OTError).code).toBe(413);
    expect(validateSignal({ type: 'x'.repeat(128) })).not.toBeInstanceOf(OTError);
  });

  it('refuses null data with 400 and long data with 413', () => {
    expect((validateSignal({ data: null }) as OTError).code).toBe(400);
    expect((validateSignal({ data: 'x'.repeat(8193) }) as OTError).code).toBe(413);
    expect(validateSignal({ data: 'x'.repeat(8192) })).not.toBeInstanceOf(OTError);
  });
});

describe('frameRateOption', () => {
  it('keeps the frame rates OpenTok allows and drops anything else', () => {
    // Announced as the stream's frameRate, 12.5 failed the whole publish: the server binds an integer.
    expect(frameRateOption({ frameRate: 15 })).toBe(15);
    expect(frameRateOption({ frameRate: 1 })).toBe(1);
    expect(frameRateOption({ frameRate: 12.5 })).toBeNull();
    expect(frameRateOption({ frameRate: 0 })).toBeNull();
    expect(frameRateOption({ frameRate: 1000 })).toBeNull();
    expect(frameRateOption({ frameRate: '30' })).toBeNull();
    expect(frameRateOption({})).toBeNull();
  });
});
