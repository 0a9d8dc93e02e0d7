/**
 * Storage benchmark: importing, exporting and serving the demo plans on PGlite and on a
 * PostgreSQL server, and a large plan (the SN plan's tables ×20). Prints medians and ratios.
 * Run with `npm run bench` (or `npx tsx bench/storage.bench.ts`).
 */
import { performance } from 'node:perf_hooks';
import { openDatabase, type Database } from '../src/db/connection.ts';
import { buildServer } from '../src/http/server.ts';
import { readDemoPlan } from '../src/services/demo.ts';
import { exportPlan, importPlan } from '../src/services/plan-service.ts';
import type { PlanFile } from '../src/domain/plan.ts';
import { startPostgresServer } from '../tests/helpers/postgres-server.ts';
import pg from 'pg';

const runs = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** A plan ~20× the SN plan: each volume and budget table copied under new keys. */
function largePlan(): unknown {
  const base = readDemoPlan('timra-sn-2020-2022.json') as PlanFile;
  const copy = structuredClone(base);
  copy.plan.key = 'stor-plan-2020-2022';
  for (let i = 1; i < 20; i++) {
    copy.volumeTables.push(...base.volumeTables.map((t) => ({ ...structuredClone(t), key: `${t.key}-${i}`, rows: t.rows.map((r) => ({ ...r, key: `${r.key}-${i}`, partOf: r.partOf ? `${r.partOf}-${i}` : undefined })) })));
    copy.budgetTables.push(...base.budgetTables.map((t) => ({ ...structuredClone(t), key: `${t.key}-${i}` })));
  }
  return copy;
}

async function time<T>(body: () => Promise<T>): Promise<number> {
  const start = performance.now();
  await body();
  return performance.now() - start;
}

async function measure(label: string, open: () => Promise<Database>): Promise<Record<string, number>> {
  const results: Record<string, number[]> = { 'import both demo plans': [], 'export SN plan': [], 'import large plan': [], 'export large plan': [], 'GET /api/plans/{sn} ×50': [] };
  const large = largePlan();
  for (let run = 0; run < runs; run++) {
    const database = await open();
    const { db } = database;
    results['import both demo plans']!.push(await time(async () => {
      await importPlan(db, readDemoPlan('timra-ifo-2018-2020.json'), { actor: 'bench', source: 'bench' });
      await importPlan(db, readDemoPlan('timra-sn-2020-2022.json'), { actor: 'bench', source: 'bench' });
    }));
    results['export SN plan']!.push(await time(() => exportPlan(db, 'timra-sn-2020-2022')));
    results['import large plan']!.push(await time(() => importPlan(db, large, { actor: 'bench', source: 'bench' })));
    results['export large plan']!.push(await time(() => exportPlan(db, 'stor-plan-2020-2022')));
    const app = buildServer({ db });
    await app.ready();
    results['GET /api/plans/{sn} ×50']!.push(await time(async () => {
      for (let i = 0; i < 50; i++) await app.inject({ method: 'GET', url: '/api/plans/timra-sn-2020-2022' });
    }));
    await app.close();
    await database.close();
  }
  const medians = Object.fromEntries(Object.entries(results).map(([name, values]) => [name, median(values)]));
  console.log(`\n${label} (median of ${runs}, ms)`);
  for (const [name, value] of Object.entries(medians)) console.log(`  ${name.padEnd(28)} ${value.toFixed(1).padStart(9)}`);
  return medians;
}

const template = await (async () => {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrateDatabase } = await import('../src/db/migrate.ts');
  const schema = await import('../src/db/schema.ts');
  const client = await PGlite.create();
  await migrateDatabase(drizzle(client, { schema }) as never, 'mall');
  const dump = await client.dumpDataDir('none');
  await client.close();
  return dump;
})();

const pglite = await measure('PGlite (in memory, from a migrated template)', () => openDatabase({ memory: { loadDataDir: template } }));

const server = await startPostgresServer();
let n = 0;
const postgres = await measure('PostgreSQL server (fsync off)', async () => {
  const name = `bench_${n++}`;
  const admin = new pg.Client({ connectionString: `${server.url}/postgres` });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  return openDatabase({ databaseUrl: `${server.url}/${name}` });
});
server.stop();

console.log('\nratio PGlite / PostgreSQL');
for (const name of Object.keys(pglite)) console.log(`  ${name.padEnd(28)} ${(pglite[name]! / postgres[name]!).toFixed(2).padStart(9)}`);
