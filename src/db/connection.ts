/**
 * One connection interface over the embedded engine (PGlite in a data directory) and a
 * PostgreSQL server (DATABASE_URL). Opening checks what it opens before it changes anything.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { StyrkortError } from '../domain/errors.ts';
import * as schema from './schema.ts';
import { acquireLock, type Lock } from './lock.ts';
import { migrateDatabase } from './migrate.ts';
import { listenForPlanVersions } from './plan-version-notices.ts';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** An open transaction: what a write runs in. Repository functions that must not run outside one take it. */
export type Tx = PgTransaction<PgQueryResultHKT, typeof schema, ExtractTablesWithRelations<typeof schema>>;
/** Where a read can run: the database or an open transaction (reads inside a write see what it wrote). */
export type Queryable = Db | Tx;
export type Engine = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  engine: Engine;
  /** Where the data is, for messages: a directory or a server without its password. */
  location: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  dataDir?: string;
  databaseUrl?: string;
  /** Name written into the lock file, e.g. "styrkort serve". */
  purpose?: string;
  /** For tests: an in-memory PGlite, optionally loaded from a dumped data directory. */
  memory?: { loadDataDir?: Blob | File };
  migrate?: boolean;
}

const MARKER = 'styrkort-data.json';

/**
 * PostgreSQL's memory settings for the embedded engine. Its defaults (128 MB of shared buffers)
 * are a server's; in one process beside the application they cost ~130 MB of resident memory and
 * bought no speed in the bench (reads are served from the application's cache; a plan's rows are
 * a few MB). Measured: RSS 425 → 291 MB with the demo loaded, export and import times unchanged.
 */
const embeddedSettings = ['shared_buffers = 16MB', 'work_mem = 2MB', 'maintenance_work_mem = 16MB', 'temp_buffers = 2MB', 'wal_buffers = 1MB'];

/** Opens (and migrates) the database the options point at. */
export async function openDatabase(options: OpenOptions): Promise<Database> {
  const database = options.databaseUrl
    ? await openServer(options.databaseUrl)
    : options.memory
      ? await openMemory(options.memory.loadDataDir)
      : await openDataDir(resolve(options.dataDir ?? './data'), options.purpose ?? 'styrkort');
  if (options.migrate !== false) {
    try {
      await migrateDatabase(database.db, database.location);
    } catch (error) {
      await database.close();
      throw error;
    }
  }
  return database;
}

async function openServer(url: string): Promise<Database> {
  const location = redactUrl(url);
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5_000 });
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new StyrkortError(
      'database-unreachable',
      `Kan inte ansluta till PostgreSQL-servern ${location}: ${(error as Error).message}. Kontrollera DATABASE_URL och att servern är igång.`,
    );
  }
  return { db: drizzlePg(pool, { schema }), engine: 'postgres', location, close: () => pool.end() };
}

async function openMemory(loadDataDir?: Blob | File): Promise<Database> {
  const client = await PGlite.create({ postgresqlconf: embeddedSettings, ...(loadDataDir ? { loadDataDir } : {}) });
  return {
    db: await embeddedDb(client),
    engine: 'pglite',
    location: 'minnet',
    close: () => client.close(),
  };
}

async function openDataDir(dir: string, purpose: string): Promise<Database> {
  checkDataDir(dir);
  const lock = acquireLock(join(dir, 'styrkort.lock'), purpose);
  let client: PGlite;
  try {
    client = await PGlite.create(join(dir, 'pglite'), { postgresqlconf: embeddedSettings });
  } catch (error) {
    lock.release();
    throw new StyrkortError(
      'not-a-database',
      `Datakatalogen ${dir} kunde inte öppnas som databas: ${(error as Error).message}`,
    );
  }
  return {
    db: await embeddedDb(client),
    engine: 'pglite',
    location: dir,
    close: () => closeEmbedded(client, lock),
  };
}

/** Drizzle on the embedded database, its reads told of changed plans (src/db/plan-version-notices.ts). */
async function embeddedDb(client: PGlite): Promise<Db> {
  const db = drizzlePglite(client, { schema });
  await listenForPlanVersions(client, db);
  return db;
}

async function closeEmbedded(client: PGlite, lock: Lock): Promise<void> {
  try {
    await client.close();
  } finally {
    lock.release();
  }
}

/** A data directory is new (absent or empty) or carries our marker; anything else is left alone. */
function checkDataDir(dir: string): void {
  const marker = join(dir, MARKER);
  if (existsSync(marker)) {
    const content = safeJson(readFileSync(marker, 'utf8'));
    if (content?.app === 'styrkort') return;
  }
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    throw new StyrkortError(
      'not-a-database',
      `Katalogen ${dir} är inte en Styrkort-datakatalog (filen ${MARKER} saknas). Ingenting har ändrats. Ange en tom katalog eller en befintlig Styrkort-katalog med --data.`,
    );
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(marker, `${JSON.stringify({ app: 'styrkort', createdAt: new Date().toISOString() }, null, 2)}\n`);
}

function safeJson(text: string): { app?: unknown } | null {
  try {
    return JSON.parse(text) as { app?: unknown };
  } catch {
    return null;
  }
}

/** postgres://user:secret@host/db → postgres://user@host/db, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = '';
    return parsed.toString();
  } catch {
    return 'DATABASE_URL (ogiltig adress)';
  }
}
