/**
 * What may still change in an adopted plan: its follow-up. The adopted content (goals, targets,
 * budget, texts) is frozen and kept as the adoption snapshot; actuals, forecasts, analysis texts
 * and the status of activities are entered on the adopted plan month by month (decision 0004).
 * Which statuses take which changes is plan-lifecycle.ts; which table columns, figure-table.ts.
 */
import { isFigureTableSegment, isFollowUpTableChange, type StoredRow, type TableShape } from './figure-table.ts';
import { changedFields } from './changed-fields.ts';

/** The fields of an item that are follow-up, per plan part (API segment); the rest is frozen on adoption. */
export const followUpFields: Readonly<Record<string, readonly string[]>> = {
  indicators: ['actuals'],
  // An activity's status (pågår, klar …) is what a delårsrapport reports; its plan is frozen.
  activities: ['status'],
  // A goal's assessment per period (måluppfyllelse, with its comment) is what a report follows up (issue 12).
  goals: ['assessments'],
};

/** Whether changing `before` into `after` (null: create or delete) touches only follow-up data. */
export function isFollowUpChange(segment: string, before: Record<string, unknown> | null, after: Record<string, unknown> | null): boolean {
  if (segment === 'analyses') return true;
  if (!before || !after) return false;
  const fields = followUpFields[segment];
  if (fields) return changedFields(before, after).every((changed) => fields.includes(changed));
  if (isFigureTableSegment(segment)) return isFollowUpTableChange(asTable(before), asTable(after));
  return false;
}

/** A stored figure table as the comparison reads it; anything else compares as changed. */
function asTable(item: Record<string, unknown>): TableShape {
  // A column with a kind (volume, investment) or a measure (economic table): the rule reads either.
  const columns = Array.isArray(item.columns) ? (item.columns as TableShape['columns']) : [];
  const rows = Array.isArray(item.rows) ? (item.rows as StoredRow[]) : [];
  const { columns: _c, rows: _r, ...rest } = item;
  return { ...rest, columns, rows } as TableShape;
}

/**
 * The item as it may change on an adopted plan: `base` with only the follow-up fields taken from
 * `wanted` (what an editor keeps of a reader's changes when the plan is frozen).
 */
export function withFollowUpOnly<T extends Record<string, unknown>>(segment: string, base: T, wanted: T): T {
  const fields = followUpFields[segment] ?? [];
  const next: Record<string, unknown> = { ...base };
  for (const field of fields) {
    if (wanted[field] === undefined) delete next[field];
    else next[field] = wanted[field];
  }
  return next as T;
}
