/**
 * Kolada benchmark (issue 15, point 7): the offline import of the files in demo/kolada, then the
 * real municipality list and groups with synthetic values for 300 KPIs × all 312 Kolada
 * municipalities (290 kommuner, 21 regions, the country) × 20 years × 3 genders (≈ 5,6 M rows),
 * and the comparison for one KPI and year (own value, group mean, quartiles, rank, country) —
 * target ≤ 20 ms — on PGlite (data directory on disk) and on a PostgreSQL server.
 * Run with `npm run bench kolada`; KOLADA_BENCH_KPIS=30 makes a quick, smaller run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase, type Database } from '../src/db/connection.ts';
import { rows } from '../src/db/migrate.ts';
import { compareKpi, kpiSeries } from '../src/services/kolada-compare-service.ts';
import { importKoladaFiles } from '../src/services/kolada-import-service.ts';
import { startPostgresServer } from '../tests/helpers/postgres-server.ts';
import { sharedKoladaFiles } from '../tests/kolada/shared-files.ts';

const kpiCount = Number(process.env.KOLADA_BENCH_KPIS ?? 300);
const years = 20;
const runs = 30;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function time(body: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await body();
  return performance.now() - start;
}

/**
 * Wall time (median and best of the runs) and this process's CPU time per call. The machine is
 * shared: the best run and the CPU time show the cost without other processes' load (for PGlite
 * all work is in this process; for PostgreSQL the server's share is not in the CPU figure).
 */
async function repeat(body: () => Promise<unknown>): Promise<{ median: number; best: number; cpu: number }> {
  await body(); // warm
  const times: number[] = [];
  const cpuBefore = process.cpuUsage();
  for (let i = 0; i < runs; i++) times.push(await time(body));
  const cpu = process.cpuUsage(cpuBefore);
  return { median: median(times), best: Math.min(...times), cpu: (cpu.user + cpu.system) / 1000 / runs };
}

/** Synthetic values for `kpiCount` real KPI ids, every Kolada municipality, 20 years, T/K/M; 5 % null. */
async function loadSynthetic(database: Database): Promise<{ rows: number; ms: number; kpis: string[] }> {
  const kpis = (await rows<{ id: string }>(database.db, sql`select id from kolada_kpis where id not in ('N31807', 'N31910', 'N30101', 'N33816') order by id limit ${kpiCount}`)).map((k) => k.id);
  const start = performance.now();
  for (let i = 0; i < kpis.length; i += 10) {
    const block = kpis.slice(i, i + 10);
    await database.db.execute(sql`
      insert into kolada_values (kpi, year, gender, municipality, value, status, count, run_id)
      select k.id, y::smallint, g.gender, m.id,
             case when random() < 0.05 then null else round((random() * 1000)::numeric, 6) end, null, null, 0
        from unnest(${`{${block.join(',')}}`}::text[]) as k(id)
       cross join generate_series(${2024 - years}, 2023) as y
       cross join (values ('T'), ('K'), ('M')) as g(gender)
       cross join kolada_municipalities m`);
  }
  await database.db.execute(sql`analyze kolada_values`);
  const [count] = await rows<{ n: number }>(database.db, sql`select count(*)::int as n from kolada_values`);
  return { rows: count!.n, ms: performance.now() - start, kpis };
}

async function measure(label: string, open: () => Promise<Database>): Promise<Record<string, number>> {
  const results: Record<string, number> = {};
  const importTimes: number[] = [];
  for (let i = 0; i < 3; i++) {
    const fresh = await open();
    importTimes.push(await time(() => importKoladaFiles(fresh.db, sharedKoladaFiles(), { trigger: 'bench' })));
    if (i < 2) await fresh.close();
    else {
      results['import demo/kolada (8 files), median of 3'] = median(importTimes);
      results['import again (nothing changes)'] = await time(() => importKoladaFiles(fresh.db, sharedKoladaFiles(), { trigger: 'bench' }));
      const loaded = await loadSynthetic(fresh);
      console.log(`\n${label}: ${loaded.rows.toLocaleString('sv-SE')} values (${loaded.kpis.length} KPIs × 312 × ${years} years × 3 + the demo files) loaded in ${(loaded.ms / 1000).toFixed(1)} s`);
      const kpi = loaded.kpis[Math.floor(loaded.kpis.length / 2)]!;
      const report = (name: string, r: { median: number; best: number; cpu: number }) => {
        results[`${name}: median`] = r.median;
        results[`${name}: best`] = r.best;
        results[`${name}: CPU`] = r.cpu;
      };
      report('compare, IFO group (7) + country', await repeat(() => compareKpi(fresh.db, { kpi, year: 2022, municipality: '2262', group: 'IFO' })));
      report('compare, all 290 municipalities', await repeat(() => compareKpi(fresh.db, { kpi, year: 2022, municipality: '2262', group: 'Alla kommuner (ovägt medel)' })));
      report('compare N31807 2022 (real), IFO', await repeat(() => compareKpi(fresh.db, { kpi: 'N31807', year: 2022, municipality: '2262', group: 'IFO' })));
      report('series 20 years, IFO + country', await repeat(() => kpiSeries(fresh.db, { kpi, municipality: '2262', group: 'IFO' })));
      const plan = await rows<{ 'QUERY PLAN': string }>(
        fresh.db,
        sql`explain select municipality, year, value from kolada_values where kpi = ${kpi} and gender = 'T' and year = 2022 and municipality in ('2262', '0000', '0461', '0861')`,
      );
      console.log(`  plan: ${plan.map((p) => p['QUERY PLAN'].trim()).join(' | ')}`);
      await fresh.close();
    }
  }
  console.log(`${label} (ms; comparisons: ${runs} warm runs; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')})`);
  for (const [name, value] of Object.entries(results)) console.log(`  ${name.padEnd(46)} ${value.toFixed(1).padStart(9)}`);
  return results;
}

const pgliteRoot = mkdtempSync(join(tmpdir(), 'styrkort-kolada-bench-'));
let pgliteN = 0;
const pglite = await measure('PGlite (data directory on disk)', () => openDatabase({ dataDir: join(pgliteRoot, `db${pgliteN++}`), purpose: 'bench' }));
rmSync(pgliteRoot, { recursive: true, force: true });

const server = await startPostgresServer();
let n = 0;
const postgres = await measure('PostgreSQL server', async () => {
  const name = `kolada_bench_${n++}`;
  const admin = new pg.Client({ connectionString: `${server.url}/postgres` });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  return openDatabase({ databaseUrl: `${server.url}/${name}` });
});
server.stop();

console.log('\nratio PGlite / PostgreSQL');
for (const name of Object.keys(pglite)) console.log(`  ${name.padEnd(46)} ${(pglite[name]! / postgres[name]!).toFixed(2).padStart(9)}`);
const key = 'compare, IFO group (7) + country';
for (const [label, r] of [['PGlite', pglite], ['PostgreSQL', postgres]] as const) {
  const met = r[`${key}: best`]! <= 20 && r[`${key}: CPU`]! <= 20;
  console.log(`Target ≤ 20 ms for one KPI and year on ${label}: best ${r[`${key}: best`]!.toFixed(1)} ms, median ${r[`${key}: median`]!.toFixed(1)} ms on this shared machine → ${met ? 'met' : 'NOT met'}`);
}
