import { describe, expect, it } from 'vitest';
import { Collection } from './Collection';

interface Item { id: string; kind: string }

describe('Collection', () => {
  const make = () => {
    const c = new Collection<Item>((i) => i.id);
    c.add({ id: 'a', kind: 'camera' });
    c.add({ id: 'b', kind: 'screen' });
    c.add({ id: 'c', kind: 'camera' });
    return c;
  };

  it('has length() as a method', () => {
    expect(make().length()).toBe(3);
  });

  it('finds by id, predicate and fields', () => {
    const c = make();
    expect(c.find('b')?.kind).toBe('screen');
    expect(c.find((i) => i.kind === 'camera')?.id).toBe('a');
    expect(c.find({ kind: 'screen' })?.id).toBe('b');
    expect(c.find('zzz')).toBeUndefined();
    expect(c.find()?.id).toBe('a');
  });

  it('where returns every match', () => {
    expect(make().where({ kind: 'camera' }).map((i) => i.id)).toEqual(['a', 'c']);
  });

  it('adding the same id replaces, remove by item or id', () => {
    const c = make();
    c.add({ id: 'a', kind: 'custom' });
    expect(c.length()).toBe(3);
    expect(c.get('a')?.kind).toBe('custom');
    c.remove('a');
    c.remove(c.get('b')!);
    expect(c.toArray().map((i) => i.id)).toEqual(['c']);
  });

  it('forEach tolerates removal while iterating', () => {
    const c = make();
    c.forEach((i) => c.remove(i));
    expect(c.length()).toBe(0);
  });
});
