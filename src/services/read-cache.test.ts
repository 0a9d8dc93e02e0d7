import { describe, expect, it } from 'vitest';
import { cacheBytesFromEnv, RepresentationCache, type Representation } from './read-cache.ts';

const of = (text: string): Representation => ({ body: Buffer.from(text), contentType: 'text/plain', etag: `"${text.length}"` });

describe('RepresentationCache', () => {
  it('builds a representation once and serves the same bytes after', async () => {
    const cache = new RepresentationCache(100);
    let builds = 0;
    const build = async () => ((builds += 1), of('plan'));
    const first = await cache.get('a', build);
    const second = await cache.get('a', build);
    expect(builds).toBe(1);
    expect(second.body).toBe(first.body);
  });

  it('shares one build among requests that miss the same key at once', async () => {
    const cache = new RepresentationCache(100);
    let builds = 0;
    const build = () => new Promise<Representation>((resolve) => setTimeout(() => resolve(((builds += 1), of('x'))), 10));
    await Promise.all([cache.get('k', build), cache.get('k', build), cache.get('k', build)]);
    expect(builds).toBe(1);
  });

  it('lets the least recently used go once the bytes pass the bound', async () => {
    const cache = new RepresentationCache(10);
    await cache.get('a', async () => of('aaaa'));
    await cache.get('b', async () => of('bbbb'));
    await cache.get('a', async () => of('never'));
    await cache.get('c', async () => of('cccc'));
    expect(cache.size).toBe(8);
    let rebuilt: string[] = [];
    await cache.get('a', async () => ((rebuilt = [...rebuilt, 'a']), of('aaaa')));
    await cache.get('b', async () => ((rebuilt = [...rebuilt, 'b']), of('bbbb')));
    expect(rebuilt).toEqual(['b']);
  });

  it('keeps neither failed builds nor representations larger than the whole cache', async () => {
    const cache = new RepresentationCache(4);
    await expect(cache.get('bad', async () => Promise.reject(new Error('nej')))).rejects.toThrow('nej');
    expect((await cache.get('bad', async () => of('ok'))).body.toString()).toBe('ok');
    await cache.get('big', async () => of('0123456789'));
    expect(cache.size).toBe(2);
  });

  it('reads its bound from STYRKORT_READ_CACHE_MB (0 keeps nothing)', () => {
    expect(cacheBytesFromEnv('0')).toBe(0);
    expect(cacheBytesFromEnv('2')).toBe(2 * 1024 * 1024);
    expect(cacheBytesFromEnv(undefined)).toBe(32 * 1024 * 1024);
    expect(cacheBytesFromEnv('mycket')).toBe(32 * 1024 * 1024);
  });
});
