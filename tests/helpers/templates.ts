/**
 * Databases that many tests start from, built once per test run instead of once per test file:
 * running initdb for a new PGlite takes 3 s on an idle machine and 15 s on a busy one, loading the
 * demo a few more. The global setup names a directory for them; the first test that needs them
 * builds them there (in a child process, so its memory goes when it ends) while any other waits,
 * so a run of unit tests alone builds nothing. Each is made by the real code: openDatabase
 * (initdb and migrations), then loadDemo.
 *
 * - `empty/`: a Styrkort data directory, migrated, with nothing in it. New --data directories of
 *   the command line tests start as a copy of it (tests/helpers/cli.ts).
 * - `demo/`: the same with the demo plans and accounts loaded, for the browser tests' servers.
 * - `migrated.tar`: the migrated database as a PGlite dump, loaded by freshDatabase('pglite').
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { openDatabase } from '../../src/db/connection.ts';
import { loadDemo } from '../../src/services/demo.ts';

export const templatesEnv = 'STYRKORT_TEST_TEMPLATES';

export interface Templates {
  empty: string;
  demo: string;
  migratedDump: string;
}

export function templatesIn(dir: string): Templates {
  return { empty: join(dir, 'empty'), demo: join(dir, 'demo'), migratedDump: join(dir, 'migrated.tar') };
}

/**
 * The templates of this test run, built first if no test has built them yet (the global setup
 * names their directory in STYRKORT_TEST_TEMPLATES), or null outside a test run.
 */
export function testTemplates(): Templates | null {
  const dir = process.env[templatesEnv];
  if (!dir || !existsSync(dir)) return null;
  ensureBuilt(dir);
  return templatesIn(dir);
}

/** Builds the templates unless they are; one process builds (it holds the lock directory), the others wait for it. */
function ensureBuilt(dir: string): void {
  const ready = join(dir, 'ready');
  const lock = join(dir, 'building');
  while (!existsSync(ready)) {
    try {
      mkdirSync(lock);
    } catch {
      // Another process builds them; a lock left by a crashed build (older than ten minutes) is taken over.
      if (Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > 600_000) rmSync(lock, { recursive: true, force: true });
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
      continue;
    }
    try {
      const script = fileURLToPath(new URL('./build-templates.ts', import.meta.url));
      const built = spawnSync(process.execPath, ['--import', 'tsx', script, dir], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: '' } });
      if (built.status !== 0) throw new Error(`testmallarna kunde inte byggas (${built.status}):\n${built.stderr}`);
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

/** Makes a new directory a copy of a template data directory (a cold copy of a closed database is a whole database). */
export function copyTemplate(template: string, to: string): void {
  cpSync(template, to, { recursive: true });
}

/** Builds the templates into `dir`; run in a process of its own (see build-templates.ts). */
export async function buildTemplates(dir: string): Promise<void> {
  const templates = templatesIn(dir);
  mkdirSync(dir, { recursive: true });
  for (const left of [templates.empty, templates.demo, templates.migratedDump]) rmSync(left, { recursive: true, force: true }); // by a build that crashed
  const empty = await openDatabase({ dataDir: templates.empty, purpose: 'testmall' });
  await empty.close();
  copyTemplate(templates.empty, templates.demo);
  const demo = await openDatabase({ dataDir: templates.demo, purpose: 'testmall' });
  await loadDemo(demo.db);
  await demo.close();
  const client = await PGlite.create(join(templates.empty, 'pglite'));
  const dump = await client.dumpDataDir('none');
  await client.close();
  writeFileSync(templates.migratedDump, Buffer.from(await dump.arrayBuffer()));
  writeFileSync(join(dir, 'ready'), 'ok\n');
}
