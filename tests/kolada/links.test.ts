/**
 * Linking a plan's measures to Kolada KPIs over the API, and the demo's links: Timrå's volume
 * "Antal hushåll med försörjningsstöd" compared with "Liknande kommuner ekonomiskt bistånd" and the
 * country from the real files in demo/kolada (Källa: Kolada). If-Match, audit, Swedish refusals.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKoladaDemo } from '../../src/services/kolada-demo.ts';
import { importPlan } from '../../src/services/plan-service.ts';
import { aPlan } from '../helpers/plan-builder.ts';
import { startApi, type Api, type Client } from '../api/harness.ts';

const sn = 'timra-sn-2020-2022';
const ifo = 'timra-ifo-2018-2020';

describe('Kolada links', () => {
  let api: Api;
  let editor: Client;
  beforeAll(async () => {
    api = await startApi('pglite');
    const first = await loadKoladaDemo(api.database.db, 'test');
    expect(first.valuesImported).toBe(25323);
    expect(first.linksCreated).toBe(3);
    expect(await loadKoladaDemo(api.database.db, 'test')).toEqual({ valuesImported: 0, linksCreated: 0 });
    editor = await api.as('redaktor-sn');
  }, 240_000);
  afterAll(() => api.close());

  it("lists the plan's measures with the demo's links, shared by both plans that show the measure", async () => {
    const body = (await api.anonymous.get(`/api/plans/${sn}/kolada`)).json();
    expect(body.municipality).toBe('2262');
    const households = body.measures.find((m: { measure: string }) => m.measure === 'hushall-forsorjningsstod');
    expect(households).toMatchObject({ itemType: 'volume', label: 'Antal hushåll med försörjningsstöd', node: 'sn', version: 1 });
    expect(households.kpis.map((k: { kpi: string; group: string }) => [k.kpi, k.group])).toEqual([['N31807', 'ekonomiskt bistånd'], ['N31910', 'ekonomiskt bistånd']]);
    expect(households.kpis[0]).toMatchObject({ source: 'Källa: Kolada, publicerad 2025-02-22', hasValues: true });
    const inIfo = (await api.anonymous.get(`/api/plans/${ifo}/kolada/volume/hushall-forsorjningsstod`)).json();
    expect(inIfo.kpis).toHaveLength(2);
    const unlinked = body.measures.find((m: { measure: string }) => m.measure === 'st-1.2.1');
    expect(unlinked).toMatchObject({ itemType: 'indicator', number: '1.2.1', kpis: [], version: 0 });
  });

  it("compares the demo's N31807 for 2022: Timrå against its group for ekonomiskt bistånd and the country", async () => {
    const c = (await api.anonymous.get('/api/kolada/compare?kpi=N31807&year=2022&municipality=2262&group=ekonomiskt%20bist%C3%A5nd')).json().comparison;
    expect(c.own.value).toBe(2.900755);
    expect(c.group.title).toBe('Liknande kommuner ekonomiskt bistånd, Timrå, 2022');
    expect(c.group.statistics.mean).toBeCloseTo(3.338674, 6);
    expect(c.country).toBe(2.850348);
    expect(c.group.ownPlace).toEqual({ place: 3, of: 8, tiedWith: 0 });
  });

  it('links an indicator with If-Match "0" first, then its version; audited; an empty list unlinks', async () => {
    const url = `/api/plans/${sn}/kolada/indicator/st-1.2.1`;
    const first = await api.anonymous.get(url);
    expect(first.headers.etag).toBe('"0"');
    expect((await editor.send('PUT', url, { kpis: [{ kpi: 'u21468', group: 'äldreomsorg' }] })).statusCode).toBe(428);
    const created = await editor.send('PUT', url, { kpis: [{ kpi: 'u21468', group: 'äldreomsorg' }] }, { 'if-match': '"0"' });
    expect(created.statusCode).toBe(200);
    expect(created.headers.etag).toBe('"1"');
    expect(created.json()).toEqual({ version: 1, kpis: [{ kpi: 'U21468', group: 'äldreomsorg' }] });
    const stale = await editor.send('PUT', url, { kpis: [] }, { 'if-match': '"0"' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().message).toContain('Någon annan har ändrat kopplingen');
    const same = await editor.send('PUT', url, { kpis: [{ kpi: 'U21468', group: 'äldreomsorg' }] }, { 'if-match': '"1"' });
    expect(same.headers.etag).toBe('"1"');
    const audit = (await editor.get(`/api/audit?plan=${sn}&entityType=kolada-link`)).json();
    const events = (audit.events ?? audit) as Array<{ action: string; entityKey: string; after: unknown; actor: string }>;
    expect(events.filter((e) => e.entityKey === '2262/indicator/st-1.2.1')).toEqual([expect.objectContaining({ action: 'create', actor: 'redaktor-sn', after: [{ kpi: 'U21468', group: 'äldreomsorg' }] })]);
    const removed = await editor.send('PUT', url, { kpis: [] }, { 'if-match': '"1"' });
    expect(removed.json()).toEqual({ version: 0, kpis: [] });
    expect((await api.anonymous.get(url)).headers.etag).toBe('"0"');
  });

  it('refuses a bad KPI id in Swedish and changes nothing; an unknown measure is 404; IFO editors do not link SN measures', async () => {
    const url = `/api/plans/${sn}/kolada/volume/hushall-forsorjningsstod`;
    const bad = await editor.send('PUT', url, { kpis: [{ kpi: 'N31807' }, { kpi: 'bistånd' }, { kpi: 'n31807' }] }, { 'if-match': '"1"' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().problems.map((p: { message: string }) => p.message)).toEqual(['"bistånd" är inget Kolada-id; ange t.ex. N31807', 'N31807 finns redan i listan']);
    expect((await api.anonymous.get(url)).json().kpis).toHaveLength(2);
    expect((await editor.send('PUT', `/api/plans/${sn}/kolada/volume/finns-inte`, { kpis: [] }, { 'if-match': '"0"' })).statusCode).toBe(404);
    const ifoEditor = await api.as('redaktor-ifo');
    expect((await ifoEditor.send('PUT', url, { kpis: [] }, { 'if-match': '"1"' })).statusCode).toBe(403);
  });

  it('takes the outcome from Kolada where the plan names it as the source, and judges "bättre än riket" and "i nivå med liknande kommuner" with it', async () => {
    const indicator = (key: string, number: string, target: string) => ({ key, number, name: 'Invånare med ekonomiskt bistånd, andel (%)', goal: 'kf-1:2', unit: '%', direction: 'lower-better' as const, source: 'Kolada (N31807)', targets: [{ year: 2022, text: target }], actuals: [] });
    await importPlan(api.database.db, aPlan({ plan: { key: 'kolada-plan-2021-2022', periodStart: 2021, periodEnd: 2022 }, indicators: [indicator('st-ekb-riket', '9.1', 'bättre än riket'), indicator('st-ekb-grupp', '9.2', 'i nivå med liknande kommuner')] }), { actor: 'test', source: 'test' });
    // Read (and cached) before the link: no outcome yet. The link changes the municipality's content version (drizzle/0022).
    const before = (await editor.get('/api/plans/kolada-plan-2021-2022/scorecard?period=2022')).body;
    expect(before).not.toContain('2,900755');
    for (const key of ['st-ekb-riket', 'st-ekb-grupp']) {
      const saved = await editor.send('PUT', `/api/plans/kolada-plan-2021-2022/kolada/indicator/${key}`, { kpis: [{ kpi: 'N31807', group: 'IFO' }] }, { 'if-match': '"0"' });
      expect(saved.statusCode).toBe(200);
    }
    const card = (await editor.get('/api/plans/kolada-plan-2021-2022/scorecard?period=2022')).json();
    expect(JSON.stringify(card)).toContain('2,900755');
    const rows = new Map<string, { actual: string | null; status: string; explanation: string }>();
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        const record = node as Record<string, unknown>;
        if (typeof record.indicatorKey === 'string' && 'status' in record) rows.set(record.indicatorKey, record as never);
        Object.values(record).forEach(walk);
      }
    };
    walk(card);
    expect(rows.get('st-ekb-riket')).toMatchObject({ status: 'yellow', explanation: 'Utfall 2,9 % mot riket 2,85 % (målvärde bättre än riket): nära målet, 0,05 procentenheter över (tolerans 0,14)' });
    expect(rows.get('st-ekb-grupp')).toMatchObject({ status: 'green', explanation: 'Utfall 2,9 % mot liknande kommuner 2,78 % (målvärde i nivå med liknande kommuner): uppfyllt, 0,12 procentenheter från målet' });
    // The stored plan is unchanged: the outcome is Kolada's, read when the scorecard is.
    const stored = (await editor.get('/api/plans/kolada-plan-2021-2022/indicators/st-ekb-riket')).json();
    expect(stored.actuals).toEqual([]);
  });

  it("prints the linked measures' comparison with 'Källa: Kolada' in the follow-up report, for the report's year", async () => {
    const response = await api.anonymous.get(`/api/plans/${sn}/report.html?period=2020`);
    expect(response.statusCode).toBe(200);
    const html = response.body;
    expect(html).toContain('Jämförelse med andra kommuner');
    expect(html).toContain('Källa: Kolada, publicerad 2025-02-22');
    expect(html).toContain('Jämförelsegrupp: Liknande kommuner IFO, Timrå, 2022; Liknande kommuner ekonomiskt bistånd, Timrå, 2022.');
    // N31807 in 2020: Timrå 3,85793 %, the country 3,605823 % (printed to two decimals).
    const row = html.slice(html.indexOf('N31807 Invånare'), html.indexOf('</tr>', html.indexOf('N31807 Invånare')));
    expect(row).toContain('2020');
    expect(row).toContain('3,86');
    expect(row).toContain('3,61');
    // The IFO plan shows the same measure, so the same link (the municipality's), for 2017.
    const ifoReport = (await api.anonymous.get('/api/plans/timra-ifo-2018-2020/report.html?period=2017-08')).body;
    const ifoRow = ifoReport.slice(ifoReport.indexOf('N31807 Invånare'), ifoReport.indexOf('</tr>', ifoReport.indexOf('N31807 Invånare')));
    expect(ifoRow).toContain('2017');
    expect(ifoRow).toContain('4,23');
  });
});
