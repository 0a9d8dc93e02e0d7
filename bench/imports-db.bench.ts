/**
 * Import benchmark with the database (issue 14, point 5): a 1 000 000-line ledger as CSV and an
 * equally large SIE 4 file, in the demo's cost centres and the months of 2017, imported whole by
 * `importLedger` (read, summed by the demo mapping, written into the IFO plan's economic tables in
 * one transaction) on PGlite and on PostgreSQL; beside it a plain `COPY` of the same CSV rows into
 * a bare table on the same engine. Prints rows per second, the ratio to COPY, and the growth of
 * the resident set size (peak during the run − before it). Targets: ≥ 200 000 rows/s on
 * PostgreSQL, within 2× of COPY, memory growth ≤ 300 MB whatever the file size.
 * Run with `npm run bench imports-db` (or `npx tsx bench/imports-db.bench.ts [lines]`).
 */
import { chmodSync, createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import iconv from 'iconv-lite';
import pg from 'pg';
import { openDatabase, type Db } from '../src/db/connection.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import * as schema from '../src/db/schema.ts';
import { demoDir, readDemoPlan } from '../src/services/demo.ts';
import { importLedger } from '../src/services/import-ledger-service.ts';
import { saveMapping } from '../src/services/ledger-mapping-service.ts';
import { importPlan } from '../src/services/plan-service.ts';
import { startPostgresServer } from '../tests/helpers/postgres-server.ts';

const LINES = Number(process.argv[2] ?? 1_000_000);
const ACCOUNTS = ['3140', '3510', '3590', '4010', '4510', '4610', '4620', '4630', '5110', '5410', '5610', '6110', '7310'];
const mappingFile: { rules: Array<{ match: { responsibility: string } }> } = JSON.parse(readFileSync(`${demoDir}timra-ifo-mappning.json`, 'utf8'));
// The demo's cost centres, and one code in twenty-one no rule maps (listed, not written).
const CODES = [...mappingFile.rules.map((rule) => rule.match.responsibility), '99999'];

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function writeLines(path: string, encode: (text: string) => Buffer, lines: () => Generator<string>): Promise<void> {
  const out = createWriteStream(path);
  let chunk: string[] = [];
  const flush = async (): Promise<void> => {
    if (!out.write(encode(`${chunk.join('\r\n')}\r\n`))) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    chunk = [];
  };
  for (const line of lines()) {
    chunk.push(line);
    if (chunk.length === 10_000) await flush();
  }
  if (chunk.length > 0) await flush();
  await new Promise<void>((resolve) => out.end(() => resolve()));
}

const ore = (next: () => number) => Math.floor(next() * 500_000) + 1; // up to 5 000 kr

function* csvLines(): Generator<string> {
  const next = random(1);
  yield 'Period;Ansvar;Verksamhet;Konto;Belopp;Text';
  for (let i = 1; i < LINES; i++) {
    const amount = ore(next);
    const kronor = String(Math.floor(amount / 100)).replace(/\B(?=(\d{3})+$)/g, ' ');
    const text = i % 7 === 0 ? '"Faktura; ramavtal"' : `Verifikation ${i}`;
    yield `2017-${String((i % 12) + 1).padStart(2, '0')};${CODES[i % CODES.length]};${5700 + (i % 20)};${ACCOUNTS[i % ACCOUNTS.length]};${i % 5 === 0 ? '-' : ''}${kronor},${String(amount % 100).padStart(2, '0')};${text}`;
  }
}

function* sieLines(): Generator<string> {
  const next = random(2);
  yield* ['#FLAGGA 0', '#PROGRAM "Styrkort bench" 1', '#FORMAT PC8', '#GEN 20180115', '#SIETYP 4', '#FNAMN "Timrå kommun"', '#RAR 0 20170101 20171231', '#DIM 1 "Ansvar"', '#DIM 20 "Verksamhet"'];
  let lines = 9;
  for (let voucher = 1; lines < LINES; voucher++) {
    const month = String((voucher % 12) + 1).padStart(2, '0');
    yield `#VER LF ${voucher} 2017${month}15 "Leverantörsfaktura ${voucher}"`;
    yield '{';
    let sum = 0;
    for (let row = 0; row < 8; row++) {
      const amount = ore(next);
      sum += amount;
      yield `   #TRANS ${ACCOUNTS[(voucher + row) % ACCOUNTS.length]} {1 "${CODES[(voucher + row) % CODES.length]}" 20 "${5700 + (row % 20)}"} ${(amount / 100).toFixed(2)}`;
    }
    yield `   #TRANS 2540 {} -${(sum / 100).toFixed(2)}`;
    yield '}';
    lines += 12;
  }
}

/** Runs `body`, sampling RSS: wall seconds, RSS growth and peak (MB). */
async function measured<T>(body: () => Promise<T>): Promise<{ result: T; seconds: number; cpuSeconds: number; growthMb: number; peakMb: number }> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const start = performance.now();
  const cpu = process.cpuUsage();
  try {
    const result = await body();
    const spent = process.cpuUsage(cpu);
    return { result, seconds: (performance.now() - start) / 1000, cpuSeconds: (spent.user + spent.system) / 1e6, growthMb: (Math.max(peak, process.memoryUsage().rss) - before) / 1e6, peakMb: Math.max(peak, process.memoryUsage().rss) / 1e6 };
  } finally {
    clearInterval(sampler);
  }
}

const bareTable = 'create table bare (period text, ansvar text, verksamhet text, konto text, belopp text, text text)';
const copyOptions = "(format csv, delimiter ';', header true, encoding 'UTF8')";

interface Engine {
  name: string;
  /** A fresh migrated database with the demo's IFO plan and mapping. */
  fresh(): Promise<{ db: Db; copy(path: string): Promise<void>; close(): Promise<void> }>;
}

async function prepare(db: Db): Promise<void> {
  await importPlan(db, readDemoPlan('timra-ifo-2018-2020.json'), { actor: 'bench', source: 'bench' });
  await saveMapping(db, mappingFile, { actor: 'bench', ifMatch: null });
}

const pglite: Engine = {
  name: 'PGlite',
  async fresh() {
    const client = await PGlite.create();
    const db: Db = drizzle(client, { schema });
    await migrateDatabase(db, 'bänk');
    await prepare(db);
    return {
      db,
      async copy(path) {
        await client.exec(bareTable);
        await client.query(`copy bare from '/dev/blob' with ${copyOptions}`, [], { blob: new Blob([readFileSync(path)]) });
      },
      close: () => client.close(),
    };
  },
};

function postgres(url: string): Engine {
  let count = 0;
  return {
    name: 'PostgreSQL',
    async fresh() {
      const name = `bench_${process.pid}_${count++}`;
      const admin = new pg.Client({ connectionString: `${url}/postgres` });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      const database = await openDatabase({ databaseUrl: `${url}/${name}` });
      await prepare(database.db);
      return {
        db: database.db,
        async copy(path) {
          const client = new pg.Client({ connectionString: `${url}/${name}` });
          await client.connect();
          try {
            await client.query(bareTable);
            // The server reads the file itself (it runs on this machine): COPY at its plainest.
            await client.query(`copy bare from '${path}' with ${copyOptions}`);
          } finally {
            await client.end();
          }
        },
        close: () => database.close(),
      };
    },
  };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'styrkort-imports-db-bench-'));
  chmodSync(dir, 0o755); // the PostgreSQL server (user postgres) reads the CSV for COPY
  const server = await startPostgresServer();
  try {
    const csv = join(dir, 'huvudbok.csv');
    const sie = join(dir, 'huvudbok.se');
    await writeLines(csv, (text) => Buffer.from(text, 'utf8'), csvLines);
    await writeLines(sie, (text) => iconv.encode(text, 'cp437'), sieLines);
    console.log(`${LINES.toLocaleString('sv-SE')} rader; CSV ${(statSync(csv).size / 1e6).toFixed(0)} MB, SIE ${(statSync(sie).size / 1e6).toFixed(0)} MB; en körning per rad på en delad maskin`);
    // On a shared machine the wall clock also counts other processes' turns; the Node process's CPU time does not (PostgreSQL's own work is outside it).
    console.log('motor       fil  steg                          rader/s   mot COPY  rader/CPU-s(node)  RSS-ökning  topp-RSS');
    const print = (engine: string, file: string, step: string, seconds: number, copySeconds: number | null, growthMb: number, peakMb: number, cpuSeconds: number) =>
      console.log(
        `${engine.padEnd(11)} ${file.padEnd(4)} ${step.padEnd(26)} ${Math.round(LINES / seconds).toLocaleString('sv-SE').padStart(10)} ${copySeconds === null ? '        –' : `${(seconds / copySeconds).toFixed(2).padStart(8)}×`} ${Math.round(LINES / Math.max(cpuSeconds, 1e-3)).toLocaleString('sv-SE').padStart(17)} ${growthMb.toFixed(0).padStart(8)} MB ${peakMb.toFixed(0).padStart(6)} MB`,
      );
    for (const engine of [pglite, postgres(server.url)]) {
      const baseline = await engine.fresh();
      const copy = await measured(() => baseline.copy(csv));
      await baseline.close();
      print(engine.name, 'CSV', 'COPY i en bar tabell', copy.seconds, null, copy.growthMb, copy.peakMb, copy.cpuSeconds);
      for (const [label, path] of [['CSV', csv], ['SIE', sie]] as const) {
        const target = await engine.fresh();
        const run = await measured(() => importLedger(target.db, { planKey: 'timra-ifo-2018-2020', mapping: 'timra-ifo', source: createReadStream(path, { highWaterMark: 1 << 16 }), fileName: `huvudbok.${label.toLowerCase()}`, actor: 'bench' }));
        if (run.result.status !== 'imported') throw new Error(`${engine.name} ${label}: ${run.result.status}`);
        await target.close();
        print(engine.name, label, `import-ledger (${run.result.record?.summary.written ?? 0} celler)`, run.seconds, copy.seconds, run.growthMb, run.peakMb, run.cpuSeconds);
      }
    }
  } finally {
    server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
