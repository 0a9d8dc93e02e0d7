/** Serving the built web app, in-process: files, cache headers, gzip, the app's fallback page and the API's 404. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerWebApp } from './web-app.ts';

const root = mkdtempSync(join(tmpdir(), 'styrkort-web-'));
const script = 'console.log("styrkort");'.repeat(100);
let app: FastifyInstance;

beforeAll(async () => {
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><html lang="sv"><div id="root"></div></html>');
  writeFileSync(join(root, 'assets', 'index-abc123.js'), script);
  writeFileSync(join(root, 'assets', 'index-abc123.js.gz'), gzipSync(script));
  writeFileSync(join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(tmpdir(), 'styrkort-secret.txt'), 'hemligt');
  app = Fastify();
  app.get('/api/plans', async () => ({ plans: [] }));
  await app.register(registerWebApp, { root });
});
afterAll(async () => {
  await app.close();
  rmSync(root, { recursive: true, force: true });
  rmSync(join(tmpdir(), 'styrkort-secret.txt'), { force: true });
});

describe('the web app', () => {
  it('serves a page of the app at any path outside /api, revalidated on every visit', async () => {
    for (const url of ['/', '/planer/timra-sn-2020-2022', '/planer/timra-sn-2020-2022/styrkort?period=2020', '/tillganglighet', '/finns/inte']) {
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.body).toContain('<div id="root">');
    }
    const etag = (await app.inject({ url: '/' })).headers.etag as string;
    expect((await app.inject({ url: '/', headers: { 'if-none-match': etag } })).statusCode).toBe(304);
  });

  it('serves hashed assets for a year, gzipped when the browser takes gzip', async () => {
    const plain = await app.inject({ url: '/assets/index-abc123.js' });
    expect(plain.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
    const gzipped = await app.inject({ url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'gzip, br' } });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.headers.vary).toBe('accept-encoding');
    expect(gzipped.rawPayload.length).toBeLessThan(script.length);
    const icon = await app.inject({ url: '/favicon.svg' });
    expect(icon.headers['content-type']).toBe('image/svg+xml');
  });

  it('answers a missing file, an unknown API path and a way out of the folder with 404', async () => {
    expect((await app.inject({ url: '/assets/finns-inte.js' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/api/finns-inte' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/api/plans' })).json()).toEqual({ plans: [] });
    for (const url of ['/../styrkort-secret.txt', '/%2e%2e/styrkort-secret.txt', '/assets/..%2f..%2fstyrkort-secret.txt']) {
      const response = await app.inject({ url });
      expect(response.body, url).not.toContain('hemligt');
    }
  });

  it('says how to build the app when it is not built', async () => {
    const bare = Fastify();
    await bare.register(registerWebApp, { root: join(root, 'saknas') });
    const response = await bare.inject({ url: '/' });
    expect(response.statusCode).toBe(503);
    expect(response.body).toContain('npm run build');
    await bare.close();
  });
});
