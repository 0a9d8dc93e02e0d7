/**
 * The real `styrkort serve` on a PGlite data directory: the first start (demo loaded into a new
 * directory) and its resident memory at rest, then a restart on that directory to the first
 * answered request. Targets: issue 11.6 (restart ≤ 3 s; RSS at rest halved from ≈ 600 MB).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { binPath } from '../tests/helpers/cli.ts';
import { closeConnections, send } from './lib/load.ts';
import { adoptedKey } from './lib/plans.ts';
import { loadAverage, rssMb, stopChild, waitForLine } from './lib/processes.ts';
import { record } from './lib/report.ts';

const port = 20_000 + (process.pid % 20_000);
const base = `http://127.0.0.1:${port}`;
const dataDir = mkdtempSync(join(tmpdir(), 'styrkort-restart-'));
const serve = () =>
  spawn(process.execPath, [binPath, 'serve', '--port', String(port), '--host', '127.0.0.1', '--data', dataDir], {
    env: { ...process.env, DATABASE_URL: '', STYRKORT_DATA: '', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

/** Polls until the plan is answered with 200; the time from `since`. */
async function firstAnswer(since: number): Promise<number> {
  for (;;) {
    const answer = await send(`${base}/api/plans/${adoptedKey}`).catch(() => null);
    if (answer?.status === 200) return performance.now() - since;
    await sleep(20);
  }
}

/**
 * Resident memory once the idle server has settled. V8 returns the pages its start left behind
 * (~70 MB in the demo: 317 → 240 MB measured) only when its memory reducer runs, about
 * 15 s into idleness; a reading taken before that measures the start, not the server at rest.
 * Polls each second until RSS has fallen by a tenth from `early`, or 30 s after listening.
 */
async function rssAtRest(pid: number, early: number, listening: number): Promise<{ mb: number; seconds: number; settled: boolean }> {
  for (;;) {
    const mb = rssMb(pid);
    const seconds = (performance.now() - listening) / 1000;
    if (mb < early * 0.9 || seconds >= 30) return { mb, seconds, settled: mb < early * 0.9 };
    await sleep(1000);
  }
}

console.log(`styrkort serve on a PGlite data directory; load average ${loadAverage()}`);
try {
  let started = performance.now();
  const first = serve();
  await waitForLine(first, /Styrkort körs på/, 600_000);
  const firstStart = performance.now() - started;
  const listening = performance.now();
  await sleep(3000);
  record({ name: 'first start on a new data directory (demo loaded), to listening', unit: 'ms', value: firstStart, from: 'includes a web app build when dist/web is stale' });
  const early = rssMb(first.pid!);
  record({ name: 'server RSS 3 s after listening (the start\'s garbage not yet returned)', unit: 'MB', value: early });
  const rest = await rssAtRest(first.pid!, early, listening);
  record({ name: 'server RSS at rest after the demo load', unit: 'MB', value: rest.mb, from: `${rest.seconds.toFixed(0)} s after listening, ${rest.settled ? 'after V8 returned idle memory' : 'V8 had not returned memory yet'}; issue 11 measured ≈ 600 MB`, target: { atMost: 300 } });
  await stopChild(first);

  started = performance.now();
  const second = serve();
  const restart = await firstAnswer(started);
  record({ name: 'restart on the existing data directory, to the first answered GET of a plan', unit: 'ms', value: restart, from: `load average ${loadAverage()}`, target: { atMost: 3000 } });
  await sleep(3000);
  for (let i = 0; i < 5; i += 1) await send(`${base}/api/plans/${adoptedKey}`);
  record({ name: 'server RSS after a restart, 3 s idle after five plan GETs', unit: 'MB', value: rssMb(second.pid!) });
  await stopChild(second);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
closeConnections();
