/**
 * Import records (issue 14): one row per import in `imports`, its cells in `import_cells`, and
 * the figures that point back at it. The only SQL of imports; the rules are in domain/imports.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import type { CellSource, PlannedCell } from '../domain/imports/changes.ts';
import type { ImportedCell, StoredCell } from '../domain/imports/undo.ts';
import { cellId, type ImportItemType } from '../domain/imports/cells.ts';
import type { Db } from './connection.ts';
import { rows } from './migrate.ts';
import { importCells, imports, plans } from './schema.ts';

export type ImportKind = 'ledger' | 'actuals';

/** What an import's summary holds beside the counts. */
export interface ImportSummary {
  written: number;
  confirmed: number;
  emptied: number;
  unchanged: number;
  addedColumns: Array<{ itemType: string; itemKey: string; columnKey: string; label: string }>;
  items: number;
}

export interface ImportRecord {
  id: number;
  planKey: string;
  kind: ImportKind;
  fileName: string;
  checksum: string;
  bytes: number;
  format: string;
  rows: number;
  sourceSystem: string;
  sourceKey: string;
  mappingKey: string | null;
  periods: string[];
  status: 'imported' | 'undone';
  summary: ImportSummary;
  importedBy: string;
  importedAt: Date;
  undoneBy: string | null;
  undoneAt: Date | null;
}

const recordColumns = {
  id: imports.id,
  planKey: plans.key,
  kind: imports.kind,
  fileName: imports.fileName,
  checksum: imports.checksum,
  bytes: imports.bytes,
  format: imports.format,
  rows: imports.rows,
  sourceSystem: imports.sourceSystem,
  sourceKey: imports.sourceKey,
  mappingKey: imports.mappingKey,
  periods: imports.periods,
  status: imports.status,
  summary: imports.summary,
  importedBy: imports.importedBy,
  importedAt: imports.importedAt,
  undoneBy: imports.undoneBy,
  undoneAt: imports.undoneAt,
};

type RecordRow = { [K in keyof typeof recordColumns]: unknown };

function toRecord(row: RecordRow): ImportRecord {
  return row as unknown as ImportRecord;
}

export interface NewImport {
  planId: number;
  kind: ImportKind;
  fileName: string;
  checksum: string;
  bytes: number;
  format: string;
  rows: number;
  sourceSystem: string;
  sourceKey: string;
  mappingKey: string | null;
  periods: string[];
  summary: ImportSummary;
  importedBy: string;
}

/** Records an import; returns its id. */
export async function insertImport(tx: Db, values: NewImport): Promise<number> {
  const [row] = await tx.insert(imports).values({ ...values, status: 'imported' }).returning({ id: imports.id });
  return row!.id;
}

/** Where a cell's text came from before an import: what an undo puts back. */
export interface CellOrigin {
  source: string;
  recordedBy: string;
  recordedAt: Date;
}

/** Stores the cells an import changed or confirmed, with what they held before and where that came from. */
export async function insertImportCells(tx: Db, importId: number, cells: readonly PlannedCell[], origins: ReadonlyMap<string, CellOrigin>): Promise<void> {
  for (let i = 0; i < cells.length; i += 1000) {
    await tx.insert(importCells).values(
      cells.slice(i, i + 1000).map((cell) => ({
        importId,
        itemType: cell.itemType,
        itemKey: cell.itemKey,
        rowKey: cell.rowKey,
        columnKey: cell.columnKey,
        period: cell.period,
        before: cell.before,
        beforeImportId: cell.beforeImportId,
        beforeSource: origins.get(cellId(cell))?.source ?? null,
        beforeRecordedBy: origins.get(cellId(cell))?.recordedBy ?? null,
        beforeRecordedAt: origins.get(cellId(cell))?.recordedAt ?? null,
        after: cell.after,
      })),
    );
  }
}

/** An import of the same bytes into the same plan that stands (is not undone), if any. */
export async function findStandingImport(db: Db, planId: number, kind: ImportKind, checksum: string): Promise<ImportRecord | null> {
  const [row] = await db
    .select(recordColumns)
    .from(imports)
    .innerJoin(plans, eq(imports.planId, plans.id))
    .where(and(eq(imports.planId, planId), eq(imports.kind, kind), eq(imports.checksum, checksum), eq(imports.status, 'imported')))
    .orderBy(desc(imports.id))
    .limit(1);
  return row ? toRecord(row) : null;
}

/** One import by id. */
export async function findImport(db: Db, id: number): Promise<ImportRecord | null> {
  const [row] = await db.select(recordColumns).from(imports).innerJoin(plans, eq(imports.planId, plans.id)).where(eq(imports.id, id));
  return row ? toRecord(row) : null;
}

/** Imports, newest first, of one plan or of all. */
export async function listImports(db: Db, query: { planKey?: string; limit: number; offset: number }): Promise<ImportRecord[]> {
  const found = await db
    .select(recordColumns)
    .from(imports)
    .innerJoin(plans, eq(imports.planId, plans.id))
    .where(query.planKey === undefined ? undefined : eq(plans.key, query.planKey))
    .orderBy(desc(imports.id))
    .limit(query.limit)
    .offset(query.offset);
  return found.map(toRecord);
}

/** A cell as an import recorded it, with where its earlier text came from. */
export interface RecordedCell extends ImportedCell {
  beforeSource: string | null;
  beforeRecordedBy: string | null;
  beforeRecordedAt: Date | null;
}

/** The cells an import recorded. */
export async function importedCellsOf(db: Db, importId: number): Promise<RecordedCell[]> {
  const found = await db.select().from(importCells).where(eq(importCells.importId, importId));
  return found.map((cell) => ({ ...cell, itemType: cell.itemType as ImportItemType }));
}

/** The figures of a plan that an import wrote, with the import's source. */
export async function importedSources(db: Db, planId: number): Promise<CellSource[]> {
  const found = await rows<{ item_type: string; item_key: string; row_key: string; column_key: string; period: string | null; import_id: string | number; source_key: string }>(
    db,
    sql`select f.item_type, f.item_key, f.row_key, f.column_key, f.period, f.import_id, i.source_key
        from figures f join imports i on i.id = f.import_id
        where f.plan_id = ${planId}`,
  );
  return found.map((row) => ({
    itemType: row.item_type as ImportItemType,
    itemKey: row.item_key,
    rowKey: row.row_key,
    columnKey: row.column_key,
    period: row.period,
    importId: Number(row.import_id),
    sourceKey: row.source_key,
  }));
}

/** The stored figures at the cells an import recorded (absent cells are missing from the list). */
export async function storedCellsOf(db: Db, planId: number, importId: number): Promise<StoredCell[]> {
  const found = await rows<{ item_type: string; item_key: string; row_key: string; column_key: string; printed: string; import_id: string | number | null; recorded_by: string }>(
    db,
    sql`select f.item_type, f.item_key, f.row_key, f.column_key, f.printed, f.import_id, f.recorded_by
        from import_cells c
        join figures f on f.plan_id = ${planId} and f.item_type = c.item_type and f.item_key = c.item_key and f.row_key = c.row_key and f.column_key = c.column_key
        where c.import_id = ${importId}`,
  );
  return found.map((row) => ({
    itemType: row.item_type as ImportItemType,
    itemKey: row.item_key,
    rowKey: row.row_key,
    columnKey: row.column_key,
    printed: row.printed,
    importId: row.import_id === null ? null : Number(row.import_id),
    recordedBy: row.recorded_by,
  }));
}

/** Marks an import undone. */
export async function markUndone(tx: Db, importId: number, actor: string): Promise<void> {
  await tx.update(imports).set({ status: 'undone', undoneBy: actor, undoneAt: sql`now()` }).where(eq(imports.id, importId));
}

/** Every figure of a plan with where it came from: its source, who recorded it when, and its import. */
export interface FigureOrigin {
  itemType: string;
  itemKey: string;
  rowKey: string;
  columnKey: string;
  source: string;
  recordedBy: string;
  recordedAt: Date;
  importId: number | null;
  fileName: string | null;
  importStatus: string | null;
}

/** The origins of a plan's figures. */
export async function figureOrigins(db: Db, planId: number, itemType?: string): Promise<FigureOrigin[]> {
  const found = await rows<{ item_type: string; item_key: string; row_key: string; column_key: string; source: string; recorded_by: string; recorded_at: string | Date; import_id: string | number | null; file_name: string | null; status: string | null }>(
    db,
    sql`select f.item_type, f.item_key, f.row_key, f.column_key, f.source, f.recorded_by, f.recorded_at, f.import_id, i.file_name, i.status
        from figures f left join imports i on i.id = f.import_id
        where f.plan_id = ${planId} ${itemType === undefined ? sql`` : sql`and f.item_type = ${itemType}`}
        order by f.item_type, f.item_key, f.row_key, f.position`,
  );
  return found.map((row) => ({
    itemType: row.item_type,
    itemKey: row.item_key,
    rowKey: row.row_key,
    columnKey: row.column_key,
    source: row.source,
    recordedBy: row.recorded_by,
    recordedAt: new Date(row.recorded_at),
    importId: row.import_id === null ? null : Number(row.import_id),
    fileName: row.file_name,
    importStatus: row.status,
  }));
}
