/**
 * What an import changes, before anything is written (issue 14, point 3):
 * - a cell whose text and source are already what the file says is left alone, so importing the
 *   same file again changes nothing;
 * - a cell with the same text from elsewhere (typed, or read from the plan file) is confirmed: its
 *   text stays, its source becomes the import;
 * - every other cell gets the file's text;
 * - a corrected file replaces what the same source imported for the periods it covers: a cell of
 *   those periods that an earlier import from the same source wrote, and that the new file no
 *   longer carries, is emptied.
 * Pure: the plan and each cell's current source in, the changed plan and its cell changes out.
 */
import { comparePeriods, type Period } from '../period.ts';
import type { PlanFile } from '../plan.ts';
import { applyCellWrites, cellId, type AddedColumn, type CellChange, type CellRef, type CellWrite, type ImportItemType } from './cells.ts';

/** Where a stored cell came from, when an import wrote it. */
export interface CellSource extends CellRef {
  period: string | null;
  importId: number;
  sourceKey: string;
}

export interface ImportPlanOptions {
  /** The import's source (kind, system, mapping): what a corrected file replaces. */
  sourceKey: string;
  /** The periods the file covers. */
  periods: readonly Period[];
  /** The item types this kind of import writes (a volume file never empties a budget cell). */
  itemTypes: readonly ImportItemType[];
}

/** A cell change with the import the cell held before (for undo). */
export interface PlannedCell extends CellChange {
  beforeImportId: number | null;
  /** confirmed: same text, the source becomes the import. */
  effect: 'written' | 'confirmed' | 'emptied';
}

export interface ImportPlan {
  plan: PlanFile;
  cells: PlannedCell[];
  addedColumns: AddedColumn[];
  /** Cells the file carries that already hold its text from the same source. */
  unchanged: number;
}

/** The changes of importing `writes` into `plan`, given each imported cell's current source. */
export function planImport(plan: PlanFile, writes: readonly CellWrite[], sources: readonly CellSource[], options: ImportPlanOptions): ImportPlan {
  const sourceOf = new Map(sources.map((source) => [cellId(source), source]));
  const trial = applyCellWrites(plan, writes);
  const effective: CellWrite[] = [];
  const confirmed: CellChange[] = [];
  const carried = new Set<string>();
  let unchanged = 0;
  trial.changes.forEach((change, i) => {
    carried.add(cellId(change));
    if (change.before !== change.after) return void effective.push(writes[i]!);
    if (sourceOf.get(cellId(change))?.sourceKey === options.sourceKey) unchanged++;
    else confirmed.push(change);
  });
  const periods = new Set(options.periods);
  const types = new Set<string>(options.itemTypes);
  for (const source of sources) {
    if (source.sourceKey !== options.sourceKey || source.period === null || !periods.has(source.period) || !types.has(source.itemType)) continue;
    if (carried.has(cellId(source))) continue;
    effective.push({ itemType: source.itemType, itemKey: source.itemKey, rowKey: source.rowKey, period: source.period, text: null, ...(source.itemType === 'indicator' ? {} : { columnKey: source.columnKey }) });
  }
  const applied = applyCellWrites(plan, effective);
  const cells: PlannedCell[] = [
    ...applied.changes.filter((change) => change.before !== change.after).map((change) => planned(change, change.after === null ? 'emptied' : 'written', sourceOf)),
    ...confirmed.map((change) => planned(change, 'confirmed', sourceOf)),
  ];
  cells.sort((a, b) => a.itemType.localeCompare(b.itemType) || a.itemKey.localeCompare(b.itemKey) || a.rowKey.localeCompare(b.rowKey) || comparePeriods(a.period, b.period));
  return { plan: applied.plan, cells, addedColumns: applied.addedColumns, unchanged };
}

function planned(change: CellChange, effect: PlannedCell['effect'], sourceOf: ReadonlyMap<string, CellSource>): PlannedCell {
  return { ...change, beforeImportId: sourceOf.get(cellId(change))?.importId ?? null, effect };
}
