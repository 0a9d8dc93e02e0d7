/**
 * The Kolada sync against a local API on 127.0.0.1 built from the real files (never the internet):
 * metadata, Timrå's comparison groups and their members, paging, ≤ 25 ids per path segment,
 * from_date on the next sync, isdeleted; a 429 with Retry-After, 500s, a connection dropped
 * mid-page; malformed JSON (Swedish message, nothing of that unit stored, the next run resumes);
 * an interrupted run resumed; one sync at a time.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '../../src/db/connection.ts';
import { claimSyncRun, listRuns } from '../../src/db/kolada-run-repository.ts';
import { rows } from '../../src/db/migrate.ts';
import { compareKpi } from '../../src/services/kolada-compare-service.ts';
import { syncKolada, type SyncOptions } from '../../src/services/kolada-sync-service.ts';
import { engines, freshDatabase } from '../helpers/databases.ts';
import { FakeKolada } from './fake-kolada.ts';

const kpis = ['N31807', 'N31910', 'N33816', 'N30101'];
const today = new Date().toISOString().slice(0, 10);

function options(kolada: FakeKolada, extra: Partial<SyncOptions> = {}): SyncOptions {
  return { trigger: 'cli', baseUrl: kolada.url, kpis, municipality: '2262', client: { baseDelayMs: 20, maxDelayMs: 100, maxAttempts: 4, random: () => 0.5 }, ...extra };
}

async function value(database: Database, kpi: string, municipality: string, year: number, gender = 'T'): Promise<string | null | undefined> {
  const found = await rows<{ value: string | null }>(database.db, sql`select value::text as value from kolada_values where kpi = ${kpi} and municipality = ${municipality} and year = ${year} and gender = ${gender}`);
  return found.length ? found[0]!.value : undefined;
}

async function valueCount(database: Database, municipalities?: string[]): Promise<number> {
  const where = municipalities ? sql`where municipality in (${sql.join(municipalities.map((m) => sql`${m}`), sql`, `)})` : sql``;
  return (await rows<{ n: number }>(database.db, sql`select count(*)::int as n from kolada_values ${where}`))[0]!.n;
}

const dataUnitPaths = (kolada: FakeKolada) => [...new Set(kolada.requestsTo('/data/').map((r) => r.path))].sort();

describe.each(engines)('Kolada sync on %s', (engine) => {
  let database: Database;
  let kolada: FakeKolada;
  beforeEach(async () => {
    database = await freshDatabase(engine);
    kolada = await new FakeKolada(1000).start();
  });
  afterEach(async () => {
    await kolada.stop();
    await database.close();
  });

  it("fetches metadata, then values for Timrå, its comparison groups' members and the country, page by page, ≤ 25 ids per segment", async () => {
    const result = await syncKolada(database.db, options(kolada));
    expect(result.message).toMatch(/^Klar: 4 nyckeltal för \d+ kommuner; värden \d+ nya, 0 ändrade/);
    expect(await value(database, 'N31807', '2262', 2022)).toBe('2.900755');
    expect(await value(database, 'N31807', '0000', 2022)).toBe('2.850348');
    expect(await value(database, 'N33816', '2262', 2017, 'K')).toBeNull(); // null stays null
    // Every member of G36671 (Liknande kommuner IFO, Timrå, 2022) was fetched.
    for (const member of ['0461', '0861', '1266', '1291', '1784', '2062', '2481']) expect(await value(database, 'N31807', member, 2022)).not.toBeUndefined();
    for (const request of kolada.requestsTo('/data/')) {
      const [, , , kpiSegment, , municipalitySegment] = request.path.split('/');
      expect(decodeURIComponent(kpiSegment!).split(',').length).toBeLessThanOrEqual(25);
      expect(decodeURIComponent(municipalitySegment!).split(',').length).toBeLessThanOrEqual(25);
      expect(request.query.from_date).toBeUndefined(); // first sync: everything
    }
    expect(result.summary.municipalities).toBeGreaterThan(25); // so the municipalities span several units
    expect(dataUnitPaths(kolada).length).toBe(Math.ceil(result.summary.municipalities / 25));
    // next_url names api.kolada.se; the client followed it on its own host, so later pages reached this server.
    expect(kolada.requests.filter((r) => r.query.page === '2').length).toBeGreaterThan(0);
    expect(kolada.requestsTo('/municipality_groups').length).toBe(4); // 3 309 groups, 1 000 a page
    const comparison = await compareKpi(database.db, { kpi: 'N31807', year: 2022, municipality: '2262', group: 'IFO' });
    expect(comparison.comparison.group!.statistics.mean!.toFixed(6)).toBe('2.783284');
    const [run] = await listRuns(database.db, 'sync', 1);
    expect(run).toMatchObject({ status: 'ok', trigger: 'cli', message: result.message });
  });

  it('asks only for data updated since the last sync, and applies changes and isdeleted rows', async () => {
    await syncKolada(database.db, options(kolada));
    const before = await valueCount(database);
    kolada.requests.length = 0;
    const second = await syncKolada(database.db, options(kolada));
    expect(kolada.requestsTo('/data/').every((r) => r.query.from_date === today)).toBe(true);
    expect(second.summary.values).toEqual({ inserted: 0, updated: 0, unchanged: 0 });

    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    kolada.setValue('N31807', '2262', 2023, 'T', 3.1, tomorrow);
    kolada.setValue('N31807', '0000', 2022, 'T', 2.9, tomorrow);
    kolada.deleteRow('N31807', '0461', 2022, tomorrow);
    const third = await syncKolada(database.db, options(kolada));
    expect(third.summary.values).toMatchObject({ inserted: 1, updated: 1 });
    expect(third.summary.deletedValues).toBe(1);
    expect(await value(database, 'N31807', '2262', 2023)).toBe('3.1');
    expect(await value(database, 'N31807', '0000', 2022)).toBe('2.9');
    expect(await value(database, 'N31807', '0461', 2022)).toBeUndefined();
    expect(await valueCount(database)).toBe(before + 1 - 1);
  });

  it('waits as Retry-After says on 429, and retries 500s and a connection dropped mid-page', async () => {
    kolada.fail({ when: ({ path }) => path === '/v3/municipality', kind: 'status', status: 429, retryAfter: '1' });
    kolada.fail({ when: ({ path }) => path === '/v3/municipality_groups', kind: 'status', status: 500, times: 2 });
    kolada.fail({ when: ({ path, page }) => path.startsWith('/v3/data/') && page === 2, kind: 'drop' });
    const result = await syncKolada(database.db, options(kolada));
    const [refused, retried] = kolada.requestsTo('/v3/municipality').filter((r) => r.path === '/v3/municipality');
    expect(refused!.status).toBe(429);
    expect(retried!.at - refused!.at).toBeGreaterThanOrEqual(950);
    expect(kolada.requests.filter((r) => r.status === 500)).toHaveLength(2);
    expect(kolada.requests.filter((r) => r.status === 'dropped')).toHaveLength(1);
    // The four scripted faults; on a loaded machine an idle keep-alive connection may also be reset once more.
    expect(result.summary.retries).toBeGreaterThanOrEqual(4);
    expect(await value(database, 'N31807', '2262', 2022)).toBe('2.900755');
    expect(await valueCount(database)).toBe(await syncedEverything(engine));
  });

  it('stops on malformed JSON with a Swedish message, stores nothing of that part, and the next run resumes where it stopped', async () => {
    // The second value unit breaks on its second page.
    let firstUnit = '';
    kolada.fail({
      when: ({ path, page }) => {
        if (!path.startsWith('/v3/data/')) return false;
        firstUnit ||= path;
        return path !== firstUnit && page === 2;
      },
      kind: 'malformed',
    });
    const error = await syncKolada(database.db, options(kolada)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'upstream' });
    expect((error as Error).message).toMatch(/^Kolada svarade med ogiltig JSON på http:\/\/127\.0\.0\.1:\d+\/v3\/data\/kpi\/.+ \(sida 2, rad 1, kolumn \d+\)\. Inget från den delen har sparats; kör synken igen för att fortsätta\.$/);
    const [failed] = await listRuns(database.db, 'sync', 1);
    expect(failed).toMatchObject({ status: 'failed', message: (error as Error).message });
    const broken = dataUnitPaths(kolada).find((path) => path !== firstUnit)!;
    const brokenMunicipalities = decodeURIComponent(broken.split('/')[6]!).split(',');
    expect(await valueCount(database, brokenMunicipalities)).toBe(0);
    const firstMunicipalities = decodeURIComponent(firstUnit.split('/')[6]!).split(',');
    expect(await valueCount(database, firstMunicipalities)).toBeGreaterThan(0);

    kolada.requests.length = 0;
    const resumed = await syncKolada(database.db, options(kolada));
    expect(resumed.resumedFrom).toBe(failed!.id);
    expect(kolada.requestsTo('/v3/municipality')).toEqual([]); // metadata was done
    expect(kolada.requestsTo(firstUnit)).toEqual([]); // so was the first unit
    expect(kolada.requestsTo(broken).length).toBeGreaterThan(0);
    expect(resumed.summary.unitsSkipped).toBe(5);
    expect(await valueCount(database)).toBe(await syncedEverything(engine));
  });

  it('records an interrupted run (Ctrl-C) and a dead one (no heartbeat), and resumes both; one sync at a time', async () => {
    const controller = new AbortController();
    const error = await syncKolada(database.db, options(kolada, { signal: controller.signal, onProgress: (message) => message.startsWith('Värden') && controller.abort() })).catch((e: unknown) => e);
    expect((error as Error).message).toContain('Synken avbröts');
    const [interrupted] = await listRuns(database.db, 'sync', 1);
    expect(interrupted!.status).toBe('interrupted');

    // A run that another process left "running" blocks a new one while its heartbeat is fresh …
    const dead = await claimSyncRun(database.db, { trigger: 'schedule', request: {}, done: [], resumedFrom: null });
    await expect(syncKolada(database.db, options(kolada))).rejects.toThrow(/En Kolada-synk pågår redan/);
    // … and is taken as dead once its heartbeat is old; the interrupted run's request is resumed.
    const resumed = await syncKolada(database.db, options(kolada, { now: () => new Date(Date.now() + 11 * 60_000) }));
    const runs = await listRuns(database.db, 'sync', 3);
    expect(runs.find((r) => r.id === dead)!.status).toBe('interrupted');
    expect(resumed.resumedFrom).toBe(interrupted!.id);
    expect(resumed.summary.unitsSkipped).toBeGreaterThanOrEqual(5); // metadata and the first value unit
    expect(await valueCount(database)).toBe(await syncedEverything(engine));
  });

  it('gives up after the set number of attempts with a Swedish message, keeping what was finished', async () => {
    kolada.fail({ when: ({ path }) => path === '/v3/kpi', kind: 'status', status: 503, times: 10 });
    const error = await syncKolada(database.db, options(kolada)).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/^Kolada svarade inte efter 4 försök på http:\/\/127\.0\.0\.1:\d+\/v3\/kpi\?per_page=5000 \(serverfel 503\)\. Det som hämtats klart är sparat; kör synken igen för att fortsätta\.$/);
    const stored = await rows<{ municipalities: number; kpis: number }>(database.db, sql`select (select count(*)::int from kolada_municipalities) as municipalities, (select count(*)::int from kolada_kpis) as kpis`);
    expect(stored).toEqual([{ municipalities: 312, kpis: 0 }]);
  });
});

const everything = new Map<string, number>();

/** How many values a complete sync stores (from one clean sync, computed once per engine). */
async function syncedEverything(engine: (typeof engines)[number]): Promise<number> {
  if (!everything.has(engine)) {
    const database = await freshDatabase(engine);
    const kolada = await new FakeKolada(1000).start();
    try {
      await syncKolada(database.db, options(kolada));
      everything.set(engine, await valueCount(database));
    } finally {
      await kolada.stop();
      await database.close();
    }
  }
  return everything.get(engine)!;
}
