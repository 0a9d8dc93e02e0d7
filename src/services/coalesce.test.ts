import { describe, expect, it } from 'vitest';
import { coalesced } from './coalesce.ts';

describe('coalesced', () => {
  it('answers callers who arrive during a query from the next query, which starts after they arrived', async () => {
    let stored = 1;
    const started: number[] = [];
    const read = coalesced(async (key: string) => {
      const value = `${key}:${stored}`;
      started.push(stored);
      await new Promise((resolve) => setTimeout(resolve, 20));
      return value;
    });
    const first = read('a');
    await new Promise((resolve) => setImmediate(resolve)); // the first query has started
    expect(started).toEqual([1]);
    stored = 2; // a write that finished after the first query started, before the next callers asked
    const [second, third] = [read('a'), read('a')];
    expect(await first).toBe('a:1');
    expect(await second).toBe('a:2');
    expect(await third).toBe('a:2');
    expect(started).toEqual([1, 2]);
  });

  it('answers everyone who asked in the same turn of the event loop with one query', async () => {
    let queries = 0;
    const read = coalesced(async (key: string) => ((queries += 1), key));
    await Promise.all(Array.from({ length: 20 }, () => read('a')));
    expect(queries).toBe(1);
  });

  it('keeps keys apart and passes a failure to the callers of that query only', async () => {
    const read = coalesced(async (key: string) => {
      if (key === 'bad') throw new Error('nej');
      return key.toUpperCase();
    });
    const [good, bad] = await Promise.allSettled([read('ok'), read('bad')]);
    expect(good).toEqual({ status: 'fulfilled', value: 'OK' });
    expect(bad).toMatchObject({ status: 'rejected', reason: new Error('nej') });
    expect(await read('bad').catch(() => 'again')).toBe('again');
  });
});
