/**
 * Editing a plan through the API: every change needs the version it read (no lost updates, also
 * with two writers at once, on both engines), is checked against the whole plan, and is audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../helpers/databases.ts';
import { draftKey, etagOf, startApi, type Api, type Client } from './harness.ts';

const indicatorUrl = `/api/plans/${draftKey}/indicators/st-1.2.1`;

describe.each(engines)('editing on %s', (engine) => {
  let api: Api;
  let editor: Client;
  let other: Client;
  beforeAll(async () => {
    api = await startApi(engine, { demo: false });
    editor = await api.as('redaktor-sn');
    other = await api.as('admin');
  });
  afterAll(() => api.close());

  it('returns an ETag and refuses a write without If-Match (428) or with a stale one (412, with the current version)', async () => {
    const read = await editor.get(indicatorUrl);
    expect(read.statusCode).toBe(200);
    expect(read.headers.etag).toBe('"1"');
    const body = { ...(read.json() as object), name: 'Nöjd med hemtjänsten' };
    const missing = await editor.send('PUT', indicatorUrl, body);
    expect(missing.statusCode).toBe(428);
    expect(missing.json().message).toContain('If-Match');

    const first = await editor.send('PUT', indicatorUrl, body, { 'if-match': '"1"' });
    expect(first.statusCode).toBe(200);
    expect(first.headers.etag).toBe('"2"');

    const stale = await other.send('PUT', indicatorUrl, { ...(read.json() as object), unit: 'procent' }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().details.current).toMatchObject({ version: 2, item: { name: 'Nöjd med hemtjänsten' } });
    expect((await editor.get(indicatorUrl)).json()).toMatchObject({ name: 'Nöjd med hemtjänsten', unit: '%' });
  });

  it('lets exactly one of two simultaneous writers with the same version win', async () => {
    const etag = await etagOf(editor, indicatorUrl);
    const current = (await editor.get(indicatorUrl)).json();
    const [a, b] = await Promise.all([
      editor.send('PUT', indicatorUrl, { ...current, appliesTo: 'Samtliga' }, { 'if-match': etag }),
      other.send('PUT', indicatorUrl, { ...current, appliesTo: 'IFO' }, { 'if-match': etag }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 412]);
    const winner = a.statusCode === 200 ? 'Samtliga' : 'IFO';
    expect((await editor.get(indicatorUrl)).json().appliesTo).toBe(winner);
  });

  it('records actuals and targets as figures with their printed text', async () => {
    const current = (await editor.get(indicatorUrl)).json();
    const changed = { ...current, actuals: [{ period: '2019', text: '84' }], targets: [...current.targets, { year: 2021, text: '>85 %' }] };
    const response = await editor.send('PUT', indicatorUrl, changed, { 'if-match': await etagOf(editor, indicatorUrl) });
    expect(response.statusCode).toBe(200);
    const plan = (await editor.get(`/api/plans/${draftKey}`)).json();
    expect(plan.indicators[0].actuals).toEqual([{ period: '2019', text: '84' }]);
    expect(plan.indicators[0].targets.at(-1)).toEqual({ year: 2021, text: '>85 %' });
  });

  it('creates, changes and deletes an item, keeping the plan whole', async () => {
    const url = `/api/plans/${draftKey}/footnotes`;
    const created = await editor.send('POST', url, { key: 'fn-1', mark: '1', text: 'För fullständig definition, se separat dokument' });
    expect(created.statusCode).toBe(201);
    expect(created.headers.location).toBe(`/api/plans/${draftKey}/footnotes/fn-1`);
    expect((await editor.send('POST', url, { key: 'fn-1', mark: '1', text: 'x' })).statusCode).toBe(409);
    const deleted = await editor.send('DELETE', `${url}/fn-1`, undefined, { 'if-match': '"1"' });
    expect(deleted.statusCode).toBe(204);
    expect((await editor.get(`${url}/fn-1`)).statusCode).toBe(404);
  });

  it('lists a new item in the section of its kind, so it is printed, and takes a deleted one out of the list', async () => {
    const url = `/api/plans/${draftKey}/budget-tables`;
    const drift = (await other.get(`${url}/drift`)).json();
    const created = await other.send('POST', url, { ...drift, key: 'drift-2', heading: 'Andra enheten', rollup: undefined });
    expect(created.statusCode).toBe(201);
    const section = () => other.get(`/api/plans/${draftKey}/sections/s-budget`);
    expect((await section()).json().include).toEqual(['drift', 'drift-2']);
    expect((await section()).headers.etag).toBe('"2"');
    const html = (await other.get(`/api/plans/${draftKey}/document.html`)).body;
    expect(html).toContain('Andra enheten');
    const deleted = await other.send('DELETE', `${url}/drift-2`, undefined, { 'if-match': '"1"' });
    expect(deleted.statusCode).toBe(204);
    expect((await section()).json().include).toEqual(['drift']);
    const audit = (await other.get(`/api/audit?plan=${draftKey}&entityType=section&entityKey=s-budget`)).json().events;
    // newest first
    expect(audit.map((event: { field: string; after: unknown }) => [event.field, event.after])).toEqual([
      ['include', ['drift']],
      ['include', ['drift', 'drift-2']],
    ]);
  });

  it('refuses a change that would break a reference, and a delete of something still used', async () => {
    const current = (await editor.get(indicatorUrl)).json();
    const broken = await editor.send('PUT', indicatorUrl, { ...current, goal: 'kf-9:9' }, { 'if-match': await etagOf(editor, indicatorUrl) });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().problems).toContainEqual({ path: '$.indicators[0].goal', message: 'Målet "kf-9:9" finns inte i planen', code: 'reference' });
    const goalUrl = `/api/plans/${draftKey}/goals/kf-1:2`;
    const inUse = await editor.send('DELETE', goalUrl, undefined, { 'if-match': await etagOf(editor, goalUrl) });
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().message).toContain('används av andra delar av planen');
  });

  it('changes several cells at once (a paste), emptying a cell makes it missing, bad cells change nothing', async () => {
    const url = `/api/plans/${draftKey}/volume-tables/volymer`;
    const cells = [
      { row: 'v-vobo', column: 'utfall-2018', text: '201' },
      { row: 'v-mfb', column: 'budget-2019', text: '' },
    ];
    const pasted = await editor.send('PATCH', `${url}/cells`, { cells }, { 'if-match': await etagOf(editor, url) });
    expect(pasted.statusCode).toBe(200);
    expect(pasted.json().rows[0].cells['utfall-2018']).toBe('201');
    expect(pasted.json().rows[1].cells).toEqual({ 'utfall-2018': '50' });
    const before = (await editor.get(url)).body;
    const bad = await editor.send('PATCH', `${url}/cells`, { cells: [{ row: 'v-vobo', column: 'utfall-1999', text: '1' }] }, { 'if-match': await etagOf(editor, url) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().problems).toEqual([{ path: '$.cells[0].column', message: 'Kolumnen "utfall-1999" finns inte i tabellen' }]);
    expect((await editor.get(url)).body).toBe(before);
  });

  it('audits each changed field with before and after, who and why', async () => {
    const url = `/api/plans/${draftKey}/volume-tables/volymer`;
    const table = (await editor.get(url)).json();
    table.rows[0].cells['budget-2019'] = '190';
    const previous = table.rows[0].cells['utfall-2018'];
    const reason = encodeURIComponent('Rättat efter nämndens beslut');
    const response = await editor.send('PUT', url, table, { 'if-match': await etagOf(editor, url), 'x-reason': reason });
    expect(response.statusCode).toBe(200);
    const audit = (await editor.get(`/api/audit?plan=${draftKey}&entityType=volume-table&entityKey=volymer`)).json().events;
    expect(audit[0]).toMatchObject({ actor: 'redaktor-sn', action: 'update', field: 'rows', reason: 'Rättat efter nämndens beslut' });
    expect(audit[0].before[0].cells['budget-2019']).toBe('194(-9)');
    expect(audit[0].before[0].cells['utfall-2018']).toBe(previous);
    expect(audit[0].after[0].cells['budget-2019']).toBe('190');
  });
});
