/**
 * Reads and writes over HTTP at 50 connections, on PGlite (a data directory) and on a PostgreSQL
 * server: the adopted plan and its scorecard against the same server's hello-world route, the
 * draft scorecard, a cell PATCH, and the documents' first answer. The server runs in a process of
 * its own (bench/lib/instance.ts); the load comes from this one. Targets: issue 11.6.
 * STYRKORT_BENCH_WRITES_ONLY=1 (`STYRKORT_BENCH_WRITES_ONLY=1 npm run bench -- --quick reads`) measures
 * only the hello-world ceiling and the cell PATCH, to compare a change to the write path quickly.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { startPostgresServer } from '../tests/helpers/postgres-server.ts';
import { demoPassword } from '../src/services/demo.ts';
import { closeConnections, closedLoop, connections, hammer, hammerBeside, loadGenerator, openLoop, seconds, send, type LoadResult } from './lib/load.ts';
import { adoptedKey, draftKey, writeKey, writeTables } from './lib/plans.ts';
import { wrkPath } from './lib/wrk.ts';
import { cpuSeconds, loadAverage, rssMb, startInstance, type Instance } from './lib/processes.ts';
import { record } from './lib/report.ts';

type Engine = 'PGlite' | 'PostgreSQL';

/** What a browser's fetch sends: the server answers text gzipped (src/http/representation.ts). */
const browserAccepts = { 'accept-encoding': 'gzip, deflate, br' };

const writesOnly = process.env.STYRKORT_BENCH_WRITES_ONLY === '1';

interface Login {
  cookie: string;
  csrf: string;
}

async function login(base: string, username: string): Promise<Login> {
  const answer = await send(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: demoPassword }) });
  if (answer.status !== 200) throw new Error(`inloggning som ${username}: ${answer.status} ${answer.body}`);
  const setCookie = answer.headers['set-cookie'];
  const cookie = (Array.isArray(setCookie) ? setCookie[0]! : String(setCookie)).split(';')[0]!;
  return { cookie, csrf: (JSON.parse(answer.body) as { csrfToken: string }).csrfToken };
}

function describe(result: LoadResult): string {
  const failures = result.failures ? `, ${result.failures} FAILED` : '';
  return `${result.rate.toFixed(0)} req/s, p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, ${result.requests} requests${failures}`;
}

/**
 * The server's CPU time per answer against hello-world's, in the same turns: the rate the server
 * itself could reach, as a share of hello-world's, where the load generator (one core of the same
 * two) cannot read large answers as fast as the server writes them. Also how busy the server was.
 */
function cpuShare(name: string, route: LoadResult, ceiling: LoadResult) {
  const perAnswer = (result: LoadResult) => ((result.serverCpu ?? NaN) / Math.max(1, result.requests)) * 1e6;
  const busy = ((route.serverCpu ?? NaN) / seconds) * 100;
  return {
    name: `${name}, server CPU per answer as a share of hello-world's`,
    unit: '%',
    value: (perAnswer(ceiling) / perAnswer(route)) * 100,
    from: `hello-world ${perAnswer(ceiling).toFixed(0)} µs / ${perAnswer(route).toFixed(0)} µs per answer; the server busy ${busy.toFixed(0)} % of one core`,
  };
}

/** A rate figure that counts only when no request failed. */
function rateOf(result: LoadResult): number {
  return result.failures > 0 ? 0 : result.rate;
}

/** A latency figure that counts only when requests were answered and none failed. */
function p99Of(result: LoadResult): number {
  return result.failures > 0 || result.requests === 0 ? NaN : result.p99;
}

async function benchEngine(engine: Engine, instance: Instance): Promise<void> {
  const base = instance.baseUrl;
  console.log(`\n${engine}: ${connections} connections (${loadGenerator}${wrkPath ? '' : '; wrk is not installed: apt-get install wrk'}), ${seconds} s per route; load average ${loadAverage()}; server RSS ${rssMb(instance.pid).toFixed(0)} MB after the demo load`);
  const reader = await login(base, 'lasare');
  const admin = await login(base, 'admin');
  if (writesOnly) return benchWrites(engine, base, admin);

  // The machine's ceiling (hello-world) is measured in turns with each route it is compared with:
  // other work on the machine comes and goes within seconds, and weighs on both alike.
  const serverCpu = () => cpuSeconds(instance.pid);
  const beside = (url: string, headers?: Record<string, string>) => hammerBeside(url, `${base}/bench/hello`, { ...(headers ? { headers } : {}), serverCpu });
  const jsonAgg = await hammer(`${base}/bench/json-agg`);
  console.log(`  json_agg (200 rows)  ${describe(jsonAgg)}`);
  const share = (result: LoadResult, of: LoadResult, label: string) => ({
    value: (rateOf(result) / of.rate) * 100,
    from: `${result.rate.toFixed(0)} req/s / ${label} ${of.rate.toFixed(0)} req/s (p99 ${of.p99.toFixed(0)} ms), in turns; load from ${loadGenerator}`,
  });

  // The plan's 57 kB as they are (as issue 11 measured them), and as a browser asks (Accept-Encoding: gzip: about 16 kB).
  const { route: plan, ceiling: hello } = await beside(`${base}/api/plans/${adoptedKey}`);
  console.log(`  hello-world          ${describe(hello)}`);
  console.log(`  adopted plan GET     ${describe(plan)}`);
  record({ name: `${engine}: adopted plan GET, share of hello-world`, unit: '%', ...share(plan, hello, 'hello-world'), target: { atLeast: 30 } });
  record({ name: `${engine}: adopted plan GET, share of json_agg`, unit: '%', ...share(plan, jsonAgg, 'json_agg') });
  record({ name: `${engine}: adopted plan GET, p99`, unit: 'ms', value: p99Of(plan), from: `${describe(plan)}; hello-world p99 ${hello.p99.toFixed(0)} ms`, target: { atMost: 20 } });
  record(cpuShare(`${engine}: adopted plan GET`, plan, hello));
  const { route: zippedPlan, ceiling: helloBesideZipped } = await beside(`${base}/api/plans/${adoptedKey}`, browserAccepts);
  console.log(`  adopted plan GET     ${describe(zippedPlan)} (gzip)`);
  record({ name: `${engine}: adopted plan GET gzipped, share of hello-world`, unit: '%', ...share(zippedPlan, helloBesideZipped, 'hello-world') });
  record(cpuShare(`${engine}: adopted plan GET gzipped`, zippedPlan, helloBesideZipped));

  const first = await send(`${base}/api/plans/${adoptedKey}`, { headers: browserAccepts });
  const etag = String(first.headers.etag ?? '');
  const { route: revalidated, ceiling: helloBeside304 } = await beside(`${base}/api/plans/${adoptedKey}`, { ...browserAccepts, 'if-none-match': etag });
  const answer = await send(`${base}/api/plans/${adoptedKey}`, { headers: { ...browserAccepts, 'if-none-match': etag } });
  console.log(`  adopted plan, If-None-Match ${etag || '(no ETag)'}: answered ${answer.status}; ${describe(revalidated)}`);
  record({ name: `${engine}: adopted plan with If-None-Match, share of hello-world`, unit: '%', ...share(revalidated, helloBeside304, 'hello-world'), from: `${answer.status} answers; ${revalidated.rate.toFixed(0)} req/s / hello-world ${helloBeside304.rate.toFixed(0)} req/s, in turns` });

  const { route: scorecard, ceiling: helloBesideScorecard } = await beside(`${base}/api/plans/${adoptedKey}/scorecard`, browserAccepts);
  console.log(`  adopted scorecard    ${describe(scorecard)}`);
  record({ name: `${engine}: adopted scorecard, share of hello-world`, unit: '%', ...share(scorecard, helloBesideScorecard, 'hello-world'), target: { atLeast: 30 } });
  record({ name: `${engine}: adopted scorecard, p99`, unit: 'ms', value: p99Of(scorecard), from: `${describe(scorecard)}; hello-world p99 ${helloBesideScorecard.p99.toFixed(0)} ms`, target: { atMost: 20 } });
  record(cpuShare(`${engine}: adopted scorecard`, scorecard, helloBesideScorecard));

  const draftScorecard = await hammer(`${base}/api/plans/${draftKey}/scorecard`, { headers: { ...browserAccepts, cookie: reader.cookie } });
  console.log(`  draft scorecard      ${describe(draftScorecard)} (logged in)`);
  const postgres = engine === 'PostgreSQL';
  record({ name: `${engine}: draft scorecard`, unit: 'req/s', value: rateOf(draftScorecard), from: `${describe(draftScorecard)}; json_agg ${jsonAgg.rate.toFixed(0)} req/s`, target: { atLeast: postgres ? 1000 : 300 } });
  record({ name: `${engine}: draft scorecard, p99`, unit: 'ms', value: p99Of(draftScorecard), target: { atMost: postgres ? 60 : 200 } });

  const draft = await hammer(`${base}/api/plans/${draftKey}`, { headers: { ...browserAccepts, cookie: reader.cookie } });
  console.log(`  draft plan GET       ${describe(draft)} (logged in)`);
  record({ name: `${engine}: draft plan GET`, unit: 'req/s', value: rateOf(draft), from: describe(draft) });

  for (const format of ['pdf', 'docx', 'xlsx'] as const) {
    const url = `${base}/api/plans/${adoptedKey}/document.${format}`;
    const times: number[] = [];
    for (let i = 0; i < 2; i += 1) {
      const started = performance.now();
      const document = await send(url);
      if (document.status !== 200) throw new Error(`${url}: ${document.status}`);
      times.push(performance.now() - started);
    }
    record({ name: `${engine}: adopted plan ${format.toUpperCase()} over HTTP, first answer`, unit: 'ms', value: times[0]!, from: `second answer ${times[1]!.toFixed(0)} ms` });
  }

  await recordWrites(engine, base, admin);
  record({ name: `${engine}: server RSS after the bench`, unit: 'MB', value: rssMb(instance.pid) });
}

/**
 * The cell PATCH figures (targets on PostgreSQL): the rate at 50 connections each writing as fast
 * as it is answered (a closed loop: its latency is only 50 over the rate), and the latency at the
 * target's rate, offered on a clock (an open loop: what a user waits at that load).
 */
async function recordWrites(engine: Engine, base: string, admin: Login): Promise<void> {
  const postgres = engine === 'PostgreSQL';
  const writes = await patchCells(base, admin, (step) => closedLoop(connections, step));
  console.log(`  cell PATCH           ${describe(writes)} (${writeTables} tables, one per connection; closed loop)`);
  record({ name: `${engine}: cell PATCH`, unit: 'writes/s', value: rateOf(writes), from: describe(writes), ...(postgres ? { target: { atLeast: writeRate } } : {}) });
  record({ name: `${engine}: cell PATCH, p99 in the closed loop`, unit: 'ms', value: p99Of(writes), from: `${connections} connections / ${writes.rate.toFixed(0)} writes/s = ${((connections / writes.rate) * 1000).toFixed(0)} ms on average` });
  const paced = await patchCells(base, admin, (step) => openLoop(writeRate, connections, step));
  console.log(`  cell PATCH at ${writeRate}/s ${describe(paced)} (open loop)`);
  record({ name: `${engine}: cell PATCH at ${writeRate} writes/s, p99`, unit: 'ms', value: p99Of(paced), from: describe(paced), ...(postgres ? { target: { atMost: 100 } } : {}) });
}

/** Only the machine's ceiling and the cell PATCH (STYRKORT_BENCH_WRITES_ONLY=1). */
async function benchWrites(engine: Engine, base: string, admin: Login): Promise<void> {
  const hello = await hammer(`${base}/bench/hello`);
  console.log(`  hello-world          ${describe(hello)}`);
  record({ name: `${engine}: hello-world`, unit: 'req/s', value: hello.rate, from: describe(hello) });
  await recordWrites(engine, base, admin);
}

/** The rate the cell PATCH targets are set at (issue 11.6). */
const writeRate = 200;

type Loop = (step: (worker: number, n: number) => Promise<boolean>) => Promise<LoadResult>;

/** Each connection changes one budget cell of its own table, sending the version its last write returned. */
async function patchCells(base: string, admin: Login, loop: Loop): Promise<LoadResult> {
  const versions = new Map<number, string>();
  const tableUrl = (worker: number) => `${base}/api/plans/${writeKey}/budget-tables/skriv-${worker % writeTables}`;
  return loop(async (worker, n) => {
    let version = versions.get(worker);
    if (!version) {
      const current = await send(tableUrl(worker), { headers: { cookie: admin.cookie } });
      version = String(current.headers.etag);
    }
    const answer = await send(`${tableUrl(worker)}/cells`, {
      method: 'PATCH',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'if-match': version, 'content-type': 'application/json' },
      body: JSON.stringify({ cells: [{ row: 'income', column: 'budget-2020', text: String(78_645 + ((n + worker) % 1000)) }] }),
    });
    if (answer.status === 200) versions.set(worker, String(answer.headers.etag));
    else versions.delete(worker);
    return answer.status === 200;
  });
}

console.log(`HTTP reads and writes; load average ${loadAverage()}`);
const dataRoot = mkdtempSync(join(tmpdir(), 'styrkort-bench-'));
try {
  const started = performance.now();
  const embedded = await startInstance(['--data', join(dataRoot, 'data')]);
  console.log(`PGlite server with the demo ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  try {
    await benchEngine('PGlite', embedded);
  } finally {
    await embedded.stop();
  }
} finally {
  rmSync(dataRoot, { recursive: true, force: true });
}

const server = await startPostgresServer({ durable: true });
try {
  const admin = new pg.Client({ connectionString: `${server.url}/postgres` });
  await admin.connect();
  await admin.query('create database styrkort_bench');
  await admin.end();
  const instance = await startInstance(['--url', `${server.url}/styrkort_bench`]);
  try {
    await benchEngine('PostgreSQL', instance);
  } finally {
    await instance.stop();
  }
} finally {
  server.stop();
}
closeConnections();
