/**
 * A plan's life through the API: submitted, adopted with its decision (then frozen, with an exact
 * snapshot), archived; and rolled over into next period's plan with a preview and history.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftKey, etagOf, startApi, type Api, type Client } from './harness.ts';

describe('plan workflow', () => {
  let api: Api;
  let leader: Client;
  let editor: Client;
  const planUrl = `/api/plans/${draftKey}`;
  beforeAll(async () => {
    api = await startApi('pglite', { demo: false });
    leader = await api.as('ledning-sn');
    editor = await api.as('redaktor-sn');
  });
  afterAll(() => api.close());

  it('previews a rollover without writing anything', async () => {
    const preview = await leader.get(`${planUrl}/rollover?to=2021-2023`);
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({ from: draftKey, to: 'test-plan-2021-2023', period: '2021–2023', copied: { goals: 1, indicators: 1, targets: 2, volumeRows: 2, budgetRows: 3 } });
    expect(preview.json().left).toContainEqual({ part: 'indicators', key: 'st-1.2.1', reason: '1 utfall hör till tidigare perioder' });
    expect((await leader.get('/api/plans/test-plan-2021-2023')).statusCode).toBe(404);
  });

  it('submits, refuses adoption without a decision, adopts, and freezes the plan', async () => {
    const submitted = await leader.send('POST', `${planUrl}/submit`, {}, { 'if-match': await etagOf(leader, planUrl) });
    expect(submitted.json()).toEqual({ status: 'submitted', version: 2 });
    const incomplete = await leader.send('POST', `${planUrl}/adopt`, { decision: { date: '2019-11-27' } }, { 'if-match': '"2"' });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().problems.map((p: { path: string }) => p.path)).toEqual(['$.decision.body', '$.decision.paragraph']);
    const decision = { date: '2019-11-27', body: 'Socialnämnden', paragraph: 'SN § 45', caseNumber: 'SN 2019/123' };
    const adopted = await leader.send('POST', `${planUrl}/adopt`, { decision }, { 'if-match': '"2"' });
    expect(adopted.json()).toEqual({ status: 'adopted', version: 3 });

    const indicator = `${planUrl}/indicators/st-1.2.1`;
    const frozen = await editor.send('PUT', indicator, { ...((await editor.get(indicator)).json() as object), name: 'Nöjd med hemtjänsten' }, { 'if-match': '"1"' });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json()).toMatchObject({ code: 'frozen', message: `Planen ${draftKey} är fastställd och kan inte ändras; bara uppföljning (utfall, prognoser, analyser) kan läggas till` });
    const replace = await leader.send('POST', '/api/plans?replace=true', (await leader.get(planUrl)).json());
    expect(replace.statusCode).toBe(409);
  });

  it('takes follow-up on the adopted plan (actuals, new actual columns, analyses) but nothing else', async () => {
    const indicator = `${planUrl}/indicators/st-1.2.1`;
    const current = (await editor.get(indicator)).json();
    const withActual = { ...current, actuals: [...current.actuals, { period: '2020', text: '83' }] };
    expect((await editor.send('PUT', indicator, withActual, { 'if-match': await etagOf(editor, indicator) })).statusCode).toBe(200);
    const retarget = { ...withActual, targets: [{ year: 2020, text: '70%' }] };
    expect((await editor.send('PUT', indicator, retarget, { 'if-match': await etagOf(editor, indicator) })).statusCode).toBe(409);

    const table = `${planUrl}/volume-tables/volymer`;
    const volumes = (await editor.get(table)).json();
    volumes.columns.push({ key: 'utfall-2020-01', label: 'Utfall jan', kind: 'actual', period: '2020-01' });
    volumes.rows[0].cells['utfall-2020-01'] = '188';
    expect((await editor.send('PUT', table, volumes, { 'if-match': await etagOf(editor, table) })).statusCode).toBe(200);
    volumes.rows[0].cells['budget-2019'] = '150';
    expect((await editor.send('PUT', table, volumes, { 'if-match': await etagOf(editor, table) })).statusCode).toBe(409);

    const analysis = { key: 'a-1', period: '2020-01', subject: 'st-1.2.1', text: '<p>Nöjdheten sjönk efter omorganisationen.</p>' };
    expect((await editor.send('POST', `${planUrl}/analyses`, analysis)).statusCode).toBe(201);
  });

  it('keeps the adopted content as a snapshot and makes the plan public', async () => {
    const snapshot = await api.anonymous.get(`${planUrl}/snapshot`);
    expect(snapshot.statusCode).toBe(200);
    expect(snapshot.json().plan).toMatchObject({ status: 'adopted', decision: { paragraph: 'SN § 45', caseNumber: 'SN 2019/123' } });
    // The snapshot is the content as adopted; the live plan has the follow-up entered since.
    expect(snapshot.json().indicators[0].actuals).toEqual([{ period: '2018', text: '84' }]);
    expect((await api.anonymous.get(planUrl)).json().indicators[0].actuals).toEqual([{ period: '2018', text: '84' }, { period: '2020', text: '83' }]);
  });

  it('archives an adopted plan, and rolls it over into a linked draft for the next period', async () => {
    const archived = await leader.send('POST', `${planUrl}/archive`, {}, { 'if-match': '"3"' });
    expect(archived.json().status).toBe('archived');
    const created = await leader.send('POST', `${planUrl}/rollover`, { to: '2021-2023' });
    expect(created.statusCode).toBe(201);
    expect(created.headers.location).toBe('/api/plans/test-plan-2021-2023');
    const next = (await leader.get('/api/plans/test-plan-2021-2023')).json();
    expect(next.plan).toMatchObject({ status: 'draft', periodStart: 2021, periodEnd: 2023, title: 'Verksamhetsplan 2021-2023', decision: null });
    expect(next.indicators[0].targets).toEqual([{ year: 2018, text: '90%' }, { year: 2020, text: '80%' }]);
    expect(next.indicators[0].actuals).toEqual([]);
    expect(next.budgetTables[0].columns.map((c: { label: string }) => c.label)).toEqual(['Budget 2021', 'Plan 2022', 'Plan 2023']);
    expect((await leader.get('/api/plans/test-plan-2021-2023/history')).json().from).toMatchObject([{ plan: draftKey, kind: 'rollover', by: 'ledning-sn' }]);
    const audit = (await leader.get('/api/audit?plan=test-plan-2021-2023')).json().events;
    expect(audit.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['rollover', 'import']));
    const again = await leader.send('POST', `${planUrl}/rollover`, { to: '2021-2023' });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe('Det finns redan en plan med nyckeln test-plan-2021-2023. Välj en annan nyckel eller period. Ingenting har skapats.');
    expect(again.json().problems).toEqual([{ path: '$.key', message: 'Nyckeln är upptagen' }]);
  });

  it('records every workflow step in the audit trail, exportable as CSV', async () => {
    const events = (await leader.get(`/api/audit?plan=${draftKey}&entityType=plan`)).json().events;
    const steps = events.filter((e: { field: string }) => e.field === 'status').map((e: { before: string; after: string; actor: string }) => `${e.before}→${e.after} ${e.actor}`);
    expect(steps).toEqual(['adopted→archived ledning-sn', 'submitted→adopted ledning-sn', 'draft→submitted ledning-sn']);
    const csv = await leader.get(`/api/audit?plan=${draftKey}&format=csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n')[0]).toBe('\ufeffid,tidpunkt,vem,händelse,plan,typ,nyckel,fält,före,efter,anledning');
    expect(csv.body).toContain('SN § 45');
  });

  it('offers no way to change or delete the audit trail', async () => {
    const admin = await api.as('admin');
    for (const method of ['PUT', 'PATCH', 'DELETE', 'POST'] as const) {
      expect((await admin.send(method, '/api/audit', {})).statusCode).toBe(404);
    }
  });
});
