/**
 * Provenance of figures (issue 14): where a figure came from (its import, source, recorder, time).
 * A table is written whole (plan-item-repository's writeItem deletes and re-inserts its figures),
 * so the origin of every cell whose printed text did not change is carried over to the new rows:
 * editing one cell of a table, or importing into some of its cells, never takes the source off the
 * others, and a changed cell gets the writer's.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Queryable } from './connection.ts';
import { figures } from './schema.ts';

/** What a figure keeps when its table is written again with the same text in it. */
export interface KeptSource {
  printed: string;
  importId: number | null;
  source: string;
  recordedBy: string;
  recordedAt: Date;
}

/** The origins of one item's figures, by "row|column". */
export async function importedFiguresOf(tx: Queryable, planId: number, itemType: string, itemKey: string): Promise<Map<string, KeptSource>> {
  const rows = await tx
    .select({ rowKey: figures.rowKey, columnKey: figures.columnKey, printed: figures.printed, importId: figures.importId, source: figures.source, recordedBy: figures.recordedBy, recordedAt: figures.recordedAt })
    .from(figures)
    .where(and(eq(figures.planId, planId), eq(figures.itemType, itemType), eq(figures.itemKey, itemKey)));
  return new Map(rows.map((row) => [`${row.rowKey}|${row.columnKey}`, { printed: row.printed, importId: row.importId, source: row.source, recordedBy: row.recordedBy, recordedAt: row.recordedAt }]));
}

/** A figure row about to be written, with its earlier origin kept when its text is unchanged (a source stated in the plan wins). */
export function keepSource<T extends { rowKey: string; columnKey: string; printed: string; source: string; recordedBy: string; statedSource?: string | null }>(
  kept: ReadonlyMap<string, KeptSource>,
  figure: T,
): T & { importId?: number | null; recordedAt?: Date } {
  const earlier = kept.get(`${figure.rowKey}|${figure.columnKey}`);
  if (earlier === undefined || earlier.printed !== figure.printed || figure.statedSource) return figure;
  return { ...figure, importId: earlier.importId, source: earlier.source, recordedBy: earlier.recordedBy, recordedAt: earlier.recordedAt };
}

/** Marks cells of one item as written by an import (after writeItem stored their text). */
export async function markImported(
  tx: Queryable,
  target: { planId: number; itemType: string; itemKey: string },
  cells: ReadonlyArray<{ rowKey: string; columnKey: string }>,
  by: { importId: number; source: string; actor: string },
): Promise<void> {
  if (cells.length === 0) return;
  const pairs = sql.join(
    cells.map((cell) => sql`(${cell.rowKey}, ${cell.columnKey})`),
    sql`, `,
  );
  await tx.execute(sql`
    update figures set import_id = ${by.importId}, source = ${by.source}, recorded_by = ${by.actor}, recorded_at = now()
    where plan_id = ${target.planId} and item_type = ${target.itemType} and item_key = ${target.itemKey}
      and (row_key, column_key) in (${pairs})`);
}

/** Puts back where a restored cell's text came from (undo): its import, source, recorder and time. */
export async function restoreOrigin(
  tx: Queryable,
  target: { planId: number; itemType: string; itemKey: string },
  cell: { rowKey: string; columnKey: string },
  origin: { importId: number | null; source: string; recordedBy: string; recordedAt: Date },
): Promise<void> {
  await tx
    .update(figures)
    .set(origin)
    .where(and(eq(figures.planId, target.planId), eq(figures.itemType, target.itemType), eq(figures.itemKey, target.itemKey), eq(figures.rowKey, cell.rowKey), eq(figures.columnKey, cell.columnKey)));
}
