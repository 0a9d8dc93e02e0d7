/**
 * Fresh, migrated databases for tests, on both engines: PGlite as a copy of the run's empty data
 * directory or loaded from its migrated dump (tests/helpers/templates.ts), and a PostgreSQL server
 * database copied from the migrated template database.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { openDatabase, type Database, type Engine } from '../../src/db/connection.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { drizzle } from 'drizzle-orm/pglite';
import * as schema from '../../src/db/schema.ts';
import { temporaryFilesInMemory } from './memory-disk.ts';
import { copyTemplate, testTemplates } from './templates.ts';

export const engines: Engine[] = ['pglite', 'postgres'];

let pgliteTemplate: Promise<Blob> | undefined;

/** The run's template dump (tests/helpers/templates.ts), or one built here outside a run's setup. */
async function loadPgliteTemplate(): Promise<Blob> {
  const templates = testTemplates();
  return templates ? new Blob([readFileSync(templates.migratedDump)]) : buildPgliteTemplate();
}

async function buildPgliteTemplate(): Promise<Blob> {
  const client = await PGlite.create();
  await migrateDatabase(drizzle(client, { schema }) as never, 'mall');
  const dump = await client.dumpDataDir('none');
  await client.close();
  return dump;
}

/** A new empty, migrated database on the given engine; close() also removes what it made. */
export async function freshDatabase(engine: Engine): Promise<Database> {
  if (engine === 'pglite') return freshEmbeddedDatabase();
  const server = inject('postgresUrl');
  const name = `t_${randomBytes(6).toString('hex')}`;
  await adminQuery(server, `create database ${name} template styrkort_template`);
  const database = await openDatabase({ databaseUrl: `${server}/${name}` });
  return {
    ...database,
    close: async () => {
      await database.close();
      await adminQuery(server, `drop database if exists ${name}`);
    },
  };
}

/**
 * When the run's temporary files are in memory: a copy of its empty data directory, opened as
 * `styrkort serve` opens one (0.25 busy CPU-s against 0.38 for loading the dump into a database in
 * PGlite's memory; a run opens about 110). Elsewhere copying costs more than loading, so the dump.
 */
async function freshEmbeddedDatabase(): Promise<Database> {
  const templates = testTemplates();
  if (!templates || !temporaryFilesInMemory()) {
    pgliteTemplate ??= loadPgliteTemplate();
    return openDatabase({ memory: { loadDataDir: await pgliteTemplate } });
  }
  const dir = mkdtempSync(join(tmpdir(), 'styrkort-db-'));
  copyTemplate(templates.empty, join(dir, 'data'));
  const database = await openDatabase({ dataDir: join(dir, 'data'), purpose: 'test' });
  return {
    ...database,
    close: async () => {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function adminQuery(server: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: `${server}/postgres` });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
