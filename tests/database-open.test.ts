/**
 * Opening a database checks what it opens before it changes anything: a foreign directory, a
 * database from a newer Styrkort and an unreachable server each give one clear Swedish message.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { openDatabase } from '../src/db/connection.ts';
import { migrationsFolder } from '../src/db/migrate.ts';
import { adminQuery } from './helpers/databases.ts';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'styrkort-open-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('opening an embedded data directory', () => {
  it('refuses a directory that holds something else, and leaves it as it was', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'budget.xlsx'), 'inte en databas');
    await expect(openDatabase({ dataDir: dir })).rejects.toMatchObject({
      code: 'not-a-database',
      message: expect.stringContaining('är inte en Styrkort-datakatalog'),
    });
    expect(readdirSync(dir)).toEqual(['budget.xlsx']);
  });

  it('refuses a database written by a newer Styrkort, and changes nothing', async () => {
    const dir = tempDir();
    const first = await openDatabase({ dataDir: dir });
    await first.db.execute(sql`insert into drizzle.__drizzle_migrations (hash, created_at) values ('framtida', 99999999999999)`);
    await first.close();
    const lockBefore = readdirSync(dir).sort();
    const known = readMigrationFiles({ migrationsFolder }).length;
    await expect(openDatabase({ dataDir: dir })).rejects.toMatchObject({
      code: 'database-newer',
      // One more migration applied than this Styrkort knows (however many it knows).
      message: expect.stringMatching(new RegExp(`schemaversion ${known + 1}.*känner bara till ${known}`)),
    });
    expect(readdirSync(dir).sort()).toEqual(lockBefore);
    expect(JSON.parse(readFileSync(join(dir, 'styrkort-data.json'), 'utf8')).app).toBe('styrkort');
  });

  it('creates, marks and reopens a new directory', async () => {
    const dir = join(tempDir(), 'ny');
    const first = await openDatabase({ dataDir: dir });
    await first.close();
    const again = await openDatabase({ dataDir: dir });
    expect(again.engine).toBe('pglite');
    await again.close();
    expect(readdirSync(dir).sort()).toEqual(['pglite', 'styrkort-data.json']);
  });
});

describe('opening a PostgreSQL server database', () => {
  it('says clearly when the server cannot be reached', async () => {
    await expect(openDatabase({ databaseUrl: 'postgres://styrkort:hemligt@127.0.0.1:1/styrkort' })).rejects.toMatchObject({
      code: 'database-unreachable',
      message: expect.stringMatching(/^Kan inte ansluta till PostgreSQL-servern postgres:\/\/styrkort@127\.0\.0\.1:1\/styrkort/),
    });
  });

  it('refuses a database that belongs to another application', async () => {
    const server = inject('postgresUrl');
    await adminQuery(server, 'drop database if exists annan_app');
    await adminQuery(server, 'create database annan_app');
    const other = await openDatabase({ databaseUrl: `${server}/annan_app`, migrate: false });
    await other.db.execute(sql`create table kunder (id int)`);
    await other.close();
    await expect(openDatabase({ databaseUrl: `${server}/annan_app` })).rejects.toMatchObject({ code: 'not-a-database' });
    const check = await openDatabase({ databaseUrl: `${server}/annan_app`, migrate: false });
    const tables = await check.db.execute(sql`select tablename from pg_tables where schemaname = 'public'`);
    expect((tables as unknown as { rows: unknown[] }).rows).toEqual([{ tablename: 'kunder' }]);
    await check.close();
    await adminQuery(server, 'drop database annan_app');
  });
});
