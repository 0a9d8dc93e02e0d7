/**
 * Backup and restore of a whole Styrkort database (plans, figures, users, sessions, the audit
 * trail …) as one gzip-compressed file of JSON lines: a header with the schema version and the
 * tables, then each table's rows as PostgreSQL wrote them. A backup from PGlite restores into
 * PostgreSQL and back. Restoring rebuilds the schema at the backup's version, loads the rows, moves
 * the sequences on and migrates to the current version — all in one transaction, so a failed
 * restore leaves the database as it was.
 */
import { createWriteStream, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createGzip, gunzipSync } from 'node:zlib';
import type { Database } from '../db/connection.ts';
import { applyMigrations, dropSchema, dumpTables, knownMigrations, loadRows, resetSequences, rowCounts, tablesInLoadOrder, type SchemaVersion } from '../db/dump.ts';
import { continueContentVersions, keepContentVersions, lastContentVersion } from '../db/plan-version-repository.ts';
import { StyrkortError } from '../domain/errors.ts';

export const backupFormat = 'styrkort-backup';
const formatVersion = 1;

export interface BackupHeader {
  format: typeof backupFormat;
  formatVersion: number;
  createdAt: string;
  engine: Database['engine'];
  schema: SchemaVersion;
  tables: Array<{ name: string; rows: number }>;
}

export interface BackupSummary {
  file: string;
  bytes: number;
  schema: SchemaVersion;
  tables: number;
  rows: number;
}

/** Writes a consistent backup of the database to a file (via a temporary file, so a failed backup leaves no half file). */
export async function backupToFile(database: Database, file: string, now = new Date()): Promise<BackupSummary> {
  const { version, tables } = await dumpTables(database.db);
  const header: BackupHeader = {
    format: backupFormat,
    formatVersion,
    createdAt: now.toISOString(),
    engine: database.engine,
    schema: version,
    tables: tables.map((table) => ({ name: table.name, rows: table.rows.length })),
  };
  function* lines(): Generator<string> {
    yield `${JSON.stringify(header)}\n`;
    for (const table of tables) {
      yield `${JSON.stringify({ table: table.name, columns: table.columns, rows: table.rows.length })}\n`;
      for (const row of table.rows) yield `${row}\n`;
    }
  }
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    await pipeline(lines(), createGzip(), createWriteStream(temporary, { mode: 0o600 }));
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new StyrkortError('validation', `Kan inte skriva säkerhetskopian ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return { file, bytes: statSync(file).size, schema: version, tables: tables.length, rows: tables.reduce((sum, table) => sum + table.rows.length, 0) };
}

const unreadable = (file: string, why: string) => new StyrkortError('validation', `${file} är ingen läsbar säkerhetskopia av Styrkort: ${why}. Ingenting har ändrats.`);

/** Reads a backup file: its header and each table's rows (as JSON text, never parsed into JavaScript values). */
export function readBackup(file: string): { header: BackupHeader; tables: Map<string, string[]> } {
  let text: string;
  try {
    text = gunzipSync(readFileSync(file)).toString('utf8');
  } catch (error) {
    throw unreadable(file, (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'filen finns inte' : 'filen är skadad eller inte gzip-komprimerad');
  }
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  if (lines.length === 0) throw unreadable(file, 'filen är tom');
  const header = parseHeader(lines[0]!, file);
  const tables = new Map<string, string[]>();
  let at = 1;
  while (at < lines.length) {
    let marker: { table?: unknown; rows?: unknown };
    try {
      marker = JSON.parse(lines[at]!) as { table?: unknown; rows?: unknown };
    } catch {
      marker = {};
    }
    if (typeof marker.table !== 'string' || typeof marker.rows !== 'number') throw unreadable(file, `rad ${at + 1} borde inleda en tabell`);
    tables.set(marker.table, lines.slice(at + 1, at + 1 + marker.rows));
    at += 1 + marker.rows;
  }
  for (const { name, rows } of header.tables) {
    if ((tables.get(name)?.length ?? -1) !== rows) throw unreadable(file, `tabellen ${name} är ofullständig (är filen avkortad?)`);
  }
  return { header, tables };
}

function parseHeader(line: string, file: string): BackupHeader {
  let header: Partial<BackupHeader>;
  try {
    header = JSON.parse(line) as Partial<BackupHeader>;
  } catch {
    throw unreadable(file, 'första raden är inte ett huvud');
  }
  if (header.format !== backupFormat) throw unreadable(file, 'huvudet saknar "styrkort-backup"');
  if (header.formatVersion !== formatVersion) throw unreadable(file, `formatversion ${String(header.formatVersion)} är okänd (den här versionen läser ${formatVersion})`);
  if (!header.schema || !Array.isArray(header.tables)) throw unreadable(file, 'huvudet är ofullständigt');
  return header as BackupHeader;
}

const tableNames: Record<string, string> = { plans: 'planer', users: 'användare', audit_events: 'händelser i ändringsloggen', figures: 'siffror', sessions: 'inloggningar' };

export interface RestoreSummary {
  schema: SchemaVersion;
  migratedTo: number;
  rows: number;
}

/**
 * Restores a backup into a database: refused when the database holds anything and `force` is not
 * given, or when the backup comes from a newer Styrkort. One transaction.
 */
export async function restoreFromFile(database: Database, file: string, options: { force?: boolean } = {}): Promise<RestoreSummary> {
  const { header, tables } = readBackup(file);
  const migrations = knownMigrations();
  const { migrations: count, newest } = header.schema;
  if (count > migrations.length) {
    throw new StyrkortError(
      'database-newer',
      `Säkerhetskopian har schemaversion ${count}, men den här versionen av Styrkort känner bara till ${migrations.length}. Den har gjorts av en nyare Styrkort; uppgradera Styrkort. Ingenting har ändrats.`,
    );
  }
  if (count > 0 && migrations[count - 1]!.folderMillis !== newest) {
    throw new StyrkortError('validation', `Säkerhetskopians schema (version ${count}) stämmer inte med den här versionen av Styrkort. Ingenting har ändrats.`);
  }
  const present = Object.entries(await rowCounts(database.db)).filter(([, n]) => n > 0);
  if (present.length > 0 && !options.force) {
    // What a reader recognises by name, the rest as a count of tables: a message stays one readable line.
    const named = present.filter(([table]) => table in tableNames).map(([table, n]) => `${n} ${tableNames[table]}`);
    const others = present.length - named.length;
    const what = [...named, ...(others > 0 ? [`rader i ${others} ${others === 1 ? 'annan tabell' : 'andra tabeller'}`] : [])].join(', ');
    throw new StyrkortError('conflict', `Databasen ${database.location} är inte tom (${what}). Ange --force för att ersätta allt i den med säkerhetskopian. Ingenting har ändrats.`);
  }
  await database.db.transaction(async (db) => {
    const versionsBefore = await lastContentVersion(db);
    await keepContentVersions(db);
    await dropSchema(db);
    await applyMigrations(db, migrations.slice(0, count));
    const created = new Set(await tablesInLoadOrder(db));
    for (const { name } of header.tables) {
      if (!created.has(name)) throw unreadable(file, `tabellen ${name} finns inte i schemaversion ${count}`);
      try {
        await loadRows(db, name, tables.get(name) ?? []);
      } catch (error) {
        throw unreadable(file, `tabellen ${name} kunde inte läsas in (${firstLine(error)})`);
      }
    }
    await resetSequences(db);
    await applyMigrations(db, migrations.slice(count));
    // Content versions never repeat a number a cache or a browser may hold (decision 0018).
    await continueContentVersions(db, versionsBefore);
  });
  return { schema: header.schema, migratedTo: migrations.length, rows: header.tables.reduce((sum, table) => sum + table.rows, 0) };
}

function firstLine(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  return String(cause instanceof Error ? cause.message : cause).split('\n')[0]!.slice(0, 200);
}
