/**
 * The base of every event the SDK dispatches: `type`, `target`, `cancelable`, and a default action that a
 * handler can cancel with `preventDefault()` (e.g. a Session `streamDestroyed` removing the subscriber widgets).
 * Event-specific fields (stream, reason, data, …) are plain properties on the event.
 */
export class OTEvent {
  readonly type: string;
  readonly cancelable: boolean;
  target: unknown;
  private defaultPrevented = false;

  constructor(type: string, target: unknown = undefined, cancelable = false) {
    this.type = type;
    this.target = target;
    this.cancelable = cancelable;
  }

  preventDefault(): void {
    if (this.cancelable) this.defaultPrevented = true;
  }

  isDefaultPrevented(): boolean {
    return this.defaultPrevented;
  }
}

/** An event that carries extra fields (`stream`, `reason`, `connection`, …). */
export function makeEvent<F extends object>(type: string, target: unknown, fields: F, cancelable = false): OTEvent & F {
  return Object.assign(new OTEvent(type, target, cancelable), fields);
}
