import { OTError } from '../errors';

export type InsertMode = 'replace' | 'append' | 'before' | 'after';

export function newWidgetId(): string {
  const uuid = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(16).slice(2)}`;
  return `OT_${uuid}`;
}

/** An element or an element id; undefined when none was given. A missing id is a 1011 error. */
export function resolveTarget(target: unknown): HTMLElement | undefined {
  if (target === undefined || target === null || target === '') return undefined;
  if (typeof target === 'string') {
    const el = document.getElementById(target);
    if (!el) throw new OTError(1011, `No element with id "${target}" to insert the widget into`);
    return el;
  }
  if (typeof HTMLElement !== 'undefined' && target instanceof HTMLElement) return target;
  throw new OTError(1011, 'The target must be an element or an element id');
}

/**
 * Places the widget root according to insertMode: 'replace' turns the target itself into the widget
 * (keeping its id), 'append' adds a child, 'before'/'after' add a sibling; no target → appended to <body>.
 */
export function placeWidget(target: HTMLElement | undefined, insertMode: unknown): HTMLElement {
  const mode: InsertMode = insertMode === 'append' || insertMode === 'before' || insertMode === 'after' ? insertMode : 'replace';
  if (!target) {
    const div = document.createElement('div');
    div.id = newWidgetId();
    document.body.appendChild(div);
    return div;
  }
  if (mode === 'replace') {
    target.replaceChildren();
    if (!target.id) target.id = newWidgetId();
    return target;
  }
  const div = document.createElement('div');
  div.id = newWidgetId();
  if (mode === 'append') target.appendChild(div);
  else if (mode === 'before') target.before(div);
  else target.after(div);
  return div;
}
