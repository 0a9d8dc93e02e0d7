/**
 * Writing an import into a plan, shared by the ledger and the actuals import: in the plan's write
 * transaction (locked, loaded once), the import is recorded, each changed table or indicator is
 * written through the same item write as every other change (new version, so an editor holding
 * the old one gets 412; figures re-written, which moves the plan's content version), each cell
 * is marked with the import, the cells are kept for undo, and everything is audited.
 */
import { StyrkortError } from '../domain/errors.ts';
import type { ImportPlan, PlannedCell } from '../domain/imports/changes.ts';
import { cellId, type ImportItemType } from '../domain/imports/cells.ts';
import { changedFields, findPlanPart, itemsOf, type PlanPart } from '../domain/plan-parts.ts';
import type { PlanFile } from '../domain/plan.ts';
import { validatePlanFile } from '../domain/validate-plan.ts';
import type { Tx } from '../db/connection.ts';
import { appendAudit } from '../db/audit-repository.ts';
import { markImported } from '../db/import-figures.ts';
import { figureOrigins, insertImport, insertImportCells, type ImportKind, type ImportSummary } from '../db/import-repository.ts';
import { touchPlan, writeItem } from '../db/plan-item-repository.ts';
import type { PlanWrite } from './plan-write.ts';

const segments: Record<ImportItemType, string> = { 'volume-table': 'volume-tables', 'budget-table': 'budget-tables', indicator: 'indicators' };

/** The plan part of an item type an import writes. */
export function partOfType(itemType: ImportItemType): PlanPart {
  return findPlanPart(segments[itemType])!;
}

export interface ImportMeta {
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
  actor: string;
}

/** The items (type and key) whose content an import changes, in order. */
export function changedItems(cells: readonly PlannedCell[]): Array<{ itemType: ImportItemType; itemKey: string }> {
  const seen = new Map<string, { itemType: ImportItemType; itemKey: string }>();
  for (const cell of cells) if (cell.effect !== 'confirmed') seen.set(`${cell.itemType}|${cell.itemKey}`, { itemType: cell.itemType, itemKey: cell.itemKey });
  return [...seen.values()];
}

/** The counts an import reports. */
export function summarise(planned: ImportPlan): ImportSummary {
  const count = (effect: PlannedCell['effect']) => planned.cells.filter((cell) => cell.effect === effect).length;
  return {
    written: count('written'),
    confirmed: count('confirmed'),
    emptied: count('emptied'),
    unchanged: planned.unchanged,
    addedColumns: planned.addedColumns.map(({ itemType, itemKey, column }) => ({ itemType, itemKey, columnKey: column.key, label: column.label })),
    items: changedItems(planned.cells).length,
  };
}

/** Refuses a result that would leave the plan invalid (a paranoid check: imports only touch follow-up cells). */
export function assertValidPlan(plan: PlanFile): void {
  const validation = validatePlanFile(plan);
  if (!validation.ok) throw new StyrkortError('validation', 'Importen skulle göra planen ogiltig; ingenting har sparats', validation.problems);
}

/** Records and writes an import in the plan's open write (authorised by the caller); returns the import's id. */
export async function writeImport(write: PlanWrite, before: PlanFile, planned: ImportPlan, meta: ImportMeta): Promise<number> {
  const { tx, row } = write;
  const versions = await write.versions();
  assertValidPlan(planned.plan);
  const summary = summarise(planned);
  const origins = new Map((await figureOrigins(tx, row.id)).map((origin) => [cellId(origin), origin]));
  const importId = await insertImport(tx, { planId: row.id, ...meta, importedBy: meta.actor, summary });
  const reason = `Import ${importId}: ${meta.fileName}`;
  for (const { itemType, itemKey } of changedItems(planned.cells)) {
    const part = partOfType(itemType);
    const old = itemsOf(before, part).find((item) => part.keyOf(item) === itemKey);
    const item = itemsOf(planned.plan, part).find((candidate) => part.keyOf(candidate) === itemKey);
    if (!old || !item) throw new StyrkortError('conflict', `${part.noun} "${itemKey}" ändrades under importen; ingenting har sparats. Försök igen.`);
    const current = versions.get(part.itemType)?.get(itemKey) ?? 1;
    await writeItem(tx, row, part, item, { version: current + 1, expected: current, actor: meta.actor, source: meta.sourceSystem });
    for (const field of changedFields(old, item)) {
      await appendAudit(tx, { actor: meta.actor, action: 'import', planKey: row.key, entityType: part.itemType, entityKey: itemKey, field, before: old[field] ?? null, after: item[field] ?? null, reason });
    }
  }
  await markCells(tx, row.id, planned.cells, { importId, source: meta.sourceSystem, actor: meta.actor });
  await insertImportCells(tx, importId, planned.cells, origins);
  await touchPlan(tx, row);
  await appendAudit(tx, {
    actor: meta.actor,
    action: 'import',
    planKey: row.key,
    entityType: 'import',
    entityKey: String(importId),
    before: null,
    after: { kind: meta.kind, fileName: meta.fileName, checksum: meta.checksum, rows: meta.rows, periods: meta.periods, sourceSystem: meta.sourceSystem, mapping: meta.mappingKey, ...summary },
    reason: null,
  });
  return importId;
}

/** Marks the cells the import wrote or confirmed, item by item. */
async function markCells(tx: Tx, planId: number, cells: readonly PlannedCell[], by: { importId: number; source: string; actor: string }): Promise<void> {
  const byItem = new Map<string, PlannedCell[]>();
  for (const cell of cells) {
    if (cell.after === null) continue;
    const key = `${cell.itemType}|${cell.itemKey}`;
    byItem.set(key, [...(byItem.get(key) ?? []), cell]);
  }
  for (const list of byItem.values()) {
    const { itemType, itemKey } = list[0]!;
    for (let i = 0; i < list.length; i += 500) await markImported(tx, { planId, itemType, itemKey }, list.slice(i, i + 500), by);
  }
}
