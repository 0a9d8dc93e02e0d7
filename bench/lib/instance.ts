/**
 * The server under bench, in a process of its own: `styrkort serve`'s server (buildServer) on a
 * PGlite data directory (`--data DIR`) or a PostgreSQL database (`--url URL`), with the demo and
 * the bench's plans loaded, plus two routes that exist only here: /bench/hello (the machine's
 * ceiling) and /bench/json-agg (one query whose rows PostgreSQL turns into JSON text).
 * Prints "ready PORT" when it listens.
 */
import { sql } from 'drizzle-orm';
import { openDatabase } from '../../src/db/connection.ts';
import { rows } from '../../src/db/migrate.ts';
import { buildServer } from '../../src/http/server.ts';
import { loadDemo } from '../../src/services/demo.ts';
import { importPlan, listPlans } from '../../src/services/plan-service.ts';
import { draftPlan, writePlan } from './plans.ts';

const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const url = option('--url');
const database = await openDatabase(url ? { databaseUrl: url, purpose: 'bench' } : { dataDir: option('--data') ?? './data', purpose: 'bench' });
const { db } = database;

const present = new Set((await listPlans(db)).map((plan) => plan.key));
await loadDemo(db);
for (const plan of [draftPlan(), writePlan()]) {
  if (!present.has(plan.plan.key)) await importPlan(db, plan, { actor: 'bench', source: 'bench' });
}

const app = buildServer({ db });
app.get('/bench/hello', async () => ({ hello: 'world' }));
app.get('/bench/json-agg', async (_request, reply) => {
  const [row] = await rows<{ body: string }>(db, sql`select json_agg(f)::text as body from (select item_key, row_key, column_key, period, kind, printed, value from figures order by id limit 200) f`);
  return reply.type('application/json; charset=utf-8').send(row!.body);
});
const address = await app.listen({ port: 0, host: '127.0.0.1' });
process.on('SIGTERM', () => {
  void app.close().then(() => database.close()).then(() => process.exit(0));
});
console.log(`ready ${new URL(address).port}`);
