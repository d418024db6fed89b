import { describe, expect, it } from 'vitest';
import { configFromAttributes, configFromUrl, resolveConfig, themeProperties } from './config';
import { format } from './strings';

describe('configuration', () => {
  it('defaults show every control with English labels', () => {
    const c = resolveConfig();
    expect(Object.values(c.controls).every(Boolean)).toBe(true);
    expect(c.strings.startCall).toBe('Start call');
    expect(c.pipCorner).toBe('bottom-right');
  });

  it('URL parameters override the page configuration', () => {
    const page = { theme: { accent: '#111111' }, pipCorner: 'top-left', displayName: 'Page' };
    const url = configFromUrl(new URLSearchParams('accent=%23e11d48&radius=4px&hide=switchCamera,stats&pip=top-right&muted=1&cameraOff=true&name=Ada&self=1&label.startCall=Los'));
    const c = resolveConfig(page, url);
    expect(c.theme.accent).toBe('#e11d48');
    expect(c.theme.radius).toBe('4px');
    expect(c.controls.switchCamera).toBe(false);
    expect(c.controls.stats).toBe(false);
    expect(c.controls.mic).toBe(true);
    expect(c.pipCorner).toBe('top-right');
    expect([c.startMuted, c.startCameraOff, c.subscribeToSelf]).toEqual([true, true, true]);
    expect(c.displayName).toBe('Ada');
    expect(c.strings.startCall).toBe('Los');
  });

  it('absent URL flags keep the page values', () => {
    const c = resolveConfig({ startMuted: true }, configFromUrl(new URLSearchParams('')));
    expect(c.startMuted).toBe(true);
  });

  it('relay-only media can be asked for by object, URL or attribute; anything else keeps the default', () => {
    expect(resolveConfig().iceTransportPolicy).toBe('all');
    expect(resolveConfig({ iceTransportPolicy: 'relay' }).iceTransportPolicy).toBe('relay');
    expect(resolveConfig(configFromUrl(new URLSearchParams('ice=relay'))).iceTransportPolicy).toBe('relay');
    expect(resolveConfig({ iceTransportPolicy: 'relay' }, configFromUrl(new URLSearchParams('ice=all'))).iceTransportPolicy).toBe('all');
    expect(resolveConfig(configFromUrl(new URLSearchParams('ice=host'))).iceTransportPolicy).toBe('all');
    expect(resolveConfig(configFromAttributes((n) => (n === 'ice-transport-policy' ? 'relay' : null))).iceTransportPolicy).toBe('relay');
  });

  it('credentials mode needs all three values', () => {
    expect(resolveConfig(configFromUrl(new URLSearchParams('apiKey=1&sessionId=2'))).credentials).toBeNull();
    expect(resolveConfig(configFromUrl(new URLSearchParams('apiKey=1&sessionId=2&token=3'))).credentials).toEqual({ apiKey: '1', sessionId: '2', token: '3' });
  });

  it('ignores unknown corners, unknown labels and CSS that could break out of a declaration', () => {
    const c = resolveConfig({ pipCorner: 'middle', strings: { nope: 'x' }, theme: { accent: 'red;} body{display:none', font: 'url(http://x)' } });
    expect(c.pipCorner).toBe('bottom-right');
    expect('nope' in c.strings).toBe(false);
    expect(c.theme.accent).not.toContain(';');
    expect(c.theme.font).not.toContain('url(');
  });

  it('turns the theme into CSS custom properties', () => {
    expect(themeProperties(resolveConfig().theme)['--duet-accent-text']).toBe('#ffffff');
  });

  it('fills string holes and leaves unknown ones visible', () => {
    expect(format('{name} is muted', { name: 'Bo' })).toBe('Bo is muted');
    expect(format('{who} left', {})).toBe('{who} left');
  });

  it('reads <duet-call> attributes with the URL parameters\' meanings', () => {
    const attributes: Record<string, string> = { room: 'standup', server: 'https://duet.example.com/', accent: '#0e9f6e', hide: 'stats', 'pip-corner': 'top-right', 'start-muted': '', 'display-name': 'Ada' };
    const input = configFromAttributes((name) => attributes[name] ?? null);
    const c = resolveConfig(input);
    expect(c.server).toBe('https://duet.example.com');
    expect(c.room).toBe('standup');
    expect(c.theme.accent).toBe('#0e9f6e');
    expect(c.controls.stats).toBe(false);
    expect(c.pipCorner).toBe('top-right');
    expect(c.startMuted).toBe(true);
    expect(c.startCameraOff).toBe(false);
    expect(c.displayName).toBe('Ada');
  });
});
