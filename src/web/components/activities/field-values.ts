/** An activity's field as words for the conflict view and the history: statuses, nodes and goals by name, rich text as plain text. */
import { plainText } from '../../../domain/rich-text-blocks.ts';
import { goalLabels } from '../../activities-view.ts';
import type { PlanFile } from '../../api.ts';
import type { Messages } from '../../i18n/index.tsx';

export function fieldValueText(t: Messages, plan: PlanFile, field: string, value: unknown): string {
  const empty = value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
  // An activity without a status is "Ej angiven", as the follow-up report prints it.
  if (empty) return field === 'status' ? t.activities.status.none! : t.activities.empty;
  if (field === 'status' && typeof value === 'string') return t.activities.status[value] ?? value;
  if (field === 'node' && typeof value === 'string') return plan.organisation.find((node) => node.key === value)?.name ?? value;
  if (field === 'goals' && Array.isArray(value)) return goalLabels({ goals: value.map(String) }, plan.goals).join(', ');
  if (field === 'description' && typeof value === 'string') return plainText(value);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The same, at most one line's worth, for the history. */
export function shortFieldValueText(t: Messages, plan: PlanFile, field: string, value: unknown): string {
  const text = fieldValueText(t, plan, field, value);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}
