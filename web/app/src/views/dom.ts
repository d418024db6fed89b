// A tiny element builder: h('button', { class: 'x', onclick }, 'text'). Attributes set to false/null are left out.

type Child = Node | string | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value as EventListener);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children) if (child) el.append(child);
  return el;
}

/** Sets or removes an attribute, touching the DOM only when the value changes (views update on every state change). */
export function attr(el: Element, name: string, value: string | boolean | null): void {
  const next = value === false || value === null ? null : value === true ? '' : value;
  if (el.getAttribute(name) !== next) {
    if (next === null) el.removeAttribute(name);
    else el.setAttribute(name, next);
  }
}

export function text(el: Element, value: string): void {
  if (el.textContent !== value) el.textContent = value;
}

export function show(el: HTMLElement, visible: boolean): void {
  if (el.hidden === visible) el.hidden = !visible;
}
