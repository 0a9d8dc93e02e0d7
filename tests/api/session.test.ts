/**
 * Accounts over HTTP: logging in and out, the session cookie's attributes, one message for every
 * failed login, the lockout back-off and the rate limit, CSRF protection of cookie-authenticated
 * writes, the security headers, logs without secrets, and a shutdown that lets requests finish.
 */
import { Writable } from 'node:stream';
import { count } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPlanSummary } from '../../src/db/plan-repository.ts';
import { auditEvents } from '../../src/db/schema.ts';
import { lockSeconds } from '../../src/domain/login-backoff.ts';
import { buildServer, type ServerOptions } from '../../src/http/server.ts';
import { login } from '../../src/services/auth-service.ts';
import { aPlan } from '../helpers/plan-builder.ts';
import { draftKey, password, startApi, type Api } from './harness.ts';

const wrongLogin = 'Fel användarnamn eller lösenord';
const csrfMessage = 'Begäran saknar giltig CSRF-token (rubriken X-CSRF-Token); ladda om sidan och försök igen';

interface LoggedIn {
  /** The Cookie header to send back: "styrkort_session=…". */
  cookie: string;
  sessionId: string;
  csrfToken: string;
  setCookie: string;
}

/** Logs in over HTTP the way a browser does and keeps what the server sent. */
async function logIn(app: FastifyInstance, username: string, secret = password): Promise<LoggedIn> {
  const response = await app.inject({ method: 'POST', url: '/api/session', payload: { username, password: secret } });
  if (response.statusCode !== 200) throw new Error(`inloggning misslyckades: ${response.body}`);
  const setCookie = String(response.headers['set-cookie']);
  const cookie = setCookie.split(';')[0]!;
  return { cookie, sessionId: cookie.slice(cookie.indexOf('=') + 1), csrfToken: response.json().csrfToken, setCookie };
}

const attributes = (setCookie: string) => setCookie.split(';').slice(1).map((part) => part.trim());

describe('accounts and sessions', () => {
  let api: Api;
  const extraServers: FastifyInstance[] = [];

  /** Another server on the same database: its own rate limiter, logger or cookie setting. */
  async function server(options: Partial<ServerOptions> = {}, beforeReady?: (app: FastifyInstance) => void): Promise<FastifyInstance> {
    const app = buildServer({ db: api.database.db, ...options });
    beforeReady?.(app);
    extraServers.push(app);
    await app.ready();
    return app;
  }

  async function auditCount(): Promise<number> {
    const [row] = await api.database.db.select({ n: count() }).from(auditEvents);
    return row!.n;
  }

  beforeAll(async () => {
    api = await startApi('pglite', { demo: false });
  });
  afterAll(async () => {
    for (const app of extraServers) await app.close();
    await api.close();
  });

  describe('logging in and out', () => {
    it('logs in, says who is logged in, and logs out', async () => {
      const session = await logIn(api.app, 'redaktor-ifo');
      const me = await api.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: session.cookie } });
      expect(me.statusCode).toBe(200);
      expect(me.json()).toMatchObject({ user: { username: 'redaktor-ifo', role: 'redaktör', unitKey: 'ifo' }, csrfToken: session.csrfToken });
      expect(me.body).not.toContain(session.sessionId);

      const out = await api.app.inject({ method: 'DELETE', url: '/api/session', headers: { cookie: session.cookie } });
      expect(out.statusCode).toBe(204);
      expect(attributes(String(out.headers['set-cookie']))).toEqual(expect.arrayContaining(['Path=/', 'HttpOnly', 'SameSite=Lax']));
      expect(String(out.headers['set-cookie'])).toMatch(/^styrkort_session=;.*(Max-Age=0|Expires=Thu, 01 Jan 1970)/);

      const after = await api.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: session.cookie } });
      expect(after.statusCode).toBe(401);
      expect(after.json()).toMatchObject({ code: 'unauthenticated', message: 'Du är inte inloggad' });
    });

    it('sets the session cookie HttpOnly, SameSite=Lax, Path=/, for eight hours, and not Secure without TLS', async () => {
      const { setCookie, sessionId } = await logIn(api.app, 'lasare');
      expect(sessionId.length).toBeGreaterThanOrEqual(40);
      expect(attributes(setCookie).sort()).toEqual(['HttpOnly', 'Max-Age=28800', 'Path=/', 'SameSite=Lax']);
    });

    it('marks the cookie Secure behind TLS: buildServer({ secureCookies: true }) or STYRKORT_SECURE_COOKIES=1', async () => {
      const tls = await server({ secureCookies: true });
      expect(attributes((await logIn(tls, 'lasare')).setCookie)).toEqual(expect.arrayContaining(['Secure', 'HttpOnly', 'SameSite=Lax', 'Path=/']));
      const previous = process.env.STYRKORT_SECURE_COOKIES;
      process.env.STYRKORT_SECURE_COOKIES = '1';
      try {
        const fromEnvironment = await server();
        expect(attributes((await logIn(fromEnvironment, 'lasare')).setCookie)).toContain('Secure');
      } finally {
        if (previous === undefined) delete process.env.STYRKORT_SECURE_COOKIES;
        else process.env.STYRKORT_SECURE_COOKIES = previous;
      }
    });

    it('gives the same answer for a wrong password and an unknown user', async () => {
      const wrongPassword = await api.anonymous.send('POST', '/api/session', { username: 'ledning-ifo', password: 'fel-lösenord-helt-och-hållet' });
      const unknownUser = await api.anonymous.send('POST', '/api/session', { username: 'ingen-sadan-anvandare', password });
      for (const response of [wrongPassword, unknownUser]) {
        expect(response.statusCode).toBe(401);
        expect(response.json()).toEqual({ code: 'unauthenticated', message: wrongLogin, problems: [] });
        expect(response.headers['set-cookie']).toBeUndefined();
      }
    });
  });

  describe('lockout and rate limit', () => {
    it('allows five failed logins, then locks for 30 s, doubling with each further failure up to an hour', async () => {
      // A fixed clock, a day back, moved by hand.
      const start = Math.floor(Date.now() / 1000) * 1000 - 86_400_000;
      const at = (seconds: number) => new Date(start + seconds * 1000);
      const attempt = (seconds: number, secret: string) => login(api.database.db, { username: 'redaktor-sn', password: secret, now: at(seconds) });
      const locked = (seconds: number) => ({ code: 'unauthenticated', message: `För många misslyckade inloggningar. Försök igen om ${seconds} sekunder.` });

      for (let failure = 1; failure <= 5; failure++) await expect(attempt(0, 'fel-lösenord')).rejects.toMatchObject({ message: wrongLogin });
      await expect(attempt(1, password)).rejects.toMatchObject(locked(29));
      await expect(attempt(29, password)).rejects.toMatchObject(locked(1));
      await expect(attempt(30, 'fel-lösenord')).rejects.toMatchObject({ message: wrongLogin }); // the sixth failure: 60 s
      await expect(attempt(31, password)).rejects.toMatchObject(locked(59));
      await expect(attempt(90, 'fel-lösenord')).rejects.toMatchObject({ message: wrongLogin }); // the seventh: 120 s
      await expect(attempt(209, password)).rejects.toMatchObject(locked(1));
      await expect(attempt(210, password)).resolves.toMatchObject({ user: { username: 'redaktor-sn' } });
      // A success starts the count over: one failure does not lock.
      await expect(attempt(211, 'fel-lösenord')).rejects.toMatchObject({ message: wrongLogin });
      await expect(attempt(212, password)).resolves.toMatchObject({ user: { username: 'redaktor-sn' } });

      expect([1, 2, 3, 4, 5, 6, 7, 8, 12, 13, 40].map(lockSeconds)).toEqual([0, 0, 0, 0, 30, 60, 120, 240, 3600, 3600, 3600]);
    });

    it('tells the user over HTTP how long the account is locked, even for the right password', async () => {
      const app = await server();
      const send = (secret: string) => app.inject({ method: 'POST', url: '/api/session', payload: { username: 'ekonom-sn', password: secret } });
      for (let failure = 1; failure <= 5; failure++) expect((await send('fel-lösenord')).json().message).toBe(wrongLogin);
      const response = await send(password);
      expect(response.statusCode).toBe(401);
      // The lock starts when the fifth attempt is counted; on a loaded machine some seconds pass before the sixth.
      const [, seconds] = /^För många misslyckade inloggningar\. Försök igen om (\d+) sekunder\.$/.exec(response.json().message) ?? [];
      expect(Number(seconds)).toBeGreaterThan(0);
      expect(Number(seconds)).toBeLessThanOrEqual(30);
      expect(response.headers['set-cookie']).toBeUndefined();
    });

    it('limits login requests to 20 a minute, in Swedish', async () => {
      const app = await server();
      const send = () => app.inject({ method: 'POST', url: '/api/session', payload: {} });
      for (let request = 1; request <= 20; request++) expect((await send()).statusCode).toBe(400);
      const limited = await send();
      expect(limited.statusCode).toBe(429);
      expect(limited.json()).toMatchObject({ code: 'rate-limited', message: expect.stringMatching(/^För många försök; vänta \d+ sekunder$/) });
      expect(limited.headers['retry-after']).toBeDefined();
    });
  });

  describe('CSRF protection', () => {
    const indicatorUrl = `/api/plans/${draftKey}/indicators/st-1.2.1`;
    let editor: LoggedIn;
    let indicator: Record<string, unknown>;

    beforeAll(async () => {
      editor = await logIn(api.app, 'admin');
      indicator = (await api.app.inject({ method: 'GET', url: indicatorUrl, headers: { cookie: editor.cookie } })).json();
    });

    const state = async () => ({ plan: (await api.app.inject({ method: 'GET', url: `/api/plans/${draftKey}`, headers: { cookie: editor.cookie } })).body, audit: await auditCount() });
    const change = (headers: Record<string, string>) =>
      api.app.inject({ method: 'PUT', url: indicatorUrl, payload: { ...indicator, unit: 'procent' }, headers: { cookie: editor.cookie, 'if-match': '"1"', ...headers } });

    it.each([
      ['without X-CSRF-Token', {}],
      ['with a wrong X-CSRF-Token', { 'x-csrf-token': 'gissat-värde' }],
      ['with an empty X-CSRF-Token', { 'x-csrf-token': '' }],
    ])('refuses a cookie-authenticated write %s and changes nothing', async (_, headers: Record<string, string>) => {
      const before = await state();
      const response = await change(headers);
      expect(response.statusCode).toBe(403);
      expect(response.json()).toEqual({ code: 'forbidden', message: csrfMessage, problems: [] });
      expect(await state()).toEqual(before);
    });

    it("refuses another session's token", async () => {
      const other = await logIn(api.app, 'ledning-sn');
      const before = await state();
      expect((await change({ 'x-csrf-token': other.csrfToken })).statusCode).toBe(403);
      expect(await state()).toEqual(before);
    });

    it('protects every kind of write: import, delete and workflow steps', async () => {
      const before = await state();
      const headers = { cookie: editor.cookie, 'if-match': '"1"' };
      const attempts = await Promise.all([
        api.app.inject({ method: 'POST', url: '/api/plans', payload: aPlan({ plan: { key: 'csrf-plan-2020-2022' } }), headers }),
        api.app.inject({ method: 'DELETE', url: `/api/plans/${draftKey}`, headers }),
        api.app.inject({ method: 'POST', url: `/api/plans/${draftKey}/submit`, payload: {}, headers }),
        api.app.inject({ method: 'PATCH', url: `/api/plans/${draftKey}`, payload: { title: 'Kapad' }, headers }),
      ]);
      expect(attempts.map((response) => response.statusCode)).toEqual([403, 403, 403, 403]);
      expect(await state()).toEqual(before);
    });

    it('accepts the write with the session’s token', async () => {
      const response = await change({ 'x-csrf-token': editor.csrfToken });
      expect(response.statusCode).toBe(200);
      expect(response.json().unit).toBe('procent');
    });
  });

  describe('security headers', () => {
    it.each([
      ['a JSON answer', '/api/health', 200],
      ['an error', '/api/session', 401],
      ['a page that does not exist', '/api/finns-inte', 404],
      ['the API docs', '/api/docs', 200],
    ])('sets them on %s', async (_, url, status) => {
      const response = await api.anonymous.get(url);
      expect(response.statusCode).toBe(status);
      const csp = String(response.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toMatch(/^(DENY|SAMEORIGIN)$/);
      expect(response.headers['strict-transport-security']).toMatch(/^max-age=\d{6,}/);
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['x-powered-by']).toBeUndefined();
    });
  });

  describe('logs', () => {
    function captured(): { lines: string[]; stream: Writable } {
      const lines: string[] = [];
      const stream = new Writable({
        write(chunk, _encoding, done) {
          lines.push(String(chunk));
          done();
        },
      });
      return { lines, stream };
    }

    async function exercise(app: FastifyInstance): Promise<string[]> {
      const secrets = ['fel-lösenord-i-loggen', password];
      await app.inject({ method: 'POST', url: '/api/session', payload: { username: 'ledning-ifo', password: 'fel-lösenord-i-loggen' } });
      const session = await logIn(app, 'ekonom-ifo');
      const headers = { cookie: session.cookie, 'x-csrf-token': session.csrfToken };
      await app.inject({ method: 'GET', url: '/api/session', headers });
      await app.inject({ method: 'PATCH', url: `/api/plans/${draftKey}`, payload: { title: 'x' }, headers: { ...headers, 'if-match': '"1"' } });
      await app.inject({ method: 'DELETE', url: '/api/session', headers });
      return [...secrets, session.sessionId, session.csrfToken];
    }

    it('writes request lines without passwords, session ids or CSRF tokens', async () => {
      const { lines, stream } = captured();
      const app = await server({ logger: { level: 'info', stream } });
      const secrets = await exercise(app);
      const log = lines.join('');
      expect(lines.length).toBeGreaterThanOrEqual(10);
      expect(log).toContain('"url":"/api/session"');
      for (const secret of secrets) expect(log).not.toContain(secret);
    });

    it('redacts the cookie and the CSRF token even when request headers are logged', async () => {
      const { lines, stream } = captured();
      const serializers = { req: (request: { method: string; url: string; headers: Record<string, unknown> }) => ({ method: request.method, url: request.url, headers: request.headers }) };
      const app = await server({ logger: { level: 'info', stream, serializers } });
      const secrets = await exercise(app);
      const log = lines.join('');
      expect(log).toContain('"cookie":"[Redacted]"');
      expect(log).toContain('"x-csrf-token":"[Redacted]"');
      for (const secret of secrets) expect(log).not.toContain(secret);
    });
  });

  describe('shutdown', () => {
    it('lets a request in flight finish when the server closes, and then takes no more', async () => {
      let arrived!: () => void;
      const inHandler = new Promise<void>((resolve) => (arrived = resolve));
      const app = buildServer({ db: api.database.db });
      app.addHook('preHandler', async (request) => {
        if (request.method === 'POST' && request.url === '/api/plans') arrived();
      });
      const address = await app.listen({ port: 0, host: '127.0.0.1' });
      const session = await login(api.database.db, { username: 'admin', password });
      // A big import (about 2 MB) keeps the request busy while the server closes.
      const footnotes = Array.from({ length: 1100 }, (_, i) => ({ key: `fn-${i}`, mark: String(i % 100), text: 'Uppgiften avser helår. '.repeat(80) }));
      const pending = fetch(`${address}/api/plans`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: `styrkort_session=${session.id}`, 'x-csrf-token': session.csrfToken },
        body: JSON.stringify(aPlan({ plan: { key: 'stangning-2020-2022' }, footnotes })),
      });
      let answered = false;
      void pending.then(() => (answered = true), () => undefined);
      await inHandler;
      expect(answered).toBe(false);
      const closing = app.close();
      const response = await pending;
      expect(response.status).toBe(201);
      expect(await response.json()).toMatchObject({ key: 'stangning-2020-2022', outcome: 'created' });
      await closing;
      expect(await findPlanSummary(api.database.db, 'stangning-2020-2022')).toMatchObject({ status: 'draft' });
      await expect(fetch(`${address}/api/health`)).rejects.toThrow();
    });
  });
});
