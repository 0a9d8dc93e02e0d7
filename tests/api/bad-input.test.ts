/**
 * Bad input on representative endpoints — an item, a plan's head, a plan import, the login and the
 * audit query: wrong types, missing and unknown fields, malformed JSON, the wrong content type,
 * bodies over the limit and malformed If-Match. Each gets a 4xx with a Swedish message that names
 * the path of every problem, and nothing in the database changes.
 */
import { count } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, loginFailures, sessions } from '../../src/db/schema.ts';
import { aPlan } from '../helpers/plan-builder.ts';
import { draftKey, password, startApi, type Api, type Client } from './harness.ts';

const planUrl = `/api/plans/${draftKey}`;
const indicatorUrl = `${planUrl}/indicators/st-1.2.1`;

describe('bad input', () => {
  let api: Api;
  let admin: Client;
  let indicator: Record<string, unknown>;

  beforeAll(async () => {
    api = await startApi('pglite', { demo: false });
    admin = await api.as('admin');
    indicator = (await admin.get(indicatorUrl)).json();
  });
  afterAll(() => api.close());

  async function rows(table: typeof auditEvents | typeof sessions | typeof loginFailures): Promise<number> {
    const [row] = await api.database.db.select({ n: count() }).from(table);
    return row!.n;
  }

  /** Everything a bad request could have touched. */
  async function state() {
    return {
      plans: (await admin.get('/api/plans')).body,
      draft: (await admin.get(planUrl)).body,
      audit: await rows(auditEvents),
      sessions: await rows(sessions),
      loginFailures: await rows(loginFailures),
    };
  }

  /** Sends a request and checks that the database is as it was before. */
  async function unchanged(send: () => Promise<LightMyRequestResponse>): Promise<LightMyRequestResponse> {
    const before = await state();
    const response = await send();
    expect(await state()).toEqual(before);
    return response;
  }

  const raw = (client: Client, method: 'POST' | 'PUT' | 'PATCH', url: string, payload: string, contentType: string, headers: Record<string, string> = {}) =>
    unchanged(() => client.request({ method, url, payload, headers: { 'content-type': contentType, ...headers } }));

  const json = (client: Client, method: 'POST' | 'PUT' | 'PATCH', url: string, body: unknown, headers: Record<string, string> = {}) =>
    unchanged(() => client.send(method, url, body, headers));

  const contentTypeMessage = 'Innehållstypen stöds inte; skicka JSON (Content-Type: application/json)';
  const problemsOf = (response: LightMyRequestResponse) => response.json().problems.map(({ path, message }: { path: string; message: string }) => ({ path, message }));

  describe('an item (PUT an indicator)', () => {
    const put = (body: unknown, ifMatch = '"1"') => json(admin, 'PUT', indicatorUrl, body, { 'if-match': ifMatch });

    it('refuses wrong types, naming each field', async () => {
      const response = await put({ ...indicator, number: 121, targets: '90%' });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: 'validation', message: 'Begäran har 2 fel; ingenting har ändrats' });
      expect(problemsOf(response)).toEqual([
        { path: '$.number', message: 'Ska vara text, men är ett tal' },
        { path: '$.targets', message: 'Ska vara en lista, men är text' },
      ]);
    });

    it('refuses a missing field', async () => {
      const { name: _name, ...withoutName } = indicator;
      const response = await put(withoutName);
      expect(response.statusCode).toBe(400);
      expect(problemsOf(response)).toEqual([{ path: '$.name', message: 'Obligatoriskt fält saknas' }]);
    });

    it('refuses an unknown field instead of dropping it', async () => {
      const response = await put({ ...indicator, colour: 'grön' });
      expect(response.statusCode).toBe(400);
      expect(problemsOf(response)).toEqual([{ path: '$', message: 'Okänt fält: "colour" (stavfel, eller hör fältet hemma någon annanstans?)' }]);
    });

    it('refuses a body that is not an object, and an empty one', async () => {
      const list = await put([indicator]);
      expect(list.statusCode).toBe(400);
      expect(problemsOf(list)).toEqual([{ path: '$', message: 'Ska vara ett objekt, men är en lista' }]);
      const empty = await raw(admin, 'PUT', indicatorUrl, '', 'application/json', { 'if-match': '"1"' });
      expect(empty.statusCode).toBe(400);
      expect(empty.json().message).toBe('Kroppen är tom men innehållstypen är JSON');
    });

    it('refuses a changed key: the key is the address', async () => {
      const response = await put({ ...indicator, key: 'st-9.9.9' });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ message: 'Nyckeln kan inte ändras', problems: [{ path: '$.key' }] });
    });

    it('refuses malformed JSON', async () => {
      const response = await raw(admin, 'PUT', indicatorUrl, '{"key": "st-1.2.1", "name": ', 'application/json', { 'if-match': '"1"' });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: 'validation', message: expect.stringMatching(/^Kroppen är inte giltig JSON/) });
    });

    it('refuses a form post with 415', async () => {
      const response = await raw(admin, 'PUT', indicatorUrl, 'key=st-1.2.1&name=x', 'application/x-www-form-urlencoded', { 'if-match': '"1"' });
      expect(response.statusCode).toBe(415);
      expect(response.json()).toEqual({ code: 'unsupported-media-type', message: contentTypeMessage, problems: [] });
    });

    it('refuses JSON sent as text/plain', async () => {
      const response = await raw(admin, 'PUT', indicatorUrl, JSON.stringify(indicator), 'text/plain', { 'if-match': '"1"' });
      expect(response.statusCode).toBeGreaterThanOrEqual(400);
      expect(response.statusCode).toBeLessThan(500);
    });

    it('refuses JSON sent as text/plain with 415 and the content-type message', async () => {
      const response = await raw(admin, 'PUT', indicatorUrl, JSON.stringify(indicator), 'text/plain', { 'if-match': '"1"' });
      expect(response.statusCode).toBe(415);
      expect(response.json().message).toBe(contentTypeMessage);
    });

    it('refuses a body over 1 MB with 413', async () => {
      const response = await raw(admin, 'PUT', indicatorUrl, JSON.stringify({ ...indicator, definition: 'x'.repeat(1_100_000) }), 'application/json', { 'if-match': '"1"' });
      expect(response.statusCode).toBe(413);
      expect(response.json()).toEqual({ code: 'payload-too-large', message: 'Begäran är för stor', problems: [] });
    });

    it('requires If-Match (428) and refuses a stale version (412)', async () => {
      const missing = await json(admin, 'PUT', indicatorUrl, { ...indicator, unit: 'procent' });
      expect(missing.statusCode).toBe(428);
      expect(missing.json().message).toContain('If-Match');
      const stale = await put({ ...indicator, unit: 'procent' }, '"99"');
      expect(stale.statusCode).toBe(412);
      expect(stale.json().message).toContain('din version 99, nuvarande 1');
    });

    it.each(['1', '"abc"', '*', '"1", "2"', ''])('refuses the malformed If-Match %j and changes nothing', async (ifMatch) => {
      const response = await put({ ...indicator, unit: 'procent' }, ifMatch);
      expect([400, 412]).toContain(response.statusCode);
      expect(response.json().message).toMatch(/[åäö]/);
    });

    it('explains a malformed If-Match instead of reporting version -1', async () => {
      const response = await put({ ...indicator, unit: 'procent' }, '1');
      expect(response.json().message).toContain('If-Match');
      expect(response.json().message).not.toContain('-1');
    });
  });

  describe("a plan's head (PATCH)", () => {
    const patch = (body: unknown) => json(admin, 'PATCH', planUrl, body, { 'if-match': '"1"' });

    it('refuses wrong types and an attempt to set the status', async () => {
      const response = await patch({ title: 2020, status: 'adopted' });
      expect(response.statusCode).toBe(400);
      expect(response.json().message).toBe('Begäran har 2 fel; ingenting har ändrats');
      expect(problemsOf(response)).toEqual([
        { path: '$.title', message: 'Ska vara text, men är ett tal' },
        { path: '$', message: 'Okänt fält: "status" (stavfel, eller hör fältet hemma någon annanstans?)' },
      ]);
    });

    it('refuses an empty title and an overlong letterhead', async () => {
      const response = await patch({ title: '', letterhead: ['TIMRÅ KOMMUN', '2', '3', '4', '5', '6'] });
      expect(response.statusCode).toBe(400);
      expect(problemsOf(response)).toEqual([
        { path: '$.title', message: 'Får inte vara tom' },
        { path: '$.letterhead', message: 'Högst 5' },
      ]);
    });

    it('refuses malformed JSON, a form, and a body over 1 MB', async () => {
      expect((await raw(admin, 'PATCH', planUrl, '{"title": "x"', 'application/json', { 'if-match': '"1"' })).statusCode).toBe(400);
      expect((await raw(admin, 'PATCH', planUrl, 'title=x', 'application/x-www-form-urlencoded', { 'if-match': '"1"' })).statusCode).toBe(415);
      expect((await raw(admin, 'PATCH', planUrl, JSON.stringify({ title: 'x'.repeat(1_100_000) }), 'application/json', { 'if-match': '"1"' })).statusCode).toBe(413);
    });

    it('requires If-Match even for a valid change', async () => {
      const response = await json(admin, 'PATCH', planUrl, { title: 'Ny titel' });
      expect(response.statusCode).toBe(428);
    });
  });

  describe('a plan import (POST /api/plans)', () => {
    const importing = (body: unknown, query = '') => json(admin, 'POST', `/api/plans${query}`, body);

    it('refuses wrong types, missing and unknown fields, each with its path', async () => {
      const plan = aPlan({ plan: { key: 'dalig-plan-2020-2022' } }) as unknown as { plan: Record<string, unknown> } & Record<string, unknown>;
      const { title: _title, ...headWithoutTitle } = plan.plan;
      const response = await importing({ ...plan, plan: { ...headWithoutTitle, periodStart: '2020' }, colour: 'grön' });
      expect(response.statusCode).toBe(400);
      expect(response.json().message).toBe('Planfilen har 3 fel; ingenting har sparats');
      expect(problemsOf(response)).toEqual(
        expect.arrayContaining([
          { path: '$.plan.title', message: 'Obligatoriskt fält saknas' },
          { path: '$.plan.periodStart', message: 'Ska vara ett tal, men är text' },
          { path: '$', message: 'Okänt fält: "colour" (stavfel, eller hör fältet hemma någon annanstans?)' },
        ]),
      );
      expect((await admin.get('/api/plans/dalig-plan-2020-2022')).statusCode).toBe(404);
    });

    it('refuses a broken reference and writes nothing of the plan', async () => {
      const plan = aPlan({ plan: { key: 'dalig-plan-2020-2022' } });
      const response = await importing({ ...plan, indicators: [{ ...plan.indicators![0]!, goal: 'kf-9:9' }] });
      expect(response.statusCode).toBe(400);
      expect(problemsOf(response)).toEqual([{ path: '$.indicators[0].goal', message: 'Målet "kf-9:9" finns inte i planen' }]);
    });

    it('refuses malformed JSON and a form, and an unknown or wrong query parameter', async () => {
      const malformed = await raw(admin, 'POST', '/api/plans', '{"format": "styrkort-plan",', 'application/json');
      expect(malformed.statusCode).toBe(400);
      expect(malformed.json().message).toMatch(/^Kroppen är inte giltig JSON/);
      const form = await raw(admin, 'POST', '/api/plans', 'format=styrkort-plan', 'application/x-www-form-urlencoded');
      expect(form.statusCode).toBe(415);
      expect(form.json().message).toBe(contentTypeMessage);
      const unknown = await importing(aPlan({ plan: { key: 'dalig-plan-2020-2022' } }), '?overwrite=true');
      expect(unknown.statusCode).toBe(400);
      expect(problemsOf(unknown)).toEqual([{ path: 'querystring:$', message: 'Okänt fält: "overwrite" (stavfel, eller hör fältet hemma någon annanstans?)' }]);
      const replace = await importing(aPlan({ plan: { key: 'dalig-plan-2020-2022' } }), '?replace=ja');
      expect(replace.statusCode).toBe(400);
      expect(problemsOf(replace)).toEqual([{ path: 'querystring:$.replace', message: 'Ogiltigt värde; tillåtna värden är "true", "false"' }]);
    });

    it('refuses text/plain without writing anything', async () => {
      const response = await raw(admin, 'POST', '/api/plans', JSON.stringify(aPlan({ plan: { key: 'dalig-plan-2020-2022' } })), 'text/plain');
      expect(response.statusCode).toBeGreaterThanOrEqual(400);
      expect(response.statusCode).toBeLessThan(500);
    });

    it('reads a plan file over 1 MB (the import allows 20 MB) and still checks it', async () => {
      const response = await raw(admin, 'POST', '/api/plans', JSON.stringify({ ...aPlan({ plan: { key: 'dalig-plan-2020-2022' } }), padding: 'x'.repeat(2_000_000) }), 'application/json');
      expect(response.statusCode).toBe(400);
      expect(problemsOf(response)).toEqual([{ path: '$', message: 'Okänt fält: "padding" (stavfel, eller hör fältet hemma någon annanstans?)' }]);
    });

    it('refuses a plan file over 20 MB with 413', async () => {
      const response = await raw(admin, 'POST', '/api/plans', JSON.stringify({ ...aPlan(), padding: 'x'.repeat(21 * 1024 * 1024) }), 'application/json');
      expect(response.statusCode).toBe(413);
      expect(response.json().message).toBe('Begäran är för stor');
    });

    it('accepts a valid plan file of 2 MB', async () => {
      const footnotes = Array.from({ length: 1100 }, (_, i) => ({ key: `fn-${i}`, mark: String(i % 100), text: 'Uppgiften avser helår. '.repeat(80) }));
      const body = JSON.stringify(aPlan({ plan: { key: 'stor-plan-2020-2022' }, footnotes }));
      expect(body.length).toBeGreaterThan(2_000_000);
      const response = await admin.request({ method: 'POST', url: '/api/plans', payload: body, headers: { 'content-type': 'application/json' } });
      expect(response.statusCode).toBe(201);
      expect((await admin.get('/api/plans/stor-plan-2020-2022/footnotes')).json().items).toHaveLength(1100);
      const removed = await admin.send('DELETE', '/api/plans/stor-plan-2020-2022', undefined, { 'if-match': '"1"' });
      expect(removed.statusCode).toBe(204);
    });
  });

  describe('the login (POST /api/session)', () => {
    const loginWith = (body: unknown) => json(api.anonymous, 'POST', '/api/session', body);

    it('refuses wrong types and a missing password without counting a failed login', async () => {
      const response = await loginWith({ username: 42 });
      expect(response.statusCode).toBe(400);
      expect(problemsOf(response)).toEqual([
        { path: '$.username', message: 'Ska vara text, men är ett tal' },
        { path: '$.password', message: 'Obligatoriskt fält saknas' },
      ]);
    });

    it('refuses an unknown field and an empty user name', async () => {
      const response = await loginWith({ username: '', password, remember: true });
      expect(response.statusCode).toBe(400);
      expect(problemsOf(response)).toEqual([
        { path: '$.username', message: 'Får inte vara tom' },
        { path: '$', message: 'Okänt fält: "remember" (stavfel, eller hör fältet hemma någon annanstans?)' },
      ]);
    });

    it('refuses malformed JSON, a form post, and a body over 1 MB', async () => {
      const malformed = await raw(api.anonymous, 'POST', '/api/session', '{"username": "admin", ', 'application/json');
      expect(malformed.statusCode).toBe(400);
      const form = await raw(api.anonymous, 'POST', '/api/session', `username=admin&password=${encodeURIComponent(password)}`, 'application/x-www-form-urlencoded');
      expect(form.statusCode).toBe(415);
      expect(form.json().message).toBe(contentTypeMessage);
      const huge = await raw(api.anonymous, 'POST', '/api/session', JSON.stringify({ username: 'admin', password: 'x'.repeat(1_100_000) }), 'application/json');
      expect(huge.statusCode).toBe(413);
    });
  });

  describe('the audit query (GET /api/audit)', () => {
    const query = (search: string) => unchanged(() => admin.get(`/api/audit?${search}`));

    it.each([
      ['limit=0', 'querystring:$.limit', 'Minst 1'],
      ['limit=10001', 'querystring:$.limit', 'Högst 10000'],
      ['offset=-1', 'querystring:$.offset', 'Minst 0'],
      ['format=xml', 'querystring:$.format', 'Ogiltigt värde; tillåtna värden är "json", "csv"'],
      ['user=admin&colour=red', 'querystring:$', 'Okänt fält: "colour" (stavfel, eller hör fältet hemma någon annanstans?)'],
    ])('refuses %s', async (search, path, message) => {
      const response = await query(search);
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: 'validation', message: 'Begäran har 1 fel; ingenting har ändrats' });
      expect(problemsOf(response)).toEqual([{ path, message }]);
    });

    it('refuses a limit that is not a number', async () => {
      const response = await query('limit=tio');
      expect(response.statusCode).toBe(400);
      expect(response.json().problems.map((p: { path: string }) => p.path)).toEqual(['querystring:$.limit']);
    });

    it('says what is wrong with a limit that is not a number', async () => {
      const response = await query('limit=tio');
      expect(response.json().problems[0].message).not.toBe('Ska vara ett tal, men är ett tal');
    });
  });
});
