/**
 * Keys of organisation nodes, goals and users are scoped by municipality (issue 10, defect 15): a
 * second municipality's plan brings its own "sn" and "ifo", which are other nodes than Timrå's;
 * node lookups and permission checks name the municipality, and an account's scope is a
 * municipality and a node of it.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/services/auth-service.ts';
import { importPlan } from '../../src/services/plan-service.ts';
import { etagOf, password, startApi, type Api, type Client } from './harness.ts';

const osteraker = JSON.parse(readFileSync(new URL('../fixtures/osteraker/osteraker-sn-2020-2022.json', import.meta.url), 'utf8'));
const planKey = 'osteraker-sn-2020-2022';

describe('two municipalities', () => {
  let api: Api;
  let admin: Client;

  beforeAll(async () => {
    api = await startApi('pglite', { demo: false });
    await importPlan(api.database.db, osteraker, { actor: 'test', source: 'test' });
    admin = await api.as('admin');
  });
  afterAll(() => api.close());

  it("defect 15: organisation keys are scoped by municipality: a second municipality's ifo is another node", async () => {
    expect((await api.anonymous.get('/api/organisation/0117/ifo')).json()).toMatchObject({ key: 'ifo', name: 'Individ- och familjeomsorg', parent: 'socialforvaltningen' });
    expect((await api.anonymous.get('/api/organisation/2262/ifo')).json()).toMatchObject({ key: 'ifo', name: 'Individ- och familjeomsorgen' });
    const ambiguous = await api.anonymous.get('/api/organisation/ifo');
    expect(ambiguous.statusCode).toBe(409);
    expect(ambiguous.json().message).toContain('/api/organisation/{kommunkod}/ifo');
    const timra = (await api.anonymous.get('/api/organisation?municipality=2262')).json().nodes;
    expect(timra.filter((entry: { node: { key: string } }) => entry.node.key === 'ifo')).toHaveLength(1);
    expect(timra.every((entry: { municipality: string }) => entry.municipality === '2262')).toBe(true);
    expect((await api.anonymous.get('/api/organisation?municipality=0117')).json().nodes.map((entry: { node: { key: string } }) => entry.node.key)).toEqual(['osteraker', 'sn', 'socialforvaltningen', 'ifo']);

    // Changing Österåker's ifo changes neither Timrå's ifo nor a Timrå plan.
    const url = '/api/organisation/0117/ifo';
    const node = (await admin.get(url)).json();
    expect((await admin.send('PUT', url, { ...node, name: 'IFO Österåker' }, { 'if-match': await etagOf(admin, url) })).statusCode).toBe(200);
    expect((await api.anonymous.get('/api/organisation/2262/ifo')).json().name).toBe('Individ- och familjeomsorgen');
    expect((await admin.get(`/api/plans/${planKey}`)).json().organisation.find((n: { key: string }) => n.key === 'ifo').name).toBe('IFO Österåker');
    expect((await admin.get('/api/plans/test-plan-2020-2022')).json().organisation.find((n: { key: string }) => n.key === 'ifo').name).toBe('Individ- och familjeomsorgen');
  });

  it("defect 15: an account scoped to Timrå's sn has no rights in another municipality's sn", async () => {
    for (const account of ['redaktor-sn', 'ledning-sn', 'ekonom-sn'] as const) {
      const client = await api.as(account);
      expect((await client.get(`/api/plans/${planKey}`)).statusCode).toBe(403);
      const goalUrl = `/api/plans/${planKey}/goals/kf-1`;
      const goal = (await admin.get(goalUrl)).json();
      expect((await client.send('PUT', goalUrl, { ...goal, text: 'Ändrad från Timrå' }, { 'if-match': await etagOf(admin, goalUrl) })).statusCode).toBe(403);
      const plan = (await admin.get(`/api/plans/${planKey}`)).json();
      expect((await client.send('POST', '/api/plans?replace=true', plan, { 'if-match': await etagOf(admin, `/api/plans/${planKey}`) })).statusCode).toBe(403);
      expect((await client.send('POST', `/api/plans/${planKey}/submit`, {}, { 'if-match': await etagOf(admin, `/api/plans/${planKey}`) })).statusCode).toBe(403);
      const nodeUrl = '/api/organisation/0117/sn';
      expect((await client.send('PUT', nodeUrl, (await admin.get(nodeUrl)).json(), { 'if-match': await etagOf(admin, nodeUrl) })).statusCode).toBe(403);
    }
    expect((await admin.get(`/api/plans/${planKey}/goals/kf-1`)).json().text).toBe('Professionell service av högsta kvalitét och ett gott bemötande');
  });

  it("defect 15: a user's scope names a municipality and a node of it", async () => {
    const db = api.database.db;
    await expect(createUser(db, { username: 'tvetydig', password, role: 'redaktör', unitKey: 'ifo', actor: 'test' })).rejects.toMatchObject({ code: 'validation', message: expect.stringContaining('finns i flera kommuner (0117, 2262)') });
    expect(await createUser(db, { username: 'redaktor-osteraker', password, role: 'redaktör', unitKey: 'ifo', municipality: '0117', actor: 'test' })).toMatchObject({ municipality: '0117', unitKey: 'ifo' });
    const editor = await api.as('redaktor-osteraker' as never);
    expect((await editor.get('/api/session')).json().user).toMatchObject({ municipality: '0117', unitKey: 'ifo' });
    // Under Österåker's IFO: its own. Under Timrå's IFO, with the same key: not.
    const unit = { key: 'mottagningen', kind: 'unit', name: 'Mottagningen', parent: 'ifo' };
    expect((await editor.send('POST', '/api/organisation?municipality=0117', unit)).statusCode).toBe(201);
    expect((await editor.send('POST', '/api/organisation?municipality=2262', unit)).statusCode).toBe(403);
    const own = '/api/organisation/0117/mottagningen';
    expect((await editor.send('PUT', own, { ...unit, name: 'Mottagningsenheten' }, { 'if-match': await etagOf(editor, own) })).statusCode).toBe(200);
    expect((await api.anonymous.get('/api/organisation/2262/mottagningen')).statusCode).toBe(404);
    expect((await editor.get('/api/plans/test-plan-2020-2022')).statusCode).toBe(403);
  });
});
