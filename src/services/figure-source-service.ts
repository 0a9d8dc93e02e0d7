/** Where each figure of a plan came from (issue 14: provenance), for the line a cell shows: "Källa: ekonomisystemet, import 2026-03-05 av ekonom". */
import { StyrkortError } from '../domain/errors.ts';
import type { Db } from '../db/connection.ts';
import { figureOrigins } from '../db/import-repository.ts';
import { findPlanRow } from '../db/plan-item-repository.ts';

export interface FigureSource {
  itemType: string;
  itemKey: string;
  rowKey: string;
  columnKey: string;
  source: string;
  recordedBy: string | null;
  recordedAt: string;
  importId: number | null;
  fileName: string | null;
}

/** The sources of a plan's figures (of one item type, if named); without people's names unless asked. */
export async function figureSources(db: Db, planKey: string, options: { itemType?: string; withNames: boolean }): Promise<FigureSource[]> {
  const row = await findPlanRow(db, planKey);
  if (!row) throw new StyrkortError('not-found', `Planen ${planKey} finns inte`);
  const origins = await figureOrigins(db, row.id, options.itemType);
  return origins.map((origin) => ({
    itemType: origin.itemType,
    itemKey: origin.itemKey,
    rowKey: origin.rowKey,
    columnKey: origin.columnKey,
    source: origin.source,
    recordedBy: options.withNames ? origin.recordedBy : null,
    recordedAt: origin.recordedAt.toISOString(),
    // An undone import no longer stands behind a figure (its cells went back), so it is not named.
    importId: origin.importStatus === 'imported' ? origin.importId : null,
    fileName: origin.importStatus === 'imported' ? origin.fileName : null,
  }));
}
