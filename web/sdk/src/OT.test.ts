import { describe, expect, it } from 'vitest';
import { initPublisher, initSession, sessions } from './OT';

describe('OT.initSession', () => {
  it('returns the same Session for the same session id and keeps it in OT.sessions', () => {
    const a = initSession('47000001', '1_session-a');
    const b = initSession('47000001', '1_session-a');
    expect(b).toBe(a);
    expect(a.sessionId).toBe('1_session-a');
    expect(a.id).toBe('1_session-a');
    expect(a.apiKey).toBe('47000001');
    expect(sessions.find('1_session-a')).toBe(a);
    expect(a.isConnected()).toBe(false);
    expect(a.connection).toBeUndefined();
    expect(a.capabilities).toBeUndefined();
    expect(a.connections.length()).toBe(0);
  });

  it('accepts the legacy one-argument form (the argument is the session id)', () => {
    const s = initSession('1_session-b');
    expect(s.sessionId).toBe('1_session-b');
    expect(s.apiKey).toBe('');
  });

  it('stringifies a numeric API key', () => {
    expect(initSession(47000001, '1_session-c').apiKey).toBe('47000001');
  });

  it('fails connect without an API key with 1004 and without a token with 1004', async () => {
    const noKey = initSession('1_session-d');
    const err = await new Promise<{ code: number; name: string } | undefined>((resolve) => noKey.connect('token', (e) => resolve(e)));
    expect(err?.code).toBe(1004);
    expect(err?.name).toBe('OT_AUTHENTICATION_ERROR');
    const noToken = initSession('47000001', '1_session-e');
    const err2 = await new Promise<{ code: number } | undefined>((resolve) => noToken.connect('', (e) => resolve(e)));
    expect(err2?.code).toBe(1004);
  });

  it('has OpenTok\'s promise form connect.promise, bound to its session, rejecting with the connect error', async () => {
    const noKey = initSession('1_session-g');
    const { promise } = noKey.connect;
    const err = await promise('token').then(() => undefined, (e: { code: number; name: string }) => e);
    expect(err?.code).toBe(1004);
    expect(err?.name).toBe('OT_AUTHENTICATION_ERROR');
    const noToken = initSession('47000001', '1_session-h');
    expect(noToken.connect.promise).not.toBe(noKey.connect.promise);
    await expect(noToken.connect.promise('')).rejects.toMatchObject({ code: 1004 });
    expect(typeof initPublisher.promise).toBe('function');
  });

  it('refuses publish and signal before connect (1010 / 500)', async () => {
    const s = initSession('47000001', '1_session-f');
    const signalError = await s.signal({ type: 'chat', data: 'x' }).then(() => undefined, (e: { code: number }) => e);
    expect(signalError?.code).toBe(500);
    const forceError = await s.forceDisconnect('c1').then(() => undefined, (e: { code: number }) => e);
    expect(forceError?.code).toBe(1010);
  });
});
