/**
 * Forward-only migrations from ./drizzle, applied at start on either engine. Before applying
 * anything it checks that the database is Styrkort's (or empty) and not from a newer version.
 */
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { readMigrationFiles, type MigrationMeta } from 'drizzle-orm/migrator';
import { StyrkortError } from '../domain/errors.ts';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type * as schema from './schema.ts';

/** The database as connection.ts opens it, named here so that the two modules do not import each other. */
type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

interface DialectWithMigrate {
  migrate(migrations: MigrationMeta[], session: unknown, config: { migrationsFolder: string }): Promise<void>;
}

/** Brings the schema up to date, or throws a clear error and changes nothing. */
export async function migrateDatabase(db: Db, location: string): Promise<void> {
  const migrations = readMigrationFiles({ migrationsFolder });
  await assertMigratable(db, location, migrations);
  // Both drivers' migrators call exactly this; calling it here keeps one code path for both.
  const internals = db as unknown as { dialect: DialectWithMigrate; session: unknown };
  await internals.dialect.migrate(migrations, internals.session, { migrationsFolder });
  await db.execute(sql`insert into styrkort_meta (key, value) values ('app', 'styrkort') on conflict (key) do nothing`);
}

async function assertMigratable(db: Db, location: string, migrations: MigrationMeta[]): Promise<void> {
  const state = await readState(db);
  if (!state.hasMeta && state.publicTables > 0) {
    throw new StyrkortError(
      'not-a-database',
      `Databasen ${location} innehåller tabeller men är inte en Styrkort-databas. Ingenting har ändrats.`,
    );
  }
  const newest = Math.max(0, ...migrations.map((m) => m.folderMillis));
  if (state.appliedNewest > newest || state.appliedCount > migrations.length) {
    throw new StyrkortError(
      'database-newer',
      `Databasen ${location} har schemaversion ${state.appliedCount}, men den här versionen av Styrkort känner bara till ${migrations.length}. ` +
        'Den har skrivits av en nyare Styrkort; uppgradera Styrkort. Ingenting har ändrats.',
    );
  }
}

interface DatabaseState {
  hasMeta: boolean;
  publicTables: number;
  appliedCount: number;
  appliedNewest: number;
}

async function readState(db: Db): Promise<DatabaseState> {
  const tables = await rows<{ meta: string | null; migrations: string | null; public_tables: number }>(
    db,
    sql`select to_regclass('public.styrkort_meta')::text as meta,
               to_regclass('drizzle.__drizzle_migrations')::text as migrations,
               (select count(*)::int from pg_tables where schemaname = 'public') as public_tables`,
  );
  const first = tables[0]!;
  let appliedCount = 0;
  let appliedNewest = 0;
  if (first.migrations) {
    const applied = await rows<{ n: number; newest: string | null }>(
      db,
      sql`select count(*)::int as n, max(created_at)::text as newest from drizzle.__drizzle_migrations`,
    );
    appliedCount = applied[0]!.n;
    appliedNewest = Number(applied[0]!.newest ?? 0);
  }
  return { hasMeta: first.meta !== null, publicTables: first.public_tables, appliedCount, appliedNewest };
}

/** Rows of a raw query on either driver (PGlite and node-postgres both return `.rows`). */
export async function rows<T>(db: Pick<Db, 'execute'>, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
