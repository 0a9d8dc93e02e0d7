/**
 * Importing over an existing plan is an update of that plan (issue 10, defects 2, 8 and 9): the
 * existing plan's owner and status are checked like a delete, If-Match is required, versions
 * continue, and the replaced plan file is kept whole in the audit trail and can be put back. A
 * plan file that says adopted must carry its decision, as adopting does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPlan, restoreFromAudit } from '../../src/services/plan-service.ts';
import { aPlan } from '../helpers/plan-builder.ts';
import { etagOf, startApi, type Api, type Client } from './harness.ts';

const decision = { date: '2019-11-27', body: 'Socialnämnden', paragraph: 'SN § 45' };

describe('replace-import', () => {
  let api: Api;
  let admin: Client;
  let ledningSn: Client;

  beforeAll(async () => {
    api = await startApi('pglite', { demo: false });
    // A plan of Kommunledningskontoret: outside Socialnämnden's subtree.
    const organisation = [...aPlan().organisation, { key: 'klk', kind: 'office' as const, name: 'Kommunledningskontoret', parent: 'timra' }];
    await importPlan(api.database.db, aPlan({ plan: { key: 'ri-klk-2020-2022', ownerNode: 'klk' }, organisation }), { actor: 'test', source: 'test' });
    await importPlan(api.database.db, aPlan({ plan: { key: 'ri-sn-2020-2022' } }), { actor: 'test', source: 'test' });
    admin = await api.as('admin');
    ledningSn = await api.as('ledning-sn');
  });
  afterAll(() => api.close());

  const url = (key: string) => `/api/plans/${key}`;
  // A plan read whole has the ETag "head.content.shared" (src/services/plan-reads.ts); If-Match names its head version.
  const headVersion = (etag: string) => Number(/^"(\d+)/.exec(etag)![1]);

  it("defect 2: replace-import checks the existing plan's owner and status, not only the file's", async () => {
    // The file says Socialnämnden owns it; the plan it would replace is Kommunledningskontoret's.
    const hijack = aPlan({ plan: { key: 'ri-klk-2020-2022', ownerNode: 'sn', title: 'Kapad' } });
    const refused = await ledningSn.send('POST', '/api/plans?replace=true', hijack, { 'if-match': await etagOf(admin, url('ri-klk-2020-2022')) });
    expect(refused.statusCode).toBe(403);
    expect((await admin.get(url('ri-klk-2020-2022'))).json().plan).toMatchObject({ ownerNode: 'klk', title: 'Verksamhetsplan 2020-2022' });

    // A submitted plan may not be deleted, so it may not be replaced either.
    const submit = await admin.send('POST', `${url('ri-sn-2020-2022')}/submit`, {}, { 'if-match': await etagOf(admin, url('ri-sn-2020-2022')) });
    expect(submit.statusCode).toBe(200);
    const replaceSubmitted = await ledningSn.send('POST', '/api/plans?replace=true', aPlan({ plan: { key: 'ri-sn-2020-2022', title: 'Ny' } }), { 'if-match': await etagOf(admin, url('ri-sn-2020-2022')) });
    expect(replaceSubmitted.statusCode).toBe(409);
    expect(replaceSubmitted.json().message).toContain('inlämnad');
    const reopen = await admin.send('POST', `${url('ri-sn-2020-2022')}/reopen`, {}, { 'if-match': await etagOf(admin, url('ri-sn-2020-2022')) });
    expect(reopen.statusCode).toBe(200);
  });

  it('defect 9: replace-import requires If-Match, continues versions and keeps old ETags invalid', async () => {
    const planUrl = url('ri-sn-2020-2022');
    const indicatorUrl = `${planUrl}/indicators/st-1.2.1`;
    const oldFile = (await admin.get(planUrl)).json();
    const oldIndicatorEtag = await etagOf(admin, indicatorUrl);
    // An acknowledged edit …
    const indicator = (await admin.get(indicatorUrl)).json();
    const edited = await admin.send('PUT', indicatorUrl, { ...indicator, name: 'Nöjd med hemtjänsten' }, { 'if-match': oldIndicatorEtag });
    expect(edited.statusCode).toBe(200);
    const planEtag = await etagOf(admin, planUrl);

    // … is not undone by re-importing an older file without saying which version it replaces, or with a stale one.
    expect((await ledningSn.send('POST', '/api/plans?replace=true', oldFile)).statusCode).toBe(428);
    const stale = await ledningSn.send('POST', '/api/plans?replace=true', oldFile, { 'if-match': `"${headVersion(planEtag) - 1}"` });
    expect(stale.statusCode).toBe(412);
    expect((await admin.get(indicatorUrl)).json().name).toBe('Nöjd med hemtjänsten');

    // Replacing with the version read: the plan's version goes up, a changed item's version continues, an unchanged item keeps its own.
    const driftEtagBefore = (await admin.get(`${planUrl}/budget-tables/drift`)).headers.etag;
    const replaced = await ledningSn.send('POST', '/api/plans?replace=true', oldFile, { 'if-match': planEtag });
    expect(replaced.statusCode).toBe(200);
    expect(headVersion(String(replaced.headers.etag))).toBe(headVersion(planEtag) + 1);
    const afterIndicator = await admin.get(indicatorUrl);
    expect(afterIndicator.json().name).toBe('Nöjd med hemtjänst');
    expect(afterIndicator.headers.etag).toBe('"3"');
    expect((await admin.get(`${planUrl}/budget-tables/drift`)).headers.etag).toBe(driftEtagBefore);
    // The ETag read before the replace no longer matches.
    const old = await admin.send('PUT', indicatorUrl, { ...indicator, unit: 'procent' }, { 'if-match': oldIndicatorEtag });
    expect(old.statusCode).toBe(412);
  });

  it('defect 2: the replaced plan file is kept whole in the audit trail and can be restored', async () => {
    const planUrl = url('ri-sn-2020-2022');
    const before = (await admin.get(planUrl)).json();
    const changed = { ...before, plan: { ...before.plan, title: 'Verksamhetsplan 2020-2022, reviderad' }, footnotes: [{ key: 'fn-x', mark: '1', text: 'Tillagd' }] };
    const replaced = await admin.send('POST', '/api/plans?replace=true', changed, { 'if-match': await etagOf(admin, planUrl) });
    expect(replaced.statusCode).toBe(200);
    const [event] = (await admin.get('/api/audit?plan=ri-sn-2020-2022&limit=1')).json().events;
    expect(event).toMatchObject({ action: 'replace', entityType: 'plan' });
    expect(event.before).toEqual(before);

    const restored = await restoreFromAudit(api.database.db, { auditId: event.id, ifMatch: headVersion(await etagOf(admin, planUrl)), actor: 'test' });
    expect(restored.outcome).toBe('replaced');
    expect((await admin.get(planUrl)).json()).toEqual(before);
  });

  it('defect 8: a plan file that says adopted or archived needs a complete decision, as adopting does', async () => {
    for (const status of ['adopted', 'archived'] as const) {
      for (const missing of [null, {}, { date: '2019-11-27', body: 'Socialnämnden' }]) {
        const response = await admin.send('POST', '/api/plans', aPlan({ plan: { key: `ri-${status}-2020-2022`, status, decision: missing as never } }));
        expect(response.statusCode).toBe(400);
        expect(response.json().problems.map((p: { path: string }) => p.path)).toContain('$.plan.decision.paragraph');
      }
    }
    expect((await api.anonymous.get('/api/plans')).json().plans).toEqual([]);
    const complete = await admin.send('POST', '/api/plans', aPlan({ plan: { key: 'ri-adopted-2020-2022', status: 'adopted', decision } }));
    expect(complete.statusCode).toBe(201);
    expect((await api.anonymous.get('/api/plans')).json().plans.map((p: { key: string }) => p.key)).toEqual(['ri-adopted-2020-2022']);
  });

  it('restores a deleted draft from the audit trail', async () => {
    const planUrl = url('ri-klk-2020-2022');
    const before = (await admin.get(planUrl)).json();
    expect((await admin.send('DELETE', planUrl, undefined, { 'if-match': await etagOf(admin, planUrl) })).statusCode).toBe(204);
    const [event] = (await admin.get('/api/audit?plan=ri-klk-2020-2022&limit=1')).json().events;
    expect(event.action).toBe('delete');
    const restored = await restoreFromAudit(api.database.db, { auditId: event.id, actor: 'test' });
    expect(restored.outcome).toBe('created');
    expect((await admin.get(planUrl)).json()).toEqual(before);
  });
});
