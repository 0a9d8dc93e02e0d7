/**
 * The history of imports and undoing one (issue 14, point 3): `styrkort imports [--undo ID]`,
 * GET /api/imports, POST /api/imports/{id}/undo. An undo runs in the plan's write transaction:
 * refused with the cells a later change touched (domain/imports/undo.ts), else every cell gets
 * back its text and its source from before, the import's own empty columns go, the import is
 * marked undone, and each step is audited.
 */
import { StyrkortError } from '../domain/errors.ts';
import { cellId } from '../domain/imports/cells.ts';
import { describeCell, laterChanges, undonePlan, type LaterChange } from '../domain/imports/undo.ts';
import { changedFields, itemsOf } from '../domain/plan-parts.ts';
import { formatDateTime } from '../domain/imports/time.ts';
import type { Db } from '../db/connection.ts';
import { appendAudit } from '../db/audit-repository.ts';
import { restoreOrigin } from '../db/import-figures.ts';
import { findImport, importedCellsOf, listImports, markUndone, storedCellsOf, type ImportRecord, type RecordedCell } from '../db/import-repository.ts';
import { touchPlan, writeItem } from '../db/plan-item-repository.ts';
import type { ImportItemType } from '../domain/imports/cells.ts';
import { assertValidPlan, partOfType } from './import-write.ts';
import { callerOf, writePlan, type Caller } from './plan-write.ts';

export type { ImportRecord };

/** Imports, newest first. */
export function importHistory(db: Db, query: { planKey?: string; limit?: number; offset?: number } = {}): Promise<ImportRecord[]> {
  return listImports(db, { planKey: query.planKey, limit: query.limit ?? 100, offset: query.offset ?? 0 });
}

/** One import, or 404. */
export async function getImport(db: Db, id: number): Promise<ImportRecord> {
  const found = await findImport(db, id);
  if (!found) throw new StyrkortError('not-found', `Import ${id} finns inte`);
  return found;
}

/** One import with the cells it changed. */
export async function getImportWithCells(db: Db, id: number) {
  const record = await getImport(db, id);
  return { record, cells: await importedCellsOf(db, id) };
}

/** Undoes an import as a whole, authorised for `by` (absent: the local operator) on the nodes it touched. */
export async function undoImport(
  db: Db,
  options: { id: number; actor: string; reason?: string | null; by?: Caller },
): Promise<ImportRecord> {
  const record = await getImport(db, options.id);
  if (record.status === 'undone') {
    throw new StyrkortError('conflict', `Import ${record.id} är redan ångrad (${formatDateTime(record.undoneAt!)} av ${record.undoneBy}).`);
  }
  await writePlan(db, record.planKey, async (write) => {
    const { tx, row } = write;
    write.assertChangeable(true);
    const plan = await write.plan();
    const versions = await write.versions();
    const cells = await importedCellsOf(tx, record.id);
    const stored = new Map((await storedCellsOf(tx, row.id, record.id)).map((cell) => [cellId(cell), cell]));
    const later = laterChanges(record.id, cells, stored);
    if (later.length > 0) throw refusal(record, later);
    const nodes = new Set<string>();
    for (const cell of cells) {
      const table = cell.itemType === 'volume-table' ? plan.volumeTables.find((t) => t.key === cell.itemKey) : cell.itemType === 'budget-table' ? plan.budgetTables.find((t) => t.key === cell.itemKey) : undefined;
      nodes.add(table?.node ?? plan.plan.ownerNode);
    }
    await write.authorize(callerOf(options), record.kind === 'ledger' ? 'edit-economy' : 'edit-content', [...nodes]);
    const restored = undonePlan(plan, cells, record.summary.addedColumns);
    assertValidPlan(restored);
    const reason = options.reason ?? `Ångrad import ${record.id}: ${record.fileName}`;
    const items = new Map<string, { itemType: ImportItemType; itemKey: string }>();
    for (const cell of cells) items.set(`${cell.itemType}|${cell.itemKey}`, { itemType: cell.itemType, itemKey: cell.itemKey });
    for (const { itemType, itemKey } of items.values()) {
      const part = partOfType(itemType);
      const old = itemsOf(plan, part).find((item) => part.keyOf(item) === itemKey)!;
      const item = itemsOf(restored, part).find((candidate) => part.keyOf(candidate) === itemKey)!;
      const fields = changedFields(old, item);
      if (fields.length === 0) continue; // only confirmed cells: the text stays, the source goes back below
      const current = versions.get(part.itemType)?.get(itemKey) ?? 1;
      await writeItem(tx, row, part, item, { version: current + 1, expected: current, actor: options.actor, source: 'ångrad import' });
      for (const field of fields) {
        await appendAudit(tx, { actor: options.actor, action: 'undo-import', planKey: row.key, entityType: part.itemType, entityKey: itemKey, field, before: old[field] ?? null, after: item[field] ?? null, reason });
      }
    }
    await restoreSources(tx, row.id, cells, options.actor);
    await markUndone(tx, record.id, options.actor);
    await touchPlan(tx, row);
    await appendAudit(tx, { actor: options.actor, action: 'undo-import', planKey: row.key, entityType: 'import', entityKey: String(record.id), before: { status: 'imported' }, after: { status: 'undone', cells: cells.length }, reason });
  });
  return getImport(db, record.id);
}

/** Each restored cell gets back where its text came from: its import (if any), source, recorder and time. */
async function restoreSources(tx: Db, planId: number, cells: readonly RecordedCell[], actor: string): Promise<void> {
  for (const cell of cells) {
    if (cell.before === null) continue;
    await restoreOrigin(tx, { planId, itemType: cell.itemType, itemKey: cell.itemKey }, cell, {
      importId: cell.beforeImportId,
      source: cell.beforeSource ?? 'ångrad import',
      recordedBy: cell.beforeRecordedBy ?? actor,
      recordedAt: cell.beforeRecordedAt ?? new Date(),
    });
  }
}

/** The refusal of an undo, with the cells a later change touched. */
function refusal(record: ImportRecord, later: LaterChange[]): StyrkortError {
  const problems = later.map((change) => ({
    path: describeCell(change.cell),
    message:
      change.now === null
        ? 'Cellen har tömts efter importen.'
        : change.importId !== null && change.importId !== record.id
          ? `Cellen har skrivits av import ${change.importId} efter denna (nu "${change.now}"). Ångra den först.`
          : `Cellen har ändrats efter importen${change.by ? ` av ${change.by}` : ''} (nu "${change.now}", importen skrev "${change.cell.after ?? ''}").`,
    code: 'changed-later',
  }));
  return new StyrkortError(
    'conflict',
    `Import ${record.id} (${record.fileName}) kan inte ångras: ${later.length} ${later.length === 1 ? 'cell har' : 'celler har'} ändrats efter importen, och en ångring skulle skriva över de ändringarna. Ingenting har ändrats.`,
    problems,
  );
}
