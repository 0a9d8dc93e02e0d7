/**
 * Concurrent writers on every kind of versioned resource, on both engines (issue 10, defects 4
 * and 5): of N writers that read the same version, exactly one wins and the others get 412 (or
 * 409 where they race to create the same key); never a 5xx, never two winners, and a delete never
 * removes an update that was acknowledged.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../helpers/databases.ts';
import { aPlan } from '../helpers/plan-builder.ts';
import { draftKey, etagOf, startApi, type Api, type Client } from './harness.ts';

const writers = 5;
const rounds = 3;
// Real concurrent work on a loaded 2-core machine: sized generously.
const timeout = 600_000;

function statuses(responses: LightMyRequestResponse[]): number[] {
  return responses.map((response) => response.statusCode).sort();
}

/** Exactly one 2xx; every other answer one of `losers`; no 5xx. */
function expectOneWinner(responses: LightMyRequestResponse[], losers: number[]): LightMyRequestResponse {
  const codes = statuses(responses);
  expect(codes.filter((code) => code >= 500), responses.map((r) => r.body).join('\n')).toEqual([]);
  const winners = responses.filter((response) => response.statusCode < 300);
  expect(winners.length, codes.join(',')).toBe(1);
  expect(codes.filter((code) => code >= 300).every((code) => losers.includes(code)), codes.join(',')).toBe(true);
  return winners[0]!;
}

describe.each(engines)('concurrent writers on %s', (engine) => {
  let api: Api;
  let admin: Client;
  let clients: Client[];

  beforeAll(async () => {
    api = await startApi(engine, { demo: false });
    admin = await api.as('admin');
    // One login after another: parallel logins to one account from one source contend for its
    // attempt counter (src/services/auth-service.ts) and, on a loaded machine, may be refused.
    clients = [];
    for (let i = 0; i < writers; i += 1) clients.push(await api.as('admin'));
  });
  afterAll(() => api.close());

  /** Each writer sends its own version of the same change, with the same If-Match. */
  function race(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: (i: number) => string, body: (i: number) => unknown, etag?: string) {
    return Promise.all(clients.map((client, i) => client.send(method, url(i), body(i), etag ? { 'if-match': etag } : {})));
  }

  it('defect 4: of concurrent changes to one organisation node, exactly one wins and none is lost', async () => {
    const url = '/api/organisation/2262/ifo';
    for (let round = 0; round < rounds; round++) {
      const node = (await admin.get(url)).json();
      const winner = expectOneWinner(await race('PUT', () => url, (i) => ({ ...node, name: `IFO ${round}-${i}` }), await etagOf(admin, url)), [412]);
      expect((await admin.get(url)).json().name).toBe(winner.json().name);
    }
  }, timeout);

  it('defect 5: concurrent creates of the same node key give one 201 and 409s, never 500', async () => {
    for (let round = 0; round < rounds; round++) {
      const key = `ny-enhet-${round}`;
      expectOneWinner(await race('POST', () => '/api/organisation?municipality=2262', (i) => ({ key, kind: 'unit', name: `Enhet ${i}`, parent: 'ifo' })), [409]);
    }
  }, timeout);

  it('defect 5: concurrent imports of the same new plan give one 201 and 409s, never 500', async () => {
    for (let round = 0; round < rounds; round++) {
      const key = `samtidig-${round}-2020-2022`;
      expectOneWinner(await race('POST', () => '/api/plans', () => aPlan({ plan: { key } })), [409]);
    }
  }, timeout);

  it('defect 5: concurrent replace-imports of one plan give one 200 and 412s, never 500', async () => {
    const url = `/api/plans/${draftKey}`;
    for (let round = 0; round < rounds; round++) {
      const plan = (await admin.get(url)).json();
      const winner = expectOneWinner(await race('POST', () => '/api/plans?replace=true', (i) => ({ ...plan, plan: { ...plan.plan, title: `Version ${round}-${i}` } }), await etagOf(admin, url)), [412]);
      expect(winner.statusCode).toBe(200);
    }
  }, timeout);

  it('defect 5: a delete racing an update of a node never deletes an acknowledged update', async () => {
    for (let round = 0; round < rounds; round++) {
      const key = `bort-${round}`;
      const url = `/api/organisation/2262/${key}`;
      expect((await admin.send('POST', '/api/organisation?municipality=2262', { key, kind: 'unit', name: 'Enhet', parent: 'ifo' })).statusCode).toBe(201);
      const etag = await etagOf(admin, url);
      const [update, remove] = await Promise.all([
        clients[0]!.send('PUT', url, { key, kind: 'unit', name: 'Ändrad enhet', parent: 'ifo' }, { 'if-match': etag }),
        clients[1]!.send('DELETE', url, undefined, { 'if-match': etag }),
      ]);
      expectOneWinner([update, remove], [404, 412]);
      const after = await admin.get(url);
      if (update.statusCode === 200) expect(after.json().name).toBe('Ändrad enhet');
      else expect(after.statusCode).toBe(404);
    }
  }, timeout);

  it('defect 5: a delete racing a change of a plan never deletes an acknowledged change', async () => {
    for (let round = 0; round < rounds; round++) {
      const key = `bort-plan-${round}-2020-2022`;
      const url = `/api/plans/${key}`;
      expect((await admin.send('POST', '/api/plans', aPlan({ plan: { key } }))).statusCode).toBe(201);
      const etag = await etagOf(admin, url);
      const [update, remove] = await Promise.all([
        clients[0]!.send('PATCH', url, { title: 'Ändrad titel' }, { 'if-match': etag }),
        clients[1]!.send('DELETE', url, undefined, { 'if-match': etag }),
      ]);
      expectOneWinner([update, remove], [404, 412]);
      const after = await admin.get(url);
      if (update.statusCode === 200) expect(after.json().plan.title).toBe('Ändrad titel');
      else expect(after.statusCode).toBe(404);
    }
  }, timeout);

  it('lets exactly one of concurrent writers change a shared goal', async () => {
    const url = '/api/goals/2262/kf-1:2';
    for (let round = 0; round < rounds; round++) {
      const goal = (await admin.get(url)).json();
      const winner = expectOneWinner(await race('PUT', () => url, (i) => ({ ...goal, number: `1:${round}${i}` }), await etagOf(admin, url)), [412]);
      expect((await admin.get(`/api/plans/${draftKey}/goals/kf-1:2`)).json().number).toBe(winner.json().number);
    }
  }, timeout);

  it('lets exactly one of concurrent writers change an item, its cells, the plan head and its status', async () => {
    const item = `/api/plans/${draftKey}/indicators/st-1.2.1`;
    const indicator = (await admin.get(item)).json();
    expectOneWinner(await race('PUT', () => item, (i) => ({ ...indicator, name: `Styrtal ${i}` }), await etagOf(admin, item)), [412]);
    const table = `/api/plans/${draftKey}/volume-tables/volymer`;
    expectOneWinner(await race('PATCH', () => `${table}/cells`, (i) => ({ cells: [{ row: 'v-vobo', column: 'utfall-2018', text: String(201 + i) }] }), await etagOf(admin, table)), [412]);
    const plan = `/api/plans/${draftKey}`;
    expectOneWinner(await race('PATCH', () => plan, (i) => ({ title: `Verksamhetsplan ${i}` }), await etagOf(admin, plan)), [412]);
    expectOneWinner(await race('POST', () => `${plan}/submit`, () => ({}), await etagOf(admin, plan)), [409, 412]);
    const footnotes = `/api/plans/${draftKey}/footnotes`;
    expectOneWinner(await race('POST', () => footnotes, (i) => ({ key: 'fn-samtidig', mark: '1', text: `Fotnot ${i}` })), [409]);
    const footnote = `${footnotes}/fn-samtidig`;
    const etag = await etagOf(admin, footnote);
    const [update, remove] = await Promise.all([
      clients[0]!.send('PUT', footnote, { key: 'fn-samtidig', mark: '1', text: 'Ändrad' }, { 'if-match': etag }),
      clients[1]!.send('DELETE', footnote, undefined, { 'if-match': etag }),
    ]);
    expectOneWinner([update, remove], [404, 409, 412]);
  }, timeout);
});
