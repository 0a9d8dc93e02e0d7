/**
 * Use cases on single parts of a plan: list, read, create, change, delete. Each change is checked
 * against the whole plan (references stay whole), needs the version the writer read (no lost
 * updates), is refused on adopted plans, and is audited field by field.
 */
import { StyrkortError } from '../domain/errors.ts';
import { applyCellChanges, changedRows, isFigureTableSegment, type CellChange, type FigureTable } from '../domain/figure-table.ts';
import { isFollowUpChange } from '../domain/follow-up-changes.ts';
import { changedFields, findPlanPart, itemsOf, type PlanPart } from '../domain/plan-parts.ts';
import { PlanFile, type Section } from '../domain/plan.ts';
import { placeNewItem, unlistItem } from '../domain/section-placement.ts';
import { issuesToProblems, swedishErrorMap } from '../domain/swedish-issues.ts';
import { validatePlanFile } from '../domain/validate-plan.ts';
import { validateFigureTable } from '../domain/validate-table.ts';
import { editActionOf, owningNode, writeNodes } from '../domain/item-ownership.ts';
import type { Db } from '../db/connection.ts';
import { appendAudit } from '../db/audit-repository.ts';
import { figureTableIndex, loadFigureTable, writeChangedCells } from '../db/figure-table-repository.ts';
import { removeItem, touchPlan, writeItem } from '../db/plan-item-repository.ts';
import { loadStoredPlan } from '../db/plan-repository.ts';
import { writePlan, writePlanItem, type Caller, type PlanWrite } from './plan-write.ts';

export interface Versioned<T> {
  item: T;
  version: number;
}

export interface ChangeContext {
  actor: string;
  reason?: string | null;
}

/** The part named by a URL segment, or 404. */
export function partOf(segment: string): PlanPart {
  const part = findPlanPart(segment);
  if (!part) throw new StyrkortError('not-found', `Det finns ingen del "${segment}" i en plan`);
  return part;
}

/** Every item of one part of a plan, with versions (the plan read once). */
export async function listItems(db: Db, planKey: string, segment: string): Promise<Array<Versioned<Record<string, unknown>>>> {
  const part = partOf(segment);
  const stored = await loadStoredPlan(db, planKey);
  if (!stored) throw new StyrkortError('not-found', `Planen ${planKey} finns inte`);
  const versions = stored.versions.get(part.itemType);
  return itemsOf(PlanFile.parse(stored.content), part).map((item) => ({ item, version: versions?.get(part.keyOf(item)) ?? 1 }));
}

/** One item with its version, or 404. */
export async function getItem(db: Db, planKey: string, segment: string, key: string): Promise<Versioned<Record<string, unknown>>> {
  const part = partOf(segment);
  const found = (await listItems(db, planKey, segment)).find(({ item }) => part.keyOf(item) === key);
  if (!found) throw new StyrkortError('not-found', `${capitalise(part.noun)} "${key}" finns inte i planen ${planKey}`);
  return found;
}

export interface WriteOptions extends ChangeContext {
  planKey: string;
  segment: string;
  /** The account that writes (null: not logged in); the service decides what it may do. */
  by: Caller;
}

/** Adds an item to a plan; its key must be new. */
export async function createItem(db: Db, options: WriteOptions & { body: unknown }): Promise<Versioned<Record<string, unknown>>> {
  const part = partOf(options.segment);
  const item = parseItem(part, options.body);
  const key = part.keyOf(item);
  return writePlan(db, options.planKey, async (write) => {
    const { tx, row } = write;
    const plan = await write.plan();
    await write.authorize(options.by, editActionOf(part.editGroup), [owningNode(item, row.ownerNodeKey)]);
    write.assertChangeable(isFollowUpChange(part.segment, null, item));
    if (itemsOf(plan, part).some((existing) => part.keyOf(existing) === key)) {
      throw new StyrkortError('conflict', `${capitalise(part.noun)} "${key}" finns redan i planen`);
    }
    const sections = placeNewItem(plan, part.segment, item, key, itemsOf(plan, part));
    assertWholePlanValid(withSections({ ...plan, [part.field]: [...itemsOf(plan, part), item] } as PlanFile, sections));
    await writeItem(tx, row, part, item, { version: 1, actor: options.actor, source: 'api' });
    await appendAudit(tx, { actor: options.actor, action: 'create', planKey: options.planKey, entityType: part.itemType, entityKey: key, before: null, after: item, reason: options.reason });
    await writeSections(write, plan, sections, options);
    await touchPlan(tx, row);
    return { item, version: 1 };
  });
}

/** Replaces an item; `ifMatch` is the version the writer read. The key cannot change. */
export async function updateItem(db: Db, options: WriteOptions & { key: string; body: unknown; ifMatch: number | null }): Promise<Versioned<Record<string, unknown>>> {
  const part = partOf(options.segment);
  const item = parseItem(part, options.body);
  if (part.keyOf(item) !== options.key) {
    throw new StyrkortError('validation', 'Nyckeln kan inte ändras', [{ path: '$.key', message: `Ska vara "${options.key}" (nyckeln i adressen)` }]);
  }
  return writePlan(db, options.planKey, async (write) => {
    const current = await currentItem(write, part, options.key);
    return replaceItem(write, part, current, item, options);
  });
}

/**
 * Writes a changed item of a loaded plan: authorised on the item's node before and after the change
 * (moving an item needs both), checked against its status, its version and the whole plan, audited
 * field by field. Unchanged, it is returned as it is.
 */
async function replaceItem(
  write: PlanWrite,
  part: PlanPart,
  current: Versioned<Record<string, unknown>>,
  item: Record<string, unknown>,
  options: WriteOptions & { key: string; ifMatch: number | null },
): Promise<Versioned<Record<string, unknown>>> {
  const { tx, row } = write;
  await write.authorize(options.by, editActionOf(part.editGroup), writeNodes([current.item, item], row.ownerNodeKey));
  write.assertChangeable(isFollowUpChange(part.segment, current.item, item));
  assertVersion(options.ifMatch, current);
  const before = current.item;
  const fields = changedFields(before, item);
  if (fields.length === 0) return current;
  const plan = await write.plan();
  const items = itemsOf(plan, part).map((existing) => (part.keyOf(existing) === options.key ? item : existing));
  assertWholePlanValid({ ...plan, [part.field]: items } as PlanFile);
  const version = current.version + 1;
  await writeItem(tx, row, part, item, { version, expected: current.version, actor: options.actor, source: 'api' });
  await touchPlan(tx, row);
  for (const field of fields) {
    await appendAudit(tx, { actor: options.actor, action: 'update', planKey: options.planKey, entityType: part.itemType, entityKey: options.key, field, before: before[field] ?? null, after: item[field] ?? null, reason: options.reason });
  }
  return { item, version };
}

/** Removes an item, unless other parts still refer to it. */
export async function deleteItem(db: Db, options: WriteOptions & { key: string; ifMatch: number | null }): Promise<void> {
  const part = partOf(options.segment);
  await writePlan(db, options.planKey, async (write) => {
    const { tx, row } = write;
    const plan = await write.plan();
    const current = await currentItem(write, part, options.key);
    await write.authorize(options.by, editActionOf(part.editGroup), [owningNode(current.item, row.ownerNodeKey)]);
    write.assertChangeable(part.segment === 'analyses');
    assertVersion(options.ifMatch, current);
    const items = itemsOf(plan, part).filter((existing) => part.keyOf(existing) !== options.key);
    // Being listed in a section is layout, not use: the item leaves the lists with it.
    const sections = unlistItem(plan, part.segment, current.item, options.key);
    const validation = validatePlanFile(withSections({ ...plan, [part.field]: items } as PlanFile, sections));
    if (!validation.ok) {
      throw new StyrkortError('conflict', `${capitalise(part.noun)} "${options.key}" används av andra delar av planen och kan inte tas bort`, validation.problems);
    }
    await removeItem(tx, row, part, options.key, current.version);
    await appendAudit(tx, { actor: options.actor, action: 'delete', planKey: options.planKey, entityType: part.itemType, entityKey: options.key, before: current.item, after: null, reason: options.reason });
    await writeSections(write, plan, sections, options);
    await touchPlan(tx, row);
  });
}

function findIn(plan: PlanFile, part: PlanPart, key: string): Record<string, unknown> | null {
  return itemsOf(plan, part).find((existing) => part.keyOf(existing) === key) ?? null;
}

/** The plan with some of its sections replaced (same keys). */
function withSections(plan: PlanFile, changed: Section[]): PlanFile {
  if (changed.length === 0) return plan;
  const byKey = new Map(changed.map((section) => [section.key, section]));
  return { ...plan, sections: plan.sections.map((section) => byKey.get(section.key) ?? section) };
}

/** Stores sections whose item lists changed with a create or delete, each as an audited change of its own version. */
async function writeSections(write: PlanWrite, plan: PlanFile, changed: Section[], context: ChangeContext & { planKey: string }): Promise<void> {
  if (changed.length === 0) return;
  const part = partOf('sections');
  const versions = (await write.versions()).get(part.itemType);
  for (const section of changed) {
    const before = plan.sections.find((existing) => existing.key === section.key)!;
    const version = versions?.get(section.key) ?? 1;
    await writeItem(write.tx, write.row, part, section, { version: version + 1, expected: version, actor: context.actor, source: 'api' });
    await appendAudit(write.tx, { actor: context.actor, action: 'update', planKey: context.planKey, entityType: part.itemType, entityKey: section.key, field: 'include', before: before.include ?? null, after: section.include ?? null, reason: context.reason });
  }
}

/** The item as the loaded plan holds it, with its version, or 404. */
async function currentItem(write: PlanWrite, part: PlanPart, key: string): Promise<Versioned<Record<string, unknown>>> {
  const item = itemsOf(await write.plan(), part).find((existing) => part.keyOf(existing) === key);
  if (!item) throw new StyrkortError('not-found', `${capitalise(part.noun)} "${key}" finns inte i planen ${write.row.key}`);
  return { item, version: (await write.versions()).get(part.itemType)?.get(key) ?? 1 };
}

/** Refuses a change without a version (428) or against a stale one (412, with the current item). */
export function assertVersion(ifMatch: number | null, current: { version: number; item?: unknown }): void {
  if (ifMatch === null) {
    throw new StyrkortError('precondition-required', 'Ändringen saknar If-Match: ange versionen (ETag) du läste, så att ingen annans ändring skrivs över');
  }
  if (ifMatch !== current.version) {
    throw new StyrkortError('precondition-failed', `Någon annan har ändrat detta sedan du läste det (din version ${ifMatch}, nuvarande ${current.version}). Läs om och gör ändringen igen.`, [], { current });
  }
}

function parseItem(part: PlanPart, body: unknown): Record<string, unknown> {
  const parsed = part.schema.safeParse(body, { error: swedishErrorMap });
  if (!parsed.success) {
    throw new StyrkortError('validation', `${capitalise(part.noun)} har fel; ingenting har sparats`, issuesToProblems(parsed.error.issues));
  }
  return parsed.data as Record<string, unknown>;
}

function assertWholePlanValid(plan: PlanFile): void {
  const validation = validatePlanFile(plan);
  if (!validation.ok) throw new StyrkortError('validation', 'Ändringen skulle göra planen ofullständig; ingenting har sparats', validation.problems);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export type { CellChange };

/**
 * Changes some cells of a figure table at once (a paste from Excel), as one audited change, in
 * one transaction that reads only what it writes: the plan row, locked (status, version, owner,
 * municipality), and the one table with its figures — never the rest of the plan. The change is
 * applied by the domain's figure-table rule, authorised on the table's node as stored there,
 * checked against the plan's status (an adopted plan takes its follow-up columns only) and the
 * version the writer read, and validated by the table's own checks: a change of cells cannot
 * break a reference elsewhere in the plan (domain/validate-table.ts says why). Only the figures
 * whose text changed are written, the others keep their origin; the audit holds the rows whose
 * cells changed, before and after.
 */
export async function updateCells(
  db: Db,
  options: WriteOptions & { key: string; cells: CellChange[]; ifMatch: number | null },
): Promise<Versioned<Record<string, unknown>>> {
  const segment = options.segment;
  if (!isFigureTableSegment(segment)) throw new StyrkortError('not-found', `Delen "${segment}" har inga celler`);
  const part = partOf(segment);
  return writePlanItem(db, options.planKey, async (write) => {
    const { tx, row } = write;
    const stored = await loadFigureTable(tx, row, part, options.key);
    if (!stored) throw new StyrkortError('not-found', `${capitalise(part.noun)} "${options.key}" finns inte i planen ${row.key}`);
    const current = { item: part.schema.parse(stored.item) as Record<string, unknown>, version: stored.version };
    const applied = applyCellChanges(current.item as FigureTable, options.cells);
    if (!applied.ok) throw new StyrkortError('validation', 'Cellerna har fel; ingenting har sparats', applied.problems);
    const item: Record<string, unknown> = { ...applied.table };
    await write.authorize(options.by, editActionOf(part.editGroup), writeNodes([current.item, item], row.ownerNodeKey));
    write.assertChangeable(isFollowUpChange(segment, current.item, item));
    assertVersion(options.ifMatch, current);
    const fields = changedFields(current.item, item);
    if (fields.length === 0) return current;
    const validation = validateFigureTable(segment, item, '$');
    if (!validation.ok) {
      const path = `$.${part.field}[${await figureTableIndex(tx, row, part, stored.position)}]`;
      const problems = validation.problems.map((problem) => ({ ...problem, path: `${path}${problem.path.slice(1)}` }));
      throw new StyrkortError('validation', 'Ändringen skulle göra planen ofullständig; ingenting har sparats', problems);
    }
    const version = current.version + 1;
    await writeChangedCells(tx, row, part, stored, item, { version, actor: options.actor, source: 'api' });
    for (const [field, change] of Object.entries(changedRows(current.item as FigureTable, applied.table))) {
      await appendAudit(tx, { actor: options.actor, action: 'update', planKey: options.planKey, entityType: part.itemType, entityKey: options.key, field, ...change, reason: options.reason });
    }
    return { item, version };
  });
}
