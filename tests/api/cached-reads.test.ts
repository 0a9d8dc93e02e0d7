/**
 * Reads of whole plans are served from memory per content version: a strong ETag and 304 on
 * If-None-Match, and any write that changes what the plan shows (an item, the head, a workflow
 * step, a replace, a shared organisation node) gives a new ETag and new bytes, on both engines.
 */
import { gunzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPlan } from '../../src/services/plan-service.ts';
import { engines } from '../helpers/databases.ts';
import { aPlan } from '../helpers/plan-builder.ts';
import { draftKey, etagOf, startApi, type Api, type Client } from './harness.ts';

const planUrl = `/api/plans/${draftKey}`;
const indicatorUrl = `${planUrl}/indicators/st-1.2.1`;

/** The SQL texts the server sent while `read` ran, on either engine's client. */
async function queriesDuring(api: Api, read: () => Promise<unknown>): Promise<string[]> {
  const sent: string[] = [];
  const client = (api.database.db as unknown as { $client: object }).$client;
  const target = (api.database.engine === 'pglite' ? client : pg.Client.prototype) as { query: (...args: unknown[]) => unknown };
  const query = target.query;
  target.query = function (this: unknown, ...args: unknown[]) {
    const [first] = args;
    sent.push(typeof first === 'string' ? first : String((first as { text?: string }).text ?? first));
    return query.apply(this, args);
  };
  try {
    await read();
  } finally {
    target.query = query;
  }
  return sent;
}

describe.each(engines)('cached plan reads on %s', (engine) => {
  let api: Api;
  let editor: Client;
  let admin: Client;
  beforeAll(async () => {
    api = await startApi(engine, { demo: false });
    editor = await api.as('redaktor-sn');
    admin = await api.as('admin');
  });
  afterAll(() => api.close());

  /** Reads `url` and checks that the same ETag gets a 304 without a body. */
  async function readAndRevalidate(client: Client, url: string) {
    const read = await client.get(url);
    expect(read.statusCode).toBe(200);
    const etag = String(read.headers.etag);
    expect(etag).toMatch(/^"\d+\.\d+\.\d+"$/);
    expect(read.headers['cache-control']).toBe('private, no-cache');
    const again = await client.request({ method: 'GET', url, headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(etag);
    return { etag, body: read.body };
  }

  it('answers the plan, its scorecard and documents with a strong ETag, and 304 when the client holds them', async () => {
    for (const url of [planUrl, `${planUrl}/scorecard`, `${planUrl}/scorecard?period=2018`, `${planUrl}/document.html`, `${planUrl}/report.html?period=2018`]) {
      await readAndRevalidate(editor, url);
    }
    const weakOrList = await editor.request({ method: 'GET', url: planUrl, headers: { 'if-none-match': `"0.0.0", W/${await etagOf(editor, planUrl)}` } });
    expect(weakOrList.statusCode).toBe(304);
  });

  it('sends text gzipped to a client that accepts it, with an ETag of its own, and a document as it is', async () => {
    const plain = await editor.get(planUrl);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toBe('Accept-Encoding');
    const zipped = await editor.request({ method: 'GET', url: planUrl, headers: { 'accept-encoding': 'br;q=1.0, gzip;q=0.8, *;q=0.1' } });
    expect(zipped.statusCode).toBe(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toBe('Accept-Encoding');
    expect(zipped.headers.etag).toBe(String(plain.headers.etag).replace(/"$/, '.gz"'));
    expect(gunzipSync(zipped.rawPayload).equals(plain.rawPayload)).toBe(true);
    expect(zipped.rawPayload.length).toBeLessThan(plain.rawPayload.length);
    for (const held of [plain.headers.etag, zipped.headers.etag]) {
      const again = await editor.request({ method: 'GET', url: planUrl, headers: { 'accept-encoding': 'gzip', 'if-none-match': String(held) } });
      expect(again.statusCode).toBe(304);
    }
    const refused = await editor.request({ method: 'GET', url: planUrl, headers: { 'accept-encoding': 'gzip;q=0, identity' } });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.rawPayload.equals(plain.rawPayload)).toBe(true);
    const pdf = await editor.request({ method: 'GET', url: `${planUrl}/document.pdf`, headers: { 'accept-encoding': 'gzip' } });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-encoding']).toBeUndefined();
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // The gzipped read's ETag names the plan's head version for a write, as the plain one does.
    const head = await editor.send('PATCH', planUrl, { title: 'Läst packad' }, { 'if-match': String(zipped.headers.etag) });
    expect(head.statusCode).toBe(200);
  });

  it(`asks the database ${engine === 'pglite' ? 'nothing' : 'one question'} for a plan it holds`, async () => {
    await editor.get(planUrl);
    const asked = await queriesDuring(api, () => editor.get(planUrl));
    // On the embedded database the read check's answer is remembered until a notice (drizzle/0024);
    // on a server it is asked again (the session's lookup is one more either way).
    expect(asked.filter((query) => /from "plans"/.test(query))).toHaveLength(engine === 'pglite' ? 0 : 1);
  });

  it('serves what any statement changed at once, also one written around the services (the embedded database gives notice)', async () => {
    const before = await readAndRevalidate(editor, planUrl);
    await api.database.db.execute(sql`update plans set title = 'Skriven direkt i databasen' where key = ${draftKey}`);
    const after = await editor.get(planUrl);
    expect(after.headers.etag).not.toBe(before.etag);
    expect(after.json().plan.title).toBe('Skriven direkt i databasen');
    await api.database.db.execute(sql`update municipalities set name = 'Timrå kommun (ändrad)' where code = '2262'`);
    const renamed = await editor.get(planUrl);
    expect(renamed.headers.etag).not.toBe(after.headers.etag);
    await api.database.db.execute(sql`update municipalities set name = 'Timrå kommun' where code = '2262'`);
    const newUrl = '/api/plans/ny-direkt-2020-2022';
    expect((await editor.get(newUrl)).statusCode).toBe(404);
    await importPlan(api.database.db, aPlan({ plan: { key: 'ny-direkt-2020-2022' } }), { actor: 'test', source: 'test' });
    expect((await editor.get(newUrl)).statusCode).toBe(200);
    await api.database.db.execute(sql`delete from plans where key = 'ny-direkt-2020-2022'`);
    expect((await editor.get(newUrl)).statusCode).toBe(404);
  });

  it('still refuses a draft to the public, cached or not', async () => {
    await editor.get(planUrl);
    expect((await api.anonymous.get(planUrl)).statusCode).toBe(401);
    expect((await api.anonymous.get(`${planUrl}/scorecard`)).statusCode).toBe(401);
  });

  it('gives new bytes and a new ETag after an item changes', async () => {
    const before = await readAndRevalidate(editor, planUrl);
    const scorecardBefore = await readAndRevalidate(editor, `${planUrl}/scorecard?period=2018`);
    const current = (await editor.get(indicatorUrl)).json();
    const changed = await editor.send('PUT', indicatorUrl, { ...current, actuals: [{ period: '2018', text: '95' }] }, { 'if-match': await etagOf(editor, indicatorUrl) });
    expect(changed.statusCode).toBe(200);
    const after = await editor.request({ method: 'GET', url: planUrl, headers: { 'if-none-match': before.etag } });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(before.etag);
    expect(after.json().indicators[0].actuals).toEqual([{ period: '2018', text: '95' }]);
    const scorecard = await editor.request({ method: 'GET', url: `${planUrl}/scorecard?period=2018`, headers: { 'if-none-match': scorecardBefore.etag } });
    expect(scorecard.statusCode).toBe(200);
    expect(scorecard.body).not.toBe(scorecardBefore.body);
  });

  it('gives a new ETag after a change of the head, and takes the ETag of the whole plan as If-Match for head edits', async () => {
    const before = await readAndRevalidate(editor, planUrl);
    const changed = await editor.send('PATCH', planUrl, { title: 'Verksamhetsplan 2020–2022 (reviderad)' }, { 'if-match': before.etag });
    expect(changed.statusCode).toBe(200);
    const after = await editor.get(planUrl);
    expect(after.headers.etag).not.toBe(before.etag);
    expect(after.json().plan.title).toBe('Verksamhetsplan 2020–2022 (reviderad)');
  });

  it('gives a new ETag after a change of a shared organisation node the plan shows', async () => {
    const before = await readAndRevalidate(editor, planUrl);
    const nodeUrl = '/api/organisation/ifo';
    const node = (await admin.get(nodeUrl)).json();
    const renamed = await admin.send('PUT', nodeUrl, { ...node, name: 'IFO (ny)' }, { 'if-match': await etagOf(admin, nodeUrl) });
    expect(renamed.statusCode).toBe(200);
    const after = await editor.get(planUrl);
    expect(after.headers.etag).not.toBe(before.etag);
    expect(after.json().organisation.find((entry: { key: string }) => entry.key === 'ifo').name).toBe('IFO (ny)');
  });

  it('gives a new ETag when a plan is replaced, and never repeats one when it is deleted and imported again', async () => {
    const before = await readAndRevalidate(admin, planUrl);
    const plan = (await admin.get(planUrl)).json();
    const replaced = await admin.send('POST', '/api/plans?replace=true', { ...plan, plan: { ...plan.plan, title: 'Ny titel' } }, { 'if-match': before.etag });
    expect(replaced.statusCode).toBe(200);
    const afterReplace = await admin.request({ method: 'GET', url: planUrl, headers: { 'if-none-match': before.etag } });
    expect(afterReplace.statusCode).toBe(200);
    expect(afterReplace.json().plan.title).toBe('Ny titel');
    const etags = [before.etag, String(afterReplace.headers.etag)];
    expect(etags[1]).not.toBe(etags[0]);

    // Deleted and imported again: new rows from the start, whose versions count from 1 again.
    expect((await admin.send('DELETE', planUrl, undefined, { 'if-match': etags[1]! })).statusCode).toBe(204);
    expect((await admin.send('POST', '/api/plans', plan)).statusCode).toBe(201);
    const again = await admin.request({ method: 'GET', url: planUrl, headers: { 'if-none-match': etags.join(', ') } });
    expect(again.statusCode).toBe(200);
    expect(etags).not.toContain(String(again.headers.etag));
  });

  it('gives a new ETag after a workflow step, and serves the adopted plan to the public', async () => {
    const leader = await api.as('ledning-sn');
    const before = await readAndRevalidate(leader, planUrl);
    expect((await leader.send('POST', `${planUrl}/submit`, {}, { 'if-match': before.etag })).statusCode).toBe(200);
    const submitted = await leader.get(planUrl);
    expect(submitted.headers.etag).not.toBe(before.etag);
    const decision = { date: '2019-11-27', body: 'Socialnämnden', paragraph: 'SN § 45' };
    expect((await leader.send('POST', `${planUrl}/adopt`, { decision }, { 'if-match': String(submitted.headers.etag) })).statusCode).toBe(200);
    const adopted = await readAndRevalidate(api.anonymous, planUrl);
    expect(JSON.parse(adopted.body).plan.status).toBe('adopted');
    await readAndRevalidate(api.anonymous, `${planUrl}/document.html`);
  });
});
