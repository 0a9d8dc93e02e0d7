/** `styrkort serve`: the server, with the demo loaded into an empty database, and a graceful stop. */
import { buildServer } from '../http/server.ts';
import { loadDemo } from '../services/demo.ts';
import { listPlans } from '../services/plan-service.ts';
import { clockFromEnv } from '../services/round-clock.ts';
import { mailerFromEnv, publicUrlFromEnv } from '../services/round-mail.ts';
import { startRoundScheduler } from '../services/round-scheduler.ts';
import { ensureWebApp } from './build-web.ts';
import { openFor, type GlobalOptions } from './context.ts';

export async function serveCommand(options: GlobalOptions & { port: string; host: string }): Promise<void> {
  const database = await openFor(options, `styrkort serve (port ${options.port})`);
  if ((await listPlans(database.db)).length === 0) {
    for (const { key, outcome } of await loadDemo(database.db)) console.log(outcome === 'imported' ? `Demoutfall importerat: ${key}` : `Demoplan inläst: ${key}`);
  }
  await ensureWebApp();
  const clock = clockFromEnv();
  const app = buildServer({ db: database.db, logger: { level: process.env.LOG_LEVEL ?? 'info' }, clock });
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
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'stänger: väntar in pågående anrop');
    await scheduler.stop();
    await app.close(); // finishes running requests before it resolves
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  try {
    await app.listen({ port: Number(options.port), host: options.host });
  } catch (error) {
    await scheduler.stop();
    await database.close();
    throw error;
  }
  console.log(`Styrkort körs på http://localhost:${options.port} (data: ${database.location})`);
}
