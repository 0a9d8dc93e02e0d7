/**
 * Databases that many tests start from, built once per test run (by the global setup, in a child
 * process so its memory goes when it ends) instead of once per test file: running initdb for a
 * new PGlite takes 3 s on an idle machine and 15 s on a busy one, loading the demo a few more.
 * Each is made by the real code: openDatabase (initdb and migrations), then loadDemo.
 *
 * - `empty/`: a Styrkort data directory, migrated, with nothing in it. New --data directories of
 *   the command line tests start as a copy of it (tests/helpers/cli.ts).
 * - `demo/`: the same with the demo plans and accounts loaded, for the browser tests' servers.
 * - `migrated.tar`: the migrated database as a PGlite dump, loaded by freshDatabase('pglite').
 */
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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

/** The templates of this test run (the global setup sets STYRKORT_TEST_TEMPLATES), or null outside a run. */
export function testTemplates(): Templates | null {
  const dir = process.env[templatesEnv];
  return dir && existsSync(join(dir, 'ready')) ? templatesIn(dir) : null;
}

/** Makes a new directory a copy of a template data directory (a cold copy of a closed database is a whole database). */
export function copyTemplate(template: string, to: string): void {
  cpSync(template, to, { recursive: true });
}

/** Builds the templates into `dir`; run in a process of its own (see build-templates.ts). */
export async function buildTemplates(dir: string): Promise<void> {
  const templates = templatesIn(dir);
  mkdirSync(dir, { recursive: true });
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
