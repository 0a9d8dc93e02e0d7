/**
 * What may still change in an adopted plan: its follow-up. The adopted content (goals, targets,
 * budget, texts) is frozen and kept as the adoption snapshot; actuals, forecasts, analysis texts
 * and the status of activities are entered on the adopted plan month by month.
 */
import { columnScenario } from './economy/table.ts';
import { changedFields } from './plan-parts.ts';
import type { EconomicColumn } from './plan.ts';

const followUpKinds = new Set(['actual', 'forecast']);
// An economic table's outcome, forecast and printed deviation are follow-up; its budget and plan years are not.
const followUpScenarios = new Set(['actual', 'forecast', 'deviation']);

/** A column of a volume table (kind) or an economic table (measure). */
export type AnyColumn = { key?: string; kind?: string; measure?: string; basis?: string };

/** Whether a column holds follow-up figures: a volume table's actual or forecast, an economic table's outcome, forecast or deviation. */
export function isFollowUpColumn(column: AnyColumn): boolean {
  if (column.measure !== undefined) return followUpScenarios.has(columnScenario(column as EconomicColumn));
  return followUpKinds.has(column.kind ?? '');
}

interface Table {
  columns: Array<AnyColumn & { key: string }>;
  rows: Array<Record<string, unknown> & { cells: Record<string, string> }>;
  total?: { cells: Record<string, string> } | null;
}

/** Whether changing `before` into `after` (null: create or delete) touches only follow-up data. */
export function isFollowUpChange(segment: string, before: Record<string, unknown> | null, after: Record<string, unknown> | null): boolean {
  if (segment === 'analyses') return true;
  if (!before || !after) return false;
  if (segment === 'indicators') return onlyFieldsChanged(before, after, 'actuals');
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
  if (!afterColumns.slice(beforeColumns.length).every(isFollowUpColumn)) return false;
  const followUp = new Set(afterColumns.filter(isFollowUpColumn).map((column) => column.key ?? ''));
  if (beforeRows.length !== afterRows.length) return false;
  return beforeRows.every((row, i) => {
    const other = afterRows[i]!;
    const { cells: a, ...restA } = row;
    const { cells: b, ...restB } = other;
    if (JSON.stringify(restA) !== JSON.stringify(restB)) return false;
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((key) => a[key] === b[key] || followUp.has(key));
  });
}
