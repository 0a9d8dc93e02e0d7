/**
 * What may still change in an adopted plan: its follow-up. The adopted content (goals, targets,
 * budget, texts) is frozen and kept as the adoption snapshot; actuals, forecasts, analysis texts
 * and the status of activities are entered on the adopted plan month by month.
 */
import { changedFields } from './plan-parts.ts';

const followUpKinds = new Set(['actual', 'forecast']);

interface Table {
  columns: Array<{ key: string; kind: string }>;
  rows: Array<Record<string, unknown> & { cells: Record<string, string> }>;
  total?: { cells: Record<string, string> } | null;
}

/** Whether changing `before` into `after` (null: create or delete) touches only follow-up data. */
export function isFollowUpChange(segment: string, before: Record<string, unknown> | null, after: Record<string, unknown> | null): boolean {
  if (segment === 'analyses') return true;
  if (!before || !after) return false;
  if (segment === 'indicators') return onlyFieldsChanged(before, after, 'actuals');
  // A goal's assessment per period (måluppfyllelse, with its comment) is what a report follows up (issue 12).
  if (segment === 'goals') return onlyFieldsChanged(before, after, 'assessments');
  // An activity's status (pågår, klar …) is what a delårsrapport reports; its plan is frozen (decision 0004).
  if (segment === 'activities') return onlyFieldsChanged(before, after, 'status');
  if (segment === 'volume-tables' || segment === 'budget-tables') return onlyFollowUpCells(before as unknown as Table, after as unknown as Table);
  return false;
}

/** Whether nothing but the named field changed (no change at all is harmless: the server keeps the item). */
function onlyFieldsChanged(before: Record<string, unknown>, after: Record<string, unknown>, field: string): boolean {
  return changedFields(before, after).every((changed) => changed === field);
}

function onlyFollowUpCells(before: Table, after: Table): boolean {
  const { columns: beforeColumns, rows: beforeRows, ...beforeRest } = before;
  const { columns: afterColumns, rows: afterRows, ...afterRest } = after;
  if (JSON.stringify(beforeRest) !== JSON.stringify(afterRest)) return false;
  // Existing columns stay as they were; new ones may only be actual or forecast columns.
  const kept = afterColumns.slice(0, beforeColumns.length);
  if (JSON.stringify(kept) !== JSON.stringify(beforeColumns)) return false;
  if (!afterColumns.slice(beforeColumns.length).every((column) => followUpKinds.has(column.kind))) return false;
  const kindOf = new Map(afterColumns.map((column) => [column.key, column.kind]));
  if (beforeRows.length !== afterRows.length) return false;
  return beforeRows.every((row, i) => {
    const other = afterRows[i]!;
    const { cells: a, ...restA } = row;
    const { cells: b, ...restB } = other;
    if (JSON.stringify(restA) !== JSON.stringify(restB)) return false;
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((key) => a[key] === b[key] || followUpKinds.has(kindOf.get(key) ?? ''));
  });
}
