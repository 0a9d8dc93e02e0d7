/** `styrkort serve`: the server, with the demo loaded into an empty database, and a graceful stop. */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyBaseLogger } from 'fastify';
import { buildServer } from '../http/server.ts';
import { demoPlanFiles, loadDemo } from '../services/demo.ts';
import { demoActuals } from '../services/import-demo.ts';
import { koladaDemoWanted, loadKoladaDemo } from '../services/kolada-demo.ts';
import { startKoladaSchedule } from '../services/kolada-schedule.ts';
import { cheapPasswordHashesEnv } from '../services/password-hash.ts';
import { listPlans } from '../services/plan-service.ts';
import { clockFromEnv } from '../services/round-clock.ts';
import { mailerFromEnv, publicUrlFromEnv } from '../services/round-mail.ts';
import { startRoundScheduler } from '../services/round-scheduler.ts';
import { ensureWebApp } from './build-web.ts';
import { dataDirOf, openFor, type GlobalOptions } from './context.ts';

export interface Serving {
  /** Where the data is, for messages. */
  location: string;
  log: FastifyBaseLogger;
  /** Finishes running requests, stops the schedules and closes the database. */
  stop(): Promise<void>;
}

/**
 * Everything `styrkort serve` does up to listening: the demo into a new data directory, the web
 * app built when stale, the API, the reminders and the Kolada schedule. The browser tests run it
 * in their own process (tests/browser/harness.ts); the command adds the signals and the exit.
 */
export async function startServing(options: GlobalOptions & { port: string; host: string; logLevel?: string }): Promise<Serving> {
  // Checking (and building) the web app is file work that runs beside the database's start.
  const webApp = ensureWebApp();
  webApp.catch(() => undefined); // awaited below
  if (!process.env.DATABASE_URL && isNewDataDir(dataDirOf(options))) {
    await prepareInChild(dataDirOf(options));
    for (const file of demoPlanFiles) console.log(`Demoplan inläst: ${file.replace(/\.json$/, '')}`);
    for (const file of [demoActuals.ledger, demoActuals.volumes]) console.log(`Demoutfall importerat: ${file}`);
  }
  const database = await openFor(options, `styrkort serve (port ${options.port})`);
  if ((await listPlans(database.db)).length === 0) {
    for (const { key, outcome } of await loadDemo(database.db)) console.log(outcome === 'imported' ? `Demoutfall importerat: ${key}` : `Demoplan inläst: ${key}`);
    if (koladaDemoWanted()) {
      const kolada = await loadKoladaDemo(database.db);
      console.log(`Kolada: ${kolada.valuesImported} värden (Källa: Kolada) och ${kolada.linksCreated} kopplade mått inlästa`);
    }
  }
  await webApp;
  const clock = clockFromEnv();
  const app = buildServer({ db: database.db, logger: { level: options.logLevel ?? process.env.LOG_LEVEL ?? 'info' }, clock });
  // Reminders of follow-up rounds by e-mail (STYRKORT_SMTP_*; off when unset) and in-app notices.
  const scheduler = startRoundScheduler({
    db: database.db,
    clock,
    mailer: mailerFromEnv(),
    publicUrl: publicUrlFromEnv(process.env, `http://localhost:${options.port}`),
    intervalMs: Number(process.env.STYRKORT_REMINDER_INTERVAL_MS || 5 * 60_000),
    onError: (error) => app.log.error({ err: error }, 'påminnelserna kunde inte skickas'),
    onSent: (sent) => app.log.info({ reminders: sent.map((message) => ({ kind: message.kind, to: message.recipient, mailed: message.mailedTo !== null, error: message.error })) }, 'påminnelser skickade'),
  });
  // Off unless STYRKORT_KOLADA_SYNC=daily|weekly.
  const koladaSchedule = startKoladaSchedule(database.db, { log: app.log });
  try {
    await app.listen({ port: Number(options.port), host: options.host });
  } catch (error) {
    await scheduler.stop();
    await koladaSchedule?.stop();
    await database.close();
    throw error;
  }
  return {
    location: database.location,
    log: app.log,
    async stop() {
      await scheduler.stop();
      await app.close(); // finishes running requests before it resolves
      await koladaSchedule?.stop();
      await database.close();
    },
  };
}

export async function serveCommand(options: GlobalOptions & { port: string; host: string }): Promise<void> {
  const serving = await startServing(options);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    serving.log.info({ signal }, 'stänger: väntar in pågående anrop');
    await serving.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  console.log(`Styrkort körs på http://localhost:${options.port} (data: ${serving.location})`);
  if (process.env[cheapPasswordHashesEnv] === '1') console.warn(`Varning: ${cheapPasswordHashesEnv}=1 gör nya lösenordshashar svaga. Inställningen är till för testkörningar, aldrig för drift.`);
}

/** A directory that does not exist yet or is empty: opening it would run initdb. */
function isNewDataDir(dir: string): boolean {
  return !existsSync(dir) || readdirSync(dir).length === 0;
}

/**
 * Makes a new data directory (initdb, migrations, the demo) with `styrkort demo` in a process of
 * its own: initdb and a first large import leave ~0.5 GB of WebAssembly memory behind (it never
 * shrinks) that the server would otherwise hold for as long as it runs. Its errors are passed on.
 */
function prepareInChild(dir: string): Promise<void> {
  const bin = fileURLToPath(new URL('../../bin/styrkort.js', import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'demo', '--data', dir], { stdio: ['ignore', 'ignore', 'inherit'] });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`Datakatalogen ${dir} kunde inte skapas (styrkort demo avslutades med ${code})`))));
  });
}
