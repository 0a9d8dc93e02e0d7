/**
 * One figure table of a plan (volume table, economic table, investment budget) read and written
 * on its own, for a change of its cells: the item row and its figures only, never the rest of the
 * plan, and on writing only the figures whose text changed, each keeping where it came from.
 */
import { and, count, eq, inArray, lt, sql } from 'drizzle-orm';
import { StyrkortError } from '../domain/errors.ts';
import type { PlanPart } from '../domain/plan-parts.ts';
import type { PlanFile } from '../domain/plan.ts';
import type { Tx } from './connection.ts';
import { keepSource, type KeptSource } from './import-figures.ts';
import type { PlanRow } from './plan-item-repository.ts';
import { fromItemsAndFigures, toItemsAndFigures, type FigureRow } from './plan-mapping.ts';
import { figures, planItems } from './schema.ts';

type StoredFigure = typeof figures.$inferSelect;

/** A figure table as stored: the item in the plan file's shape (not yet parsed), its version, and its figures by "row|column". */
export interface StoredTable {
  item: Record<string, unknown>;
  version: number;
  position: number;
  figures: ReadonlyMap<string, StoredFigure>;
}

const cellOf = (figure: { rowKey: string; columnKey: string }) => `${figure.rowKey}|${figure.columnKey}`;

/** One table of a plan with its figures (two indexed queries), or null when the plan has no such item. */
export async function loadFigureTable(tx: Tx, plan: Pick<PlanRow, 'id'>, part: PlanPart, key: string): Promise<StoredTable | null> {
  const [row] = await tx
    .select({ itemType: planItems.itemType, key: planItems.key, position: planItems.position, data: planItems.data, version: planItems.version })
    .from(planItems)
    .where(and(eq(planItems.planId, plan.id), eq(planItems.itemType, part.itemType), eq(planItems.key, key)));
  if (!row) return null;
  const stored = await tx
    .select()
    .from(figures)
    .where(and(eq(figures.planId, plan.id), eq(figures.itemType, part.itemType), eq(figures.itemKey, key)));
  const items = fromItemsAndFigures([row], stored)[part.field];
  const item = Array.isArray(items) ? (items[0] as Record<string, unknown> | undefined) : undefined;
  if (!item) return null;
  return { item, version: row.version, position: row.position, figures: new Map(stored.map((figure) => [cellOf(figure), figure])) };
}

/** The index of a table among the plan's tables of its kind (its place in the plan file), for a problem's path. */
export async function figureTableIndex(tx: Tx, plan: Pick<PlanRow, 'id'>, part: PlanPart, position: number): Promise<number> {
  const [row] = await tx
    .select({ before: count() })
    .from(planItems)
    .where(and(eq(planItems.planId, plan.id), eq(planItems.itemType, part.itemType), lt(planItems.position, position)));
  return row?.before ?? 0;
}

// What a figure row says besides where it came from; a row that says the same is left alone.
const sameFigure = (stored: StoredFigure, next: FigureRow) =>
  stored.printed === next.printed &&
  stored.value === next.value &&
  stored.form === next.form &&
  stored.series === next.series &&
  stored.period === next.period &&
  stored.kind === next.kind &&
  stored.asOf === next.asOf &&
  stored.unit === next.unit &&
  stored.position === next.position &&
  stored.statedSource === next.statedSource;

/**
 * Writes a table whose cells changed: the item's new version, checked in the statement that writes
 * it (412 when someone else wrote it meanwhile), then only its figures that differ — an emptied
 * cell deleted, a new or changed one written by `actor` from `source`. A cell whose text stayed
 * keeps its import, source, recorder and time (issue 14: provenance), as a whole-table write does
 * (import-figures.ts). The item's own data (everything but the cells) is the same by construction.
 */
export async function writeChangedCells(
  tx: Tx,
  plan: Pick<PlanRow, 'id'>,
  part: PlanPart,
  stored: StoredTable,
  table: Record<string, unknown>,
  options: { version: number; actor: string; source: string },
): Promise<void> {
  const key = String(table.key);
  const written = await tx
    .update(planItems)
    .set({ version: options.version })
    .where(and(eq(planItems.planId, plan.id), eq(planItems.itemType, part.itemType), eq(planItems.key, key), eq(planItems.version, stored.version)))
    .returning({ id: planItems.id });
  if (written.length === 0) {
    throw new StyrkortError('precondition-failed', `Någon annan har ändrat ${part.noun} "${key}" under tiden. Ingenting har sparats; läs om och försök igen.`);
  }
  const next = toItemsAndFigures({ [part.field]: [table] } as Partial<PlanFile>).figures;
  const nextCells = new Set(next.map(cellOf));
  const removed = [...stored.figures.values()].filter((figure) => !nextCells.has(cellOf(figure))).map((figure) => figure.id);
  if (removed.length > 0) await tx.delete(figures).where(inArray(figures.id, removed));
  const origins = new Map<string, KeptSource>([...stored.figures].map(([cell, figure]) => [cell, figure]));
  const changed = next.filter((figure) => {
    const before = stored.figures.get(cellOf(figure));
    return before === undefined || !sameFigure(before, figure);
  });
  if (changed.length === 0) return;
  await tx
    .insert(figures)
    .values(changed.map((figure) => keepSource(origins, { ...figure, planId: plan.id, source: figure.statedSource ?? options.source, recordedBy: options.actor })))
    .onConflictDoUpdate({
      target: [figures.planId, figures.itemType, figures.itemKey, figures.rowKey, figures.columnKey],
      set: {
        series: sql`excluded.series`,
        period: sql`excluded.period`,
        kind: sql`excluded.kind`,
        asOf: sql`excluded.as_of`,
        unit: sql`excluded.unit`,
        printed: sql`excluded.printed`,
        value: sql`excluded.value`,
        form: sql`excluded.form`,
        position: sql`excluded.position`,
        source: sql`excluded.source`,
        statedSource: sql`excluded.stated_source`,
        recordedBy: sql`excluded.recorded_by`,
        recordedAt: sql`excluded.recorded_at`,
        importId: sql`excluded.import_id`,
      },
    });
}
