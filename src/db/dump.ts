/**
 * A logical copy of the whole database, the same on PGlite and PostgreSQL, and its way back in.
 *
 * Reading happens in one REPEATABLE READ, read-only transaction, so every table is seen at the same
 * moment. Each row leaves as PostgreSQL's own JSON of it (row_to_json) and comes back through
 * json_populate_recordset, so numerics, timestamps and jsonb never pass through JavaScript numbers
 * or dates and are restored exactly. Tables are found in the catalogue, not listed here, so a
 * table added by a later migration is copied without a change to this file.
 */
import { sql } from 'drizzle-orm';
import { readMigrationFiles, type MigrationMeta } from 'drizzle-orm/migrator';
import type { Db, Queryable } from './connection.ts';
import { migrationsFolder, rows } from './migrate.ts';

/** The schema a database is at: how many migrations are applied, and the newest one's time stamp. */
export interface SchemaVersion {
  migrations: number;
  newest: number;
}

export interface TableDump {
  name: string;
  columns: string[];
  rows: string[];
}

/** The migrations this Styrkort knows, oldest first. */
export function knownMigrations(): MigrationMeta[] {
  return readMigrationFiles({ migrationsFolder });
}

/** The schema version of a database (0 migrations: not set up). */
export async function schemaVersion(db: Queryable): Promise<SchemaVersion> {
  const [state] = await rows<{ exists: string | null }>(db, sql`select to_regclass('drizzle.__drizzle_migrations')::text as exists`);
  if (!state?.exists) return { migrations: 0, newest: 0 };
  const [applied] = await rows<{ n: number; newest: string | null }>(db, sql`select count(*)::int as n, max(created_at)::text as newest from drizzle.__drizzle_migrations`);
  return { migrations: applied!.n, newest: Number(applied!.newest ?? 0) };
}

/** The tables of the public schema, parents before the tables whose foreign keys point at them. */
export async function tablesInLoadOrder(db: Queryable): Promise<string[]> {
  const tables = (await rows<{ name: string }>(db, sql`select tablename as name from pg_tables where schemaname = 'public' order by tablename`)).map((row) => row.name);
  const references = await rows<{ child: string; parent: string }>(
    db,
    sql`select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
        from pg_constraint c join pg_namespace n on n.oid = c.connamespace
        where c.contype = 'f' and n.nspname = 'public'`,
  );
  const unquote = (name: string) => name.replace(/^"|"$/g, '');
  const parents = new Map(tables.map((table) => [table, new Set<string>()]));
  for (const { child, parent } of references) if (unquote(child) !== unquote(parent)) parents.get(unquote(child))?.add(unquote(parent));
  const ordered: string[] = [];
  const visit = (table: string, path: Set<string>) => {
    if (ordered.includes(table) || path.has(table)) return;
    path.add(table);
    for (const parent of parents.get(table) ?? []) visit(parent, path);
    ordered.push(table);
  };
  for (const table of tables) visit(table, new Set());
  return ordered;
}

async function primaryKeyColumns(db: Queryable, table: string): Promise<string[]> {
  const result = await rows<{ name: string }>(
    db,
    sql`select a.attname as name from pg_index i
        join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
        where i.indrelid = ${`public.${quoteIdent(table)}`}::regclass and i.indisprimary
        order by array_position(i.indkey, a.attnum)`,
  );
  return result.map((row) => row.name);
}

async function columnNames(db: Queryable, table: string): Promise<string[]> {
  const result = await rows<{ name: string }>(db, sql`select column_name as name from information_schema.columns where table_schema = 'public' and table_name = ${table} order by ordinal_position`);
  return result.map((row) => row.name);
}

/** An identifier in double quotes, as SQL wants a name it did not choose. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Every table's rows as JSON text, all read in one consistent snapshot. */
export async function dumpTables(db: Db): Promise<{ version: SchemaVersion; tables: TableDump[] }> {
  return db.transaction(
    async (snapshot) => {
      // Time stamps in UTC, whatever the server's zone: the same database gives the same file on either engine.
      await snapshot.execute(sql`set local time zone 'UTC'`);
      const version = await schemaVersion(snapshot);
      const tables: TableDump[] = [];
      for (const name of await tablesInLoadOrder(snapshot)) {
        const key = await primaryKeyColumns(snapshot, name);
        const order = key.length > 0 ? key.map(quoteIdent).join(', ') : '1';
        const table = quoteIdent(name);
        const result = await rows<{ row: string }>(snapshot, sql.raw(`select row_to_json(t)::text as row from public.${table} t order by ${order}`));
        tables.push({ name, columns: await columnNames(snapshot, name), rows: result.map((row) => row.row) });
      }
      return { version, tables };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

/** How many rows the public tables hold, by table (styrkort_meta, which marks the database, left out). */
export async function rowCounts(db: Db): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const name of await tablesInLoadOrder(db)) {
    if (name === 'styrkort_meta') continue;
    const [result] = await rows<{ n: number }>(db, sql.raw(`select count(*)::int as n from public.${quoteIdent(name)}`));
    counts[name] = result!.n;
  }
  return counts;
}

/**
 * Drops every object of Styrkort's schema (tables with their triggers and sequences, sequences of
 * their own, functions, types, and the migration journal), inside the caller's transaction.
 */
export async function dropSchema(tx: Queryable): Promise<void> {
  for (const name of await tablesInLoadOrder(tx)) await tx.execute(sql.raw(`drop table if exists public.${quoteIdent(name)} cascade`));
  const functions = await rows<{ signature: string }>(tx, sql`select p.oid::regprocedure::text as signature from pg_proc p where p.pronamespace = 'public'::regnamespace and p.prokind = 'f'`);
  for (const { signature } of functions) await tx.execute(sql.raw(`drop function if exists ${signature} cascade`));
  const sequences = await rows<{ name: string }>(tx, sql`select sequence_name as name from information_schema.sequences where sequence_schema = 'public'`);
  for (const { name } of sequences) await tx.execute(sql.raw(`drop sequence if exists public.${quoteIdent(name)} cascade`));
  const types = await rows<{ name: string }>(tx, sql`select t.typname as name from pg_type t where t.typnamespace = 'public'::regnamespace and t.typtype in ('e', 'd', 'c') and not exists (select 1 from pg_class c where c.reltype = t.oid)`);
  for (const { name } of types) await tx.execute(sql.raw(`drop type if exists public.${quoteIdent(name)} cascade`));
  await tx.execute(sql`drop table if exists drizzle.__drizzle_migrations`);
}

/**
 * Applies migrations inside the caller's transaction and records them in drizzle's journal the way
 * drizzle's migrator does, so a later start sees them as applied. The restore needs this rather than
 * the migrator: it must stop at the backup's version, load the rows, then go on.
 */
export async function applyMigrations(tx: Queryable, migrations: MigrationMeta[]): Promise<void> {
  await tx.execute(sql`create schema if not exists drizzle`);
  await tx.execute(sql`create table if not exists drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint)`);
  for (const migration of migrations) {
    for (const statement of migration.sql) if (statement.trim()) await tx.execute(sql.raw(statement));
    await tx.execute(sql`insert into drizzle.__drizzle_migrations (hash, created_at) values (${migration.hash}, ${migration.folderMillis})`);
  }
}

/** Inserts a table's rows (JSON texts from dumpTables) in batches. */
export async function loadRows(tx: Queryable, table: string, jsonRows: string[]): Promise<void> {
  const name = `public.${quoteIdent(table)}`;
  for (let start = 0; start < jsonRows.length; start += 500) {
    const batch = `[${jsonRows.slice(start, start + 500).join(',')}]`;
    await tx.execute(sql`insert into ${sql.raw(name)} select * from json_populate_recordset(null::${sql.raw(name)}, ${batch}::json)`);
  }
}

/** Moves every serial column's sequence past the largest restored value. */
export async function resetSequences(tx: Queryable): Promise<void> {
  const serials = await rows<{ table_name: string; column_name: string; sequence: string }>(
    tx,
    sql`select table_name, column_name, pg_get_serial_sequence(quote_ident(table_name), column_name) as sequence
        from information_schema.columns where table_schema = 'public' and pg_get_serial_sequence(quote_ident(table_name), column_name) is not null`,
  );
  for (const serial of serials) {
    const table = `public.${quoteIdent(serial.table_name)}`;
    const column = quoteIdent(serial.column_name);
    await tx.execute(sql.raw(`select setval('${serial.sequence.replace(/'/g, "''")}', coalesce((select max(${column}) from ${table}), 0) + 1, false)`));
  }
}
