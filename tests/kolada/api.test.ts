/**
 * Kolada over the API, with the real files in demo/kolada loaded: the comparison the issue asks
 * for (Timrå, N31807, 2022, "Liknande kommuner IFO"), the series, the comparison groups, KPI
 * search, and Swedish errors. Public data: no account needed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importKoladaFiles } from '../../src/services/kolada-import-service.ts';
import { startApi, type Api } from '../api/harness.ts';
import { sharedKoladaFiles } from './shared-files.ts';

describe('Kolada API', () => {
  let api: Api;
  beforeAll(async () => {
    api = await startApi('pglite', { demo: false });
    await importKoladaFiles(api.database.db, sharedKoladaFiles(), { trigger: 'test' });
  });
  afterAll(() => api.close());

  it('compares Timrå with "Liknande kommuner IFO" and the country for N31807 in 2022, for anyone', async () => {
    const response = await api.anonymous.get('/api/kolada/compare?kpi=N31807&year=2022&group=Liknande%20kommuner%20IFO');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.municipality).toEqual({ id: '2262', title: 'Timrå' });
    expect(body.source).toBe('Källa: Kolada, publicerad 2025-02-22');
    expect(body.order).toBe('lowest-first');
    const c = body.comparison;
    expect(c.own).toEqual({ id: '2262', title: 'Timrå', value: 2.900755 });
    expect(c.country).toBe(2.850348);
    expect(c.group.id).toBe('G36671');
    expect(c.group.statistics.mean).toBeCloseTo(2.7832838571, 9);
    expect(c.group.statistics).toMatchObject({ members: 7, withValues: 7, min: 1.997933, median: 2.562987, max: 4.631218, missing: [] });
    expect(c.group.ownPlace).toEqual({ place: 6, of: 8, tiedWith: 0 });
    expect(c.group.ranking).toHaveLength(8);
    expect(body.comparisonGroups.map((g: { area: string }) => g.area)).toContain('ekonomiskt bistånd');
  });

  it('uses the overall group by default and gives a KPI split by gender per gender, missing members named', async () => {
    const overall = (await api.anonymous.get('/api/kolada/compare?kpi=N31807&year=2022')).json();
    expect(overall.comparison.group.title).toBe('Liknande kommuner, övergripande, Timrå, 2022');
    const women = (await api.anonymous.get('/api/kolada/compare?kpi=n33816&year=2019&group=IFO&gender=K')).json();
    expect(women.comparison.own.value).toBe(4.882813);
    expect(women.comparison.group.statistics.missing.map((m: { title: string }) => m.title)).toEqual(['Gnesta', 'Simrishamn', 'Mora']);
    expect(women.comparison.group.statistics.withValues).toBe(4);
    const total = (await api.anonymous.get('/api/kolada/compare?kpi=N33816&year=2019&group=IFO')).json();
    expect(total.comparison.own.value).toBeNull();
    expect(total.comparison.group.statistics.mean).toBeNull();
  });

  it("gives a KPI's series year by year against the group and the country", async () => {
    const response = await api.anonymous.get('/api/kolada/series?kpi=N31807&group=ekonomiskt%20bist%C3%A5nd');
    expect(response.statusCode).toBe(200);
    const years = response.json().years as Array<{ year: number; own: { value: number | null }; country: number | null; group: { statistics: { mean: number | null } } }>;
    expect(years[0]!.year).toBe(1994);
    const y2022 = years.find((y) => y.year === 2022)!;
    expect(y2022.own.value).toBe(2.900755);
    expect(y2022.country).toBe(2.850348);
    expect(y2022.group.statistics.mean).toBeCloseTo((3.683406 + 2.65883 + 3.272217 + 3.985545 + 1.851544 + 3.435407 + 4.483766) / 7, 9);
  });

  it("lists the municipality's comparison groups with members", async () => {
    const body = (await api.anonymous.get('/api/kolada/groups')).json();
    const ifo = body.groups.find((g: { area: string }) => g.area === 'IFO');
    expect(ifo).toMatchObject({ id: 'G36671', year: 2022 });
    expect(ifo.members.map((m: { title: string }) => m.title)).toEqual(['Gnesta', 'Mönsterås', 'Hörby', 'Simrishamn', 'Arvika', 'Mora', 'Lycksele']);
  });

  it('finds KPIs by id and by words, titles before descriptions', async () => {
    expect((await api.anonymous.get('/api/kolada/kpis?q=n31807')).json().kpis[0]).toMatchObject({ id: 'N31807', hasValues: true });
    // Of the ids that start with N3180, those with stored values come first.
    const byPrefix = (await api.anonymous.get('/api/kolada/kpis?q=N3180')).json().kpis as Array<{ id: string; hasValues: boolean }>;
    expect(byPrefix[0]).toMatchObject({ id: 'N31807', hasValues: true });
    expect(byPrefix.every((kpi) => kpi.id.startsWith('N3180'))).toBe(true);
    const byWords = (await api.anonymous.get('/api/kolada/kpis?q=ekonomiskt%20bist%C3%A5nd%20andel&limit=5')).json().kpis as Array<{ id: string; title: string }>;
    expect(byWords.length).toBeGreaterThan(0);
    for (const kpi of byWords) expect(kpi.title.toLowerCase()).toContain('ekonomiskt bistånd');
    expect((await api.anonymous.get('/api/kolada/kpis?q=%20')).statusCode).toBe(400);
  });

  it("shows admins the sync's schedule and latest runs, and nobody else", async () => {
    const admin = await api.as('admin');
    const response = await admin.get('/api/kolada/sync');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.schedule).toEqual({ setting: 'off', nextDue: null });
    expect(body.baseUrl).toBe('https://api.kolada.se/v3');
    expect(body.lastSync).toBeNull();
    expect(body.runs[0]).toMatchObject({ kind: 'import', trigger: 'test', status: 'ok' });
    expect(body.runs[0].message).toContain('värden: 25323 nya');
    expect(body.stored).toMatchObject({ kpis: 2039, values: 25323 });
    expect((await (await api.as('lasare')).get('/api/kolada/sync')).statusCode).toBe(403);
    expect((await api.anonymous.get('/api/kolada/sync')).statusCode).toBe(401);
  });

  it('says in Swedish what is wrong: an unknown KPI, an unknown group, a bad year', async () => {
    const unknownKpi = await api.anonymous.get('/api/kolada/compare?kpi=N99999&year=2022');
    expect(unknownKpi.statusCode).toBe(404);
    expect(unknownKpi.json().message).toContain('styrkort kolada sync --kpi N99999');
    const unknownGroup = await api.anonymous.get('/api/kolada/compare?kpi=N31807&year=2022&group=finns-inte');
    expect(unknownGroup.statusCode).toBe(404);
    expect(unknownGroup.json().message).toContain('"IFO"');
    expect((await api.anonymous.get('/api/kolada/compare?kpi=N31807&year=tjugo')).statusCode).toBe(400);
  });
});
