import { describe, expect, it } from 'vitest';
import { EventDispatcher } from './EventDispatcher';
import { OTEvent, makeEvent } from './OTEvent';

class Emitter extends EventDispatcher {
  fire(type: string, cancelable = false, listenerType?: string): OTEvent {
    return this.dispatch(new OTEvent(type, undefined, cancelable), listenerType);
  }
}

describe('EventDispatcher', () => {
  it('registers one handler for several space-separated names', () => {
    const e = new Emitter();
    const seen: string[] = [];
    e.on('sessionConnected  sessionReconnected', (ev) => seen.push(ev.type));
    e.fire('sessionConnected');
    e.fire('sessionReconnected');
    e.fire('other');
    expect(seen).toEqual(['sessionConnected', 'sessionReconnected']);
  });

  it('accepts an object map with a context', () => {
    const e = new Emitter();
    const ctx = { calls: 0 };
    e.on({
      a(this: typeof ctx) { this.calls++; },
      'b c'(this: typeof ctx) { this.calls += 10; },
    }, ctx);
    e.fire('a');
    e.fire('b');
    e.fire('c');
    expect(ctx.calls).toBe(21);
  });

  it('calls handlers with the context or the dispatcher as this', () => {
    const e = new Emitter();
    const ctx = {};
    let seenThis: unknown;
    let defaultThis: unknown;
    e.on('x', function (this: unknown) { seenThis = this; }, ctx);
    e.on('x', function (this: unknown) { defaultThis = this; });
    e.fire('x');
    expect(seenThis).toBe(ctx);
    expect(defaultThis).toBe(e);
  });

  it('chains on and sets the target', () => {
    const e = new Emitter();
    let target: unknown;
    expect(e.on('x', (ev) => { target = ev.target; })).toBe(e);
    e.fire('x');
    expect(target).toBe(e);
  });

  it('once runs a handler only once', () => {
    const e = new Emitter();
    let n = 0;
    e.once('x y', () => n++);
    e.fire('x');
    e.fire('x');
    e.fire('y');
    e.fire('y');
    expect(n).toBe(2);
  });

  it('off() removes everything, off(type) all of a type, off(type, fn) one', () => {
    const e = new Emitter();
    const calls: string[] = [];
    const f = () => calls.push('f');
    const g = () => calls.push('g');
    e.on('x', f).on('x', g).on('y', f);
    e.off('x', f);
    e.fire('x');
    expect(calls).toEqual(['g']);
    e.off('x');
    e.fire('x');
    expect(calls).toEqual(['g']);
    e.fire('y');
    expect(calls).toEqual(['g', 'f']);
    e.off();
    e.fire('y');
    expect(calls).toEqual(['g', 'f']);
    expect(e.listenerCount('y')).toBe(0);
  });

  it('off with a context only removes the handler registered with that context', () => {
    const e = new Emitter();
    const a = {}, b = {};
    let n = 0;
    const f = () => n++;
    e.on('x', f, a).on('x', f, b);
    e.off('x', f, a);
    e.fire('x');
    expect(n).toBe(1);
  });

  it('a throwing handler does not stop the others', () => {
    const e = new Emitter();
    let ran = false;
    e.on('x', () => { throw new Error('app bug'); });
    e.on('x', () => { ran = true; });
    e.fire('x');
    expect(ran).toBe(true);
  });

  it('preventDefault only works on cancelable events', () => {
    const e = new Emitter();
    e.on('x', (ev) => ev.preventDefault());
    expect(e.fire('x', true).isDefaultPrevented()).toBe(true);
    expect(e.fire('x', false).isDefaultPrevented()).toBe(false);
  });

  it('dispatches under another listener type keeping the event type (signal vs signal:chat)', () => {
    const e = new Emitter();
    const seen: string[] = [];
    e.on('signal', (ev) => seen.push(`signal:${ev.type}`));
    e.on('signal:chat', (ev) => seen.push(`typed:${ev.type}`));
    e.fire('signal:chat', false, 'signal');
    e.fire('signal:chat');
    expect(seen).toEqual(['signal:signal:chat', 'typed:signal:chat']);
  });

  it('makeEvent adds fields', () => {
    const ev = makeEvent('streamDestroyed', null, { reason: 'clientDisconnected' }, true);
    expect(ev.reason).toBe('clientDisconnected');
    expect(ev.cancelable).toBe(true);
  });
});
