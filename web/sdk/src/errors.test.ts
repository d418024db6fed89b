import { describe, expect, it } from 'vitest';
import { OTError, mediaError, nameForCode, otError, titleForCode } from './errors';

describe('OT errors', () => {
  it('names server refusal codes the way OpenTok does', () => {
    expect(nameForCode(1004)).toBe('OT_AUTHENTICATION_ERROR');
    expect(nameForCode(1005)).toBe('OT_INVALID_SESSION_ID');
    expect(nameForCode(1006)).toBe('OT_CONNECT_FAILED');
    expect(nameForCode(1010)).toBe('OT_NOT_CONNECTED');
    expect(nameForCode(1011)).toBe('OT_INVALID_PARAMETER');
    expect(nameForCode(1500)).toBe('OT_PERMISSION_DENIED');
    expect(nameForCode(1501)).toBe('OT_UNABLE_TO_SUBSCRIBE');
    expect(nameForCode(1520)).toBe('OT_PERMISSION_DENIED');
    expect(nameForCode(1530)).toBe('OT_PERMISSION_DENIED');
    expect(nameForCode(1535)).toBe('OT_PERMISSION_DENIED');
    expect(nameForCode(1540)).toBe('OT_PERMISSION_DENIED');
    expect(nameForCode(1553)).toBe('OT_ICE_WORKFLOW_FAILED');
    expect(nameForCode(1554)).toBe('OT_ICE_WORKFLOW_FAILED');
    expect(nameForCode(413)).toBe('OT_INVALID_PARAMETER');
    expect(nameForCode(404)).toBe('OT_NOT_FOUND');
  });

  it('unknown codes fall back to an internal error name', () => {
    expect(nameForCode(9999)).toBe('OT_INTERNAL_ERROR');
    expect(titleForCode(9999)).toBe('Error');
  });

  it('is an Error with name, message and code', () => {
    const e = otError(1004, 'bad token');
    expect(e).toBeInstanceOf(Error);
    expect(e).toBeInstanceOf(OTError);
    expect(e.name).toBe('OT_AUTHENTICATION_ERROR');
    expect(e.message).toBe('bad token');
    expect(e.code).toBe(1004);
  });

  it('maps getUserMedia failures to OT media names under 1500', () => {
    const denied = mediaError(Object.assign(new Error('denied'), { name: 'NotAllowedError' }));
    expect(denied.name).toBe('OT_USER_MEDIA_ACCESS_DENIED');
    expect(denied.code).toBe(1500);
    expect(mediaError({ name: 'NotFoundError', message: '' }).name).toBe('OT_NO_DEVICES_FOUND');
    expect(mediaError({ name: 'NotReadableError' }).name).toBe('OT_HARDWARE_UNAVAILABLE');
    expect(mediaError({ name: 'OverconstrainedError' }).name).toBe('OT_CONSTRAINTS_NOT_SATISFIED');
    expect(mediaError('weird').name).toBe('OT_UNABLE_TO_CAPTURE_MEDIA');
  });
});
