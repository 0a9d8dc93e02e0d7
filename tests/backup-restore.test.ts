/**
 * Backup and restore on both engines and across them: a database with both demo plans, their
 * audit trail, accounts, a session, a rolled-over draft and a failed login is backed up, restored
 * into an empty database, and must then export the same bytes — plans as plan files and as
 * documents, the audit trail, the accounts — and back up to the same rows again. Restoring refuses
 * a database that holds something (without force), a backup from a newer Styrkort, and a damaged
 * file, and changes nothing when it refuses or fails.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { asc, count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Engine } from '../src/db/connection.ts';
import { dumpTables } from '../src/db/dump.ts';
import { auditEvents, plans, users } from '../src/db/schema.ts';
import { login, createUser } from '../src/services/auth-service.ts';
import { backupToFile, restoreFromFile } from '../src/services/backup-service.ts';
import { loadDemo } from '../src/services/demo.ts';
import { renderPlanDocument, loadPlanForDocument } from '../src/services/document-service.ts';
import { exportPlan, planFileText } from '../src/services/plan-service.ts';
import { rollover } from '../src/services/workflow-service.ts';
import { cli } from './helpers/cli.ts';
import { freshDatabase } from './helpers/databases.ts';

const demoKeys = ['timra-ifo-2018-2020', 'timra-sn-2020-2022'];

/** Everything a user could read out of the database, as text. */
async function contents(database: Database) {
  const planFiles = await Promise.all(demoKeys.map(async (key) => planFileText(await exportPlan(database.db, key))));
  const documents = await Promise.all(demoKeys.map(async (key) => (await renderPlanDocument(await loadPlanForDocument(database.db, key), 'html')).body.toString('utf8')));
  const audit = JSON.stringify(await database.db.select().from(auditEvents).orderBy(asc(auditEvents.id)));
  const accounts = JSON.stringify(await database.db.select().from(users).orderBy(asc(users.id)));
  return { planFiles, documents, audit, accounts, draft: planFileText(await exportPlan(database.db, 'timra-sn-2021-2023')) };
}

const rowsOf = async (database: Database) => Object.fromEntries((await dumpTables(database.db)).tables.map((table) => [table.name, table.rows]));

describe('backup and restore', () => {
  let root: string;
  const sources = new Map<Engine, { database: Database; file: string }>();

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'styrkort-backup-'));
    for (const engine of ['pglite', 'postgres'] as const) {
      const database = await freshDatabase(engine);
      await loadDemo(database.db);
      await createUser(database.db, { username: 'ledning-sn', password: 'ett-långt-lösenord', role: 'ledning', unitKey: 'sn', actor: 'test' });
      await login(database.db, { username: 'ledning-sn', password: 'ett-långt-lösenord', source: '198.51.100.1' });
      await expect(login(database.db, { username: 'admin', password: 'fel-lösenord', source: '203.0.113.1' })).rejects.toThrow();
      await rollover(database.db, { planKey: 'timra-sn-2020-2022', to: '2021-2023', actor: 'ledning-sn' });
      const file = join(root, `${engine}.styrkort-backup.gz`);
      const summary = await backupToFile(database, file);
      expect(summary.rows).toBeGreaterThan(700);
      sources.set(engine, { database, file });
    }
  });
  afterAll(async () => {
    for (const { database } of sources.values()) await database.close();
    rmSync(root, { recursive: true, force: true });
  });

  it.each([
    ['pglite', 'pglite'],
    ['pglite', 'postgres'],
    ['postgres', 'pglite'],
    ['postgres', 'postgres'],
  ] as const)('from %s into an empty %s database: the same plans, documents, audit trail and accounts, byte for byte', async (from, to) => {
    const source = sources.get(from)!;
    const target = await freshDatabase(to);
    try {
      await restoreFromFile(target, source.file);
      expect(await contents(target)).toEqual(await contents(source.database));
      expect(await rowsOf(target)).toEqual(await rowsOf(source.database));
      // The sequences moved on: the next audit event gets the next number, not a taken one.
      await createUser(target.db, { username: 'ny-anvandare', password: 'ett-långt-lösenord', role: 'läsare', actor: 'test' });
      const [audit] = await target.db.select({ n: count() }).from(auditEvents);
      expect(audit!.n).toBeGreaterThan(25);
    } finally {
      await target.close();
    }
  });

  it('refuses a database that holds something without force, and replaces it with force', async () => {
    const target = await freshDatabase('postgres');
    try {
      await loadDemo(target.db);
      await createUser(target.db, { username: 'bara-har', password: 'ett-långt-lösenord', role: 'läsare', actor: 'test' });
      const before = await rowsOf(target);
      const accounts = before.users!.length; // the demo's accounts and the one made here
      const file = sources.get('pglite')!.file;
      await expect(restoreFromFile(target, file)).rejects.toMatchObject({
        code: 'conflict',
        message: expect.stringMatching(
          new RegExp(`^Databasen .+ är inte tom \\(.*2 planer.*${accounts} användare.*\\)\\. Ange --force för att ersätta allt i den med säkerhetskopian\\. Ingenting har ändrats\\.$`),
        ),
      });
      expect(await rowsOf(target)).toEqual(before);
      await restoreFromFile(target, file, { force: true });
      expect(await contents(target)).toEqual(await contents(sources.get('pglite')!.database));
    } finally {
      await target.close();
    }
  });

  it('refuses a backup from a newer Styrkort, a damaged file and a cut-off one, and changes nothing', async () => {
    const target = await freshDatabase('pglite');
    try {
      await loadDemo(target.db);
      const before = await rowsOf(target);
      const lines = gunzipSync(readFileSync(sources.get('pglite')!.file)).toString('utf8').split('\n');
      const header = JSON.parse(lines[0]!);
      const write = (name: string, text: string) => {
        const file = join(root, name);
        writeFileSync(file, gzipSync(text));
        return file;
      };
      const newer = write('newer.gz', [JSON.stringify({ ...header, schema: { migrations: header.schema.migrations + 1, newest: 99999999999999 } }), ...lines.slice(1)].join('\n'));
      await expect(restoreFromFile(target, newer, { force: true })).rejects.toMatchObject({ code: 'database-newer', message: expect.stringContaining('gjorts av en nyare Styrkort') });
      const cut = write('cut.gz', lines.slice(0, 40).join('\n'));
      await expect(restoreFromFile(target, cut, { force: true })).rejects.toMatchObject({ message: expect.stringMatching(/är ofullständig \(är filen avkortad\?\)\. Ingenting har ändrats\.$/) });
      const broken = lines.map((line) => (line.includes('"username":"admin"') ? line.replace('"username":"admin"', '"username":') : line));
      const damaged = write('damaged.gz', broken.join('\n'));
      await expect(restoreFromFile(target, damaged, { force: true })).rejects.toMatchObject({ message: expect.stringMatching(/: tabellen [a-z_]+ kunde inte läsas in \(.+\)\. Ingenting har ändrats\.$/) });
      writeFileSync(join(root, 'plain.txt'), 'inte en säkerhetskopia');
      await expect(restoreFromFile(target, join(root, 'plain.txt'), { force: true })).rejects.toMatchObject({ message: expect.stringContaining('filen är skadad eller inte gzip-komprimerad') });
      expect(await rowsOf(target)).toEqual(before);
      const [stored] = await target.db.select({ n: count() }).from(plans);
      expect(stored!.n).toBe(2);
    } finally {
      await target.close();
    }
  });

  it('works from the command line: backup, restore into a new data directory, and a refusal to overwrite', async () => {
    const data = join(root, 'cli-data');
    expect((await cli(['demo', '--data', data])).status).toBe(0);
    const file = join(root, 'cli.gz');
    const backup = await cli(['backup', '--out', file, '--data', data]);
    expect(backup.stderr).toBe('');
    expect(backup.stdout).toMatch(/^Säkerhetskopia: .+cli\.gz \(\d+ tabeller, \d+ rader, schemaversion \d+, \d+ kB\)\n$/);
    const restored = await cli(['restore', file, '--data', join(root, 'cli-copy')]);
    expect(restored.stdout).toMatch(/^Återställd från .+cli\.gz: \d+ rader\n$/);
    const refused = await cli(['restore', file, '--data', join(root, 'cli-copy')]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^Fel: Databasen .+ är inte tom/);
  });
});
