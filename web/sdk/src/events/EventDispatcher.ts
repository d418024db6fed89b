import { log } from '../logging';
import { OTEvent } from './OTEvent';

export type EventHandler<E extends OTEvent = OTEvent> = (event: E) => void;
type HandlerMap = Record<string, EventHandler<never> | undefined>;

interface Listener {
  handler: EventHandler<never>;
  context: unknown;
  once: boolean;
}

/**
 * OpenTok's dispatcher semantics (opentok-surface §1.3), shared by OT, Session, Publisher and Subscriber:
 * `on/once/off` with space-separated names or an object map, an optional context, chainable `on`, and `off()`
 * removing everything. `M` maps event names to their event types so the SDK's own dispatches are checked.
 */
export class EventDispatcher<M extends Record<string, OTEvent> = Record<string, OTEvent>> {
  private readonly listeners = new Map<string, Listener[]>();

  on<K extends keyof M & string>(type: K, handler: EventHandler<M[K]>, context?: unknown): this;
  on(type: string, handler: EventHandler<never>, context?: unknown): this;
  on(map: HandlerMap, context?: unknown): this;
  on(typeOrMap: string | HandlerMap, handlerOrContext?: unknown, context?: unknown): this {
    this.add(typeOrMap, handlerOrContext, context, false);
    return this;
  }

  once<K extends keyof M & string>(type: K, handler: EventHandler<M[K]>, context?: unknown): this;
  once(type: string, handler: EventHandler<never>, context?: unknown): this;
  once(map: HandlerMap, context?: unknown): this;
  once(typeOrMap: string | HandlerMap, handlerOrContext?: unknown, context?: unknown): this {
    this.add(typeOrMap, handlerOrContext, context, true);
    return this;
  }

  /** `off()` removes every handler; `off(type)` every handler of that type; `off(type, fn[, ctx])` one. */
  off(typeOrMap?: string | HandlerMap, handlerOrContext?: unknown, context?: unknown): this {
    if (typeOrMap === undefined) {
      this.listeners.clear();
      return this;
    }
    if (typeof typeOrMap === 'string') {
      for (const type of splitTypes(typeOrMap)) this.remove(type, handlerOrContext as EventHandler<never> | undefined, context);
      return this;
    }
    for (const [type, handler] of Object.entries(typeOrMap)) {
      for (const t of splitTypes(type)) this.remove(t, handler, handlerOrContext);
    }
    return this;
  }

  /** Legacy aliases kept by OpenTok. */
  addEventListener(type: string, handler: EventHandler<never>, context?: unknown): this {
    return this.on(type, handler, context);
  }

  removeEventListener(type: string, handler?: EventHandler<never>, context?: unknown): this {
    return this.off(type, handler, context);
  }

  /** How many handlers listen for `type` (lets costly producers such as audio meters idle). */
  listenerCount(type: string): number {
    return this.listeners.get(type)?.length ?? 0;
  }

  /** Runs the handlers registered under `listenerType` (the event's own type by default). */
  protected dispatch<K extends keyof M & string>(event: M[K], listenerType: string = event.type): M[K] {
    if (event.target === undefined) event.target = this;
    const list = this.listeners.get(listenerType);
    if (!list) return event;
    for (const listener of [...list]) {
      if (listener.once) this.removeListener(listenerType, listener);
      try {
        (listener.handler as EventHandler<M[K]>).call(listener.context ?? this, event);
      } catch (err) {
        // One failing app handler must not stop the SDK or the other handlers.
        log.error(`Error in a '${listenerType}' event handler:`, err);
      }
    }
    return event;
  }

  private add(typeOrMap: string | HandlerMap, handlerOrContext: unknown, context: unknown, once: boolean): void {
    if (typeof typeOrMap === 'string') {
      if (typeof handlerOrContext !== 'function') return;
      for (const type of splitTypes(typeOrMap)) this.push(type, { handler: handlerOrContext as EventHandler<never>, context, once });
      return;
    }
    if (typeOrMap && typeof typeOrMap === 'object') {
      for (const [types, handler] of Object.entries(typeOrMap)) {
        if (typeof handler !== 'function') continue;
        for (const type of splitTypes(types)) this.push(type, { handler, context: handlerOrContext, once });
      }
    }
  }

  private push(type: string, listener: Listener): void {
    const list = this.listeners.get(type);
    if (list) list.push(listener);
    else this.listeners.set(type, [listener]);
  }

  private remove(type: string, handler: EventHandler<never> | undefined, context: unknown): void {
    const list = this.listeners.get(type);
    if (!list) return;
    const kept = handler === undefined ? [] : list.filter((l) => l.handler !== handler || (context !== undefined && l.context !== context));
    if (kept.length) this.listeners.set(type, kept);
    else this.listeners.delete(type);
  }

  private removeListener(type: string, listener: Listener): void {
    const list = this.listeners.get(type);
    if (!list) return;
    const i = list.indexOf(listener);
    if (i >= 0) list.splice(i, 1);
    if (!list.length) this.listeners.delete(type);
  }
}

function splitTypes(types: string): string[] {
  return types.split(/\s+/).filter(Boolean);
}
