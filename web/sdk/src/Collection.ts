/**
 * OpenTok's object collections (`OT.sessions`, `session.connections`, `session.streams`, …): keyed by id,
 * with `length()` as a method (apps call `session.connections.length()`), `find`, `where` and `forEach`.
 */
export class Collection<T extends object> {
  private readonly items = new Map<string, T>();

  constructor(private readonly idOf: (item: T) => string) {}

  length(): number {
    return this.items.size;
  }

  get(id: string): T | undefined {
    return this.items.get(id);
  }

  has(id: string): boolean {
    return this.items.has(id);
  }

  add(item: T): T {
    this.items.set(this.idOf(item), item);
    return item;
  }

  remove(itemOrId: T | string): T | undefined {
    const id = typeof itemOrId === 'string' ? itemOrId : this.idOf(itemOrId);
    const item = this.items.get(id);
    this.items.delete(id);
    return item;
  }

  /** `find(id)`, `find(predicate)` or `find({prop: value})`; the first match or undefined. */
  find(query?: string | ((item: T) => boolean) | Partial<T>): T | undefined {
    if (query === undefined) return this.items.values().next().value;
    if (typeof query === 'string') return this.items.get(query);
    return this.where(query)[0];
  }

  /** Every item matching a predicate or the fields of an object. */
  where(query: ((item: T) => boolean) | Partial<T>): T[] {
    const test = typeof query === 'function' ? query : (item: T) => Object.entries(query).every(([k, v]) => (item as Record<string, unknown>)[k] === v);
    return [...this.items.values()].filter(test);
  }

  forEach(fn: (item: T, id: string) => void): void {
    for (const [id, item] of [...this.items]) fn(item, id);
  }

  map<R>(fn: (item: T) => R): R[] {
    return [...this.items.values()].map(fn);
  }

  toArray(): T[] {
    return [...this.items.values()];
  }

  clear(): void {
    this.items.clear();
  }
}
