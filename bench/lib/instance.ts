/**
 * The server under bench, in a process of its own: `styrkort serve`'s server (buildServer) on a
 * PGlite data directory (`--data DIR`) or a PostgreSQL database (`--url URL`), with the demo and
 * the bench's plans loaded, plus two routes that exist only here: /bench/hello (the machine's
 * ceiling) and /bench/json-agg (one query whose rows PostgreSQL turns into JSON text).
 * Prints "ready PORT" when it listens.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../../src/db/connection.ts';
import { rows } from '../../src/db/migrate.ts';
import { buildServer } from '../../src/http/server.ts';
import { loadDemo } from '../../src/services/demo.ts';
import { importPlan, listPlans } from '../../src/services/plan-service.ts';
import { binPath } from '../../tests/helpers/cli.ts';
import { draftPlan, writePlan } from './plans.ts';

const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const url = option('--url');
const dataDir = option('--data') ?? './data';
// A new data directory is made the way `styrkort serve` makes it: by `styrkort demo` in a child process.
if (!url && !existsSync(dataDir)) {
  const made = spawnSync(process.execPath, [binPath, 'demo', '--data', dataDir], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (made.status !== 0) throw new Error(`styrkort demo avslutades med ${made.status}`);
}
const database = await openDatabase(url ? { databaseUrl: url, purpose: 'bench' } : { dataDir, purpose: 'bench' });
const { db } = database;

const present = new Set((await listPlans(db)).map((plan) => plan.key));
await loadDemo(db);
for (const plan of [draftPlan(), writePlan()]) {
  if (!present.has(plan.plan.key)) await importPlan(db, plan, { actor: 'bench', source: 'bench' });
}

// STYRKORT_BENCH_COUNT_QUERIES=1: how many queries the server sent, printed at the stop (PGlite only).
let queries = 0;
const client = (db as { $client?: { query?: (...args: unknown[]) => Promise<unknown> } }).$client;
if (process.env.STYRKORT_BENCH_COUNT_QUERIES && client?.query) {
  const query = client.query.bind(client);
  client.query = (...args: unknown[]) => ((queries += 1), query(...args));
}

const app = buildServer({ db });
app.get('/bench/hello', async () => ({ hello: 'world' }));
app.get('/bench/json-agg', async (_request, reply) => {
  const [row] = await rows<{ body: string }>(db, sql`select json_agg(f)::text as body from (select item_key, row_key, column_key, period, kind, printed, value from figures order by id limit 200) f`);
  return reply.type('application/json; charset=utf-8').send(row!.body);
});
const address = await app.listen({ port: 0, host: '127.0.0.1' });
// STYRKORT_BENCH_CPU_PROFILE=file: a CPU profile of the serving only (not the demo load), written at the stop.
const profile = process.env.STYRKORT_BENCH_CPU_PROFILE ? await startProfile() : null;
process.on('SIGTERM', () => {
  void (profile ? profile.stop(process.env.STYRKORT_BENCH_CPU_PROFILE!) : Promise.resolve())
    .then(() => queries && console.log(`queries ${queries}`))
    .then(() => app.close())
    .then(() => database.close())
    .then(() => process.exit(0));
});
console.log(`ready ${new URL(address).port}`);

async function startProfile() {
  const session = new Session();
  session.connect();
  const post = (method: string) => new Promise<unknown>((resolve, reject) => session.post(method, (error, result) => (error ? reject(error) : resolve(result))));
  await post('Profiler.enable');
  await post('Profiler.start');
  return {
    async stop(file: string) {
      const { profile } = (await post('Profiler.stop')) as { profile: unknown };
      writeFileSync(file, JSON.stringify(profile));
    },
  };
}
