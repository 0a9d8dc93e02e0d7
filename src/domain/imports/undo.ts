/**
 * Undoing an import as a whole (issue 14, point 3). The rule (decision 0014): an import can be
 * undone while every cell it wrote still holds what it wrote, from it — then each cell gets back
 * its text and its source from before, and the columns the import added go again if they are
 * empty. When a later change touched one of its cells (a person typed, a later import wrote or
 * confirmed it, the cell was emptied), undoing would throw that change away silently, so the undo
 * is refused with the cells that changed; undo the later import first, or put the values right by
 * hand. Pure.
 */
import { formatPeriod } from '../period.ts';
import type { PlanFile } from '../plan.ts';
import { cellId, dropEmptyColumns, restoreCells, type CellRef } from './cells.ts';

/** A cell as an import recorded it. */
export interface ImportedCell extends CellRef {
  period: string;
  before: string | null;
  beforeImportId: number | null;
  after: string | null;
}

/** A cell as it is stored now. */
export interface StoredCell extends CellRef {
  printed: string;
  importId: number | null;
  recordedBy: string;
}

/** A cell changed after the import, and what it holds now. */
export interface LaterChange {
  cell: ImportedCell;
  now: string | null;
  /** The later import that wrote it, or null (a person or a plan write). */
  importId: number | null;
  by: string | null;
}

/** The cells changed since the import `importId` wrote them; none means the import can be undone. */
export function laterChanges(importId: number, cells: readonly ImportedCell[], stored: ReadonlyMap<string, StoredCell>): LaterChange[] {
  const changes: LaterChange[] = [];
  for (const cell of cells) {
    const now = stored.get(cellId(cell));
    const intact = cell.after === null ? now === undefined : now !== undefined && now.printed === cell.after && now.importId === importId;
    if (!intact) changes.push({ cell, now: now?.printed ?? null, importId: now?.importId ?? null, by: now?.recordedBy ?? null });
  }
  return changes;
}

/** The plan with the import's cells as they were before it, and its own columns gone where empty. */
export function undonePlan(plan: PlanFile, cells: readonly ImportedCell[], addedColumns: ReadonlyArray<{ itemType: string; itemKey: string; columnKey: string }>): PlanFile {
  const restored = restoreCells(plan, cells.map((cell) => ({ ...cell, text: cell.before })));
  return dropEmptyColumns(restored, addedColumns);
}

/** Where a cell is, in words: "volymtabellen ifo-matt-2017, raden hvb-barn-unga, aug 2017". */
export function describeCell(cell: CellRef & { period: string }): string {
  if (cell.itemType === 'indicator') return `styrtalet ${cell.itemKey}, ${formatPeriod(cell.period)}`;
  const table = cell.itemType === 'volume-table' ? 'volymtabellen' : 'budgettabellen';
  return `${table} ${cell.itemKey}, raden ${cell.rowKey}, ${formatPeriod(cell.period)}`;
}
