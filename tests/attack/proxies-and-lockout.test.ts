/**
 * Issue 10, defects 7 and 12, over HTTP. Defect 7: five wrong passwords from anywhere locked the
 * real user out. Defect 12: with STYRKORT_TRUST_PROXY=1 any client-sent X-Forwarded-For was
 * believed — also the "spoofed, real" form an appending proxy produces — so the login rate limit
 * and the lockout could be dodged by making up addresses. Connections come from chosen addresses
 * (app.inject's remoteAddress), headers are forged as an attacker would.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Database } from '../../src/db/connection.ts';
import { loginFailures } from '../../src/db/schema.ts';
import { buildServer, trustedProxiesFromEnvironment } from '../../src/http/server.ts';
import { createUser, login as loginService } from '../../src/services/auth-service.ts';
import { engines, freshDatabase } from '../helpers/databases.ts';
import { password, startApi, type Api } from '../api/harness.ts';

const wrongLogin = 'Fel användarnamn eller lösenord';

describe('trusted proxies, rate limit and lockout', () => {
  let api: Api;
  const servers: FastifyInstance[] = [];
  beforeAll(async () => {
    api = await startApi('pglite', { demo: false });
  });
  afterAll(async () => {
    for (const server of servers) await server.close();
    await api?.close();
  });

  async function serverWith(trustedProxies: string[]): Promise<FastifyInstance> {
    const app = buildServer({ db: api.database.db, trustedProxies });
    await app.ready();
    servers.push(app);
    return app;
  }

  const login = (app: FastifyInstance, options: { from: string; forwardedFor?: string; username: string; secret: string }) =>
    app.inject({
      method: 'POST',
      url: '/api/session',
      remoteAddress: options.from,
      payload: { username: options.username, password: options.secret },
      headers: options.forwardedFor ? { 'x-forwarded-for': options.forwardedFor } : {},
    });

  it('defect 12: without trusted proxies a forged X-Forwarded-For is ignored by the rate limit', async () => {
    const app = await serverWith([]);
    for (let i = 1; i <= 20; i++) {
      const response = await login(app, { from: '203.0.113.10', forwardedFor: `198.51.100.${i}`, username: 'ingen', secret: 'x' });
      expect(response.statusCode).toBe(401);
    }
    expect((await login(app, { from: '203.0.113.10', forwardedFor: '198.51.100.99', username: 'ingen', secret: 'x' })).statusCode).toBe(429);
  });

  it('defect 12: behind an appending proxy ("spoofed, real") the rightmost untrusted address is the client', async () => {
    const app = await serverWith(trustedProxiesFromEnvironment({ STYRKORT_TRUST_PROXY: '1' }));
    for (let i = 1; i <= 20; i++) {
      const response = await login(app, { from: '127.0.0.1', forwardedFor: `10.9.9.${i}, 203.0.113.20`, username: 'ingen', secret: 'x' });
      expect(response.statusCode).toBe(401);
    }
    expect((await login(app, { from: '127.0.0.1', forwardedFor: '10.9.9.99, 203.0.113.20', username: 'ingen', secret: 'x' })).statusCode).toBe(429);
    // Another real client behind the same proxy is not limited by the first one's requests.
    expect((await login(app, { from: '127.0.0.1', forwardedFor: '203.0.113.21', username: 'ingen', secret: 'x' })).statusCode).toBe(401);
  });

  it('defect 12: a client that is not a trusted proxy cannot claim to be one', async () => {
    const app = await serverWith(['10.0.0.0/8']);
    for (let i = 1; i <= 20; i++) {
      const response = await login(app, { from: '203.0.113.30', forwardedFor: `198.51.100.${i}, 10.0.0.1`, username: 'ingen', secret: 'x' });
      expect(response.statusCode).toBe(401);
    }
    expect((await login(app, { from: '203.0.113.30', forwardedFor: '198.51.100.200', username: 'ingen', secret: 'x' })).statusCode).toBe(429);
  });

  it('defect 7: five wrong passwords through a proxy lock the attacker’s address, forged headers or not, and not the user’s', async () => {
    const app = await serverWith(['10.0.0.0/8']);
    const attacker = (i: number) => ({ from: '10.0.0.2', forwardedFor: `192.0.2.${i}, 203.0.113.40, 10.0.0.3`, username: 'admin' });
    for (let i = 1; i <= 5; i++) expect((await login(app, { ...attacker(i), secret: 'gissning' })).json().message).toBe(wrongLogin);
    const locked = await login(app, { ...attacker(6), secret: password });
    expect(locked.statusCode).toBe(401);
    expect(locked.json().message).toMatch(/^För många misslyckade inloggningar\. Försök igen om \d+ sekunder\.$/);
    const user = await login(app, { from: '10.0.0.2', forwardedFor: '198.51.100.41', username: 'admin', secret: password });
    expect(user.statusCode).toBe(200);
    // Directly, not through the proxy: still the attacker's own address, still locked.
    expect((await login(app, { from: '203.0.113.40', username: 'admin', secret: password })).statusCode).toBe(401);
  });

  it('defect 12: STYRKORT_TRUSTED_PROXIES names addresses and ranges; anything else stops the server with a Swedish message', () => {
    expect(trustedProxiesFromEnvironment({})).toEqual([]);
    expect(trustedProxiesFromEnvironment({ STYRKORT_TRUST_PROXY: '1' })).toEqual(['loopback']);
    expect(trustedProxiesFromEnvironment({ STYRKORT_TRUSTED_PROXIES: '127.0.0.1, 10.0.0.0/8,fd00::/8,uniquelocal', STYRKORT_TRUST_PROXY: '1' })).toEqual(['127.0.0.1', '10.0.0.0/8', 'fd00::/8', 'uniquelocal']);
    for (const bad of ['*', 'true', '10.0.0.0/33', 'proxy.example', '10.0.0.1/8/8']) {
      expect(() => trustedProxiesFromEnvironment({ STYRKORT_TRUSTED_PROXIES: bad })).toThrow(`STYRKORT_TRUSTED_PROXIES: "${bad}" är varken en IP-adress`);
    }
  });
});

describe.each(engines)('lockout under parallel guessing (%s)', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await freshDatabase(engine);
    await createUser(database.db, { username: 'admin', password, role: 'admin', actor: 'test' });
  });
  afterAll(() => database?.close());

  it('defect 7: twelve guesses at once from one address are all counted, so the address is locked after them', async () => {
    const guesses = await Promise.allSettled(Array.from({ length: 12 }, () => loginService(database.db, { username: 'admin', password: 'gissning', source: '203.0.113.50' })));
    expect(guesses.every((guess) => guess.status === 'rejected')).toBe(true);
    const [row] = await database.db.select().from(loginFailures).where(eq(loginFailures.source, '203.0.113.50'));
    // Each guess was counted before its password was checked, or refused because the address was locked already.
    expect(row!.failures).toBeGreaterThanOrEqual(5);
    await expect(loginService(database.db, { username: 'admin', password, source: '203.0.113.50' })).rejects.toMatchObject({ message: expect.stringMatching(/^För många/) });
    await expect(loginService(database.db, { username: 'admin', password, source: '198.51.100.50' })).resolves.toMatchObject({ user: { username: 'admin' } });
  });
});
