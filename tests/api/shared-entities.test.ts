/**
 * Shared goals and organisation nodes are versioned and never leak (issue 10, defect 1): editing
 * a goal in one plan changes that plan only; an adopted plan shows its goals and organisation as
 * adopted in every projection, whatever happens later; changing the shared goal or node is its own
 * operation with the owner's permission, and draft plans follow it (audited per plan).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPlan } from '../../src/services/plan-service.ts';
import { aPlan } from '../helpers/plan-builder.ts';
import { draftKey, etagOf, startApi, type Api, type Client } from './harness.ts';

const adoptedSn = 'timra-sn-2020-2022';
const draftIfo = 'se-ifo-2020-2022';

describe('shared goals and organisation nodes', () => {
  let api: Api;
  let admin: Client;
  let redaktorIfo: Client;

  /** Everything a reader can get of a plan: the plan file, its scorecard and its document. */
  async function projections(plan: string) {
    const file = await api.anonymous.get(`/api/plans/${plan}`);
    const scorecard = await api.anonymous.get(`/api/plans/${plan}/scorecard?period=2020`);
    const html = await api.anonymous.get(`/api/plans/${plan}/document.html`);
    return { etag: file.headers.etag, file: file.json(), scorecard: scorecard.json(), html: html.body.replace(/\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?/g, '') };
  }

  async function auditOf(plan: string): Promise<Array<{ action: string; entityType: string }>> {
    return (await admin.get(`/api/audit?plan=${plan}&limit=500`)).json().events;
  }

  beforeAll(async () => {
    api = await startApi('pglite');
    await importPlan(api.database.db, aPlan({ plan: { key: draftIfo, ownerNode: 'ifo', subtitle: 'Individ- och familjeomsorgen' } }), { actor: 'test', source: 'test' });
    admin = await api.as('admin');
    redaktorIfo = await api.as('redaktor-ifo');
  });
  afterAll(() => api.close());

  it('defect 1: editing a goal in one plan leaves adopted plans unchanged', async () => {
    const before = await projections(adoptedSn);
    const auditBefore = (await auditOf(adoptedSn)).length;
    const url = `/api/plans/${draftIfo}/goals/kf-1:2`;
    const goal = (await redaktorIfo.get(url)).json();
    // The redaktör for IFO renumbers the municipal goal in IFO's draft and makes it IFO's own.
    const edited = await redaktorIfo.send('PUT', url, { ...goal, number: '9:9', node: 'ifo' }, { 'if-match': await etagOf(redaktorIfo, url) });
    expect(edited.statusCode).toBe(200);
    expect((await redaktorIfo.get(url)).json()).toMatchObject({ number: '9:9', node: 'ifo' });

    const after = await projections(adoptedSn);
    expect(after.etag).toBe(before.etag);
    expect(after.file).toEqual(before.file);
    expect(after.scorecard).toEqual(before.scorecard);
    expect(after.html).toBe(before.html);
    expect((await auditOf(adoptedSn)).length).toBe(auditBefore);
    // Nor the SN draft, nor the shared goal itself.
    expect((await admin.get(`/api/plans/${draftKey}/goals/kf-1:2`)).json()).toMatchObject({ number: '1:2' });
    expect((await admin.get(`/api/plans/${draftKey}/goals/kf-1:2`)).json().node).toBeUndefined();
    expect((await api.anonymous.get('/api/goals/2262/kf-1:2')).json()).toMatchObject({ number: '1:2', parent: null });
    // Having made the goal IFO's in its own draft gives the redaktör no rights over it in SN's plans.
    const snUrl = `/api/plans/${draftKey}/goals/kf-1:2`;
    const snGoal = (await admin.get(snUrl)).json();
    const refused = await redaktorIfo.send('PUT', snUrl, { ...snGoal, text: 'Omskrivet av IFO' }, { 'if-match': await etagOf(admin, snUrl) });
    expect(refused.statusCode).toBe(403);
  });

  it('defect 1: importing a draft that spells a committee differently leaves adopted plans and the shared tree unchanged', async () => {
    const before = await projections(adoptedSn);
    const sharedSn = (await api.anonymous.get('/api/organisation/2262/sn')).json();
    const organisation = aPlan().organisation.map((node) => (node.key === 'sn' ? { ...node, name: 'Social- och omsorgsnämnden' } : node));
    await importPlan(api.database.db, aPlan({ plan: { key: 'se-stavning-2020-2022' }, organisation }), { actor: 'test', source: 'test' });
    expect((await admin.get('/api/plans/se-stavning-2020-2022')).json().organisation.find((node: { key: string }) => node.key === 'sn').name).toBe('Social- och omsorgsnämnden');
    expect((await api.anonymous.get('/api/organisation/2262/sn')).json()).toEqual(sharedSn);
    const after = await projections(adoptedSn);
    expect(after.file).toEqual(before.file);
    expect(after.html).toBe(before.html);
    const events = await auditOf('se-stavning-2020-2022');
    expect(events).toContainEqual(expect.objectContaining({ action: 'variant', entityType: 'org-node', entityKey: '2262/sn' }));
  });

  it('defect 1: importing a plan that names the municipality differently renames it nowhere', async () => {
    const before = await projections(adoptedSn);
    const renamed = aPlan({ plan: { key: 'se-kommunnamn-2020-2022' }, municipality: { name: 'Timrå Kommun' } });
    const response = await admin.send('POST', '/api/plans', renamed);
    expect(response.statusCode).toBe(409);
    expect(response.json().problems).toEqual([{ path: '$.municipality.name', message: 'Ska vara "Timrå kommun"' }]);
    expect((await admin.get('/api/plans/se-kommunnamn-2020-2022')).statusCode).toBe(404);
    expect((await projections(adoptedSn)).file).toEqual(before.file);
  });

  it('changes a shared goal as its own operation: drafts follow (audited per plan), adopted plans keep theirs', async () => {
    const url = '/api/goals/2262/kf-1:2';
    const goal = (await api.anonymous.get(url)).json();
    expect(goal).toMatchObject({ key: 'kf-1:2', level: 'municipal', number: '1:2' });
    const before = await projections(adoptedSn);
    // A municipal goal is the whole municipality's: a scoped editor or ledning may not change it.
    for (const account of ['redaktor-sn', 'ledning-sn'] as const) {
      const client = await api.as(account);
      expect((await client.send('PUT', url, { ...goal, number: '1:9' }, { 'if-match': await etagOf(client, url) })).statusCode).toBe(403);
    }
    const etag = await etagOf(admin, url);
    const changed = await admin.send('PUT', url, { ...goal, number: '1:9' }, { 'if-match': etag });
    expect(changed.statusCode).toBe(200);
    expect(Number(JSON.parse(String(changed.headers.etag)))).toBeGreaterThan(Number(JSON.parse(etag)));
    expect((await admin.send('PUT', url, { ...goal, number: '1:8' }, { 'if-match': etag })).statusCode).toBe(412);

    // The SN draft showed the shared goal and follows it; IFO's draft keeps its own variant; the adopted plan keeps what it was adopted with.
    expect((await admin.get(`/api/plans/${draftKey}/goals/kf-1:2`)).json().number).toBe('1:9');
    expect(await auditOf(draftKey)).toContainEqual(expect.objectContaining({ action: 'repin', entityType: 'goal', entityKey: 'kf-1:2' }));
    expect((await admin.get(`/api/plans/${draftIfo}/goals/kf-1:2`)).json().number).toBe('9:9');
    const after = await projections(adoptedSn);
    expect(after.file).toEqual(before.file);
    expect(after.file.goals.find((g: { key: string }) => g.key === 'kf-1:2').number).toBe('1:2');
    const sharedEvents = (await admin.get('/api/audit?entityType=goal&entityKey=2262%2Fkf-1%3A2')).json().events;
    expect(sharedEvents).toContainEqual(expect.objectContaining({ action: 'update', field: 'number', before: '1:2', after: '1:9' }));
  });

  it('changes a shared node as its own operation: a draft that showed it follows, the adopted plan does not', async () => {
    const url = '/api/organisation/2262/socialforvaltningen';
    const node = (await api.anonymous.get(url)).json();
    const before = await projections(adoptedSn);
    const changed = await admin.send('PUT', url, { ...node, name: 'Socialförvaltningen i Timrå' }, { 'if-match': await etagOf(admin, url) });
    expect(changed.statusCode).toBe(200);
    const draft = (await admin.get(`/api/plans/${draftKey}`)).json();
    expect(draft.organisation.find((n: { key: string }) => n.key === 'socialforvaltningen').name).toBe('Socialförvaltningen i Timrå');
    expect(await auditOf(draftKey)).toContainEqual(expect.objectContaining({ action: 'repin', entityType: 'org-node', entityKey: 'socialforvaltningen' }));
    const after = await projections(adoptedSn);
    expect(after.file).toEqual(before.file);
    expect(after.html).toBe(before.html);
  });

  it('does not let an editor gain rights over a goal by moving its owner', async () => {
    const url = '/api/goals/2262/kf-1:2';
    const goal = (await api.anonymous.get(url)).json();
    const refused = await redaktorIfo.send('PUT', url, { ...goal, node: 'ifo' }, { 'if-match': await etagOf(admin, url) });
    expect(refused.statusCode).toBe(403);
    expect((await api.anonymous.get(url)).json()).toEqual(goal);
  });
});
