/** `styrkort diff PLAN_A PLAN_B`: what changed from one plan to the next. */
import type { Changes, FieldChange, PlanDiff, ValueChange } from '../domain/plan-diff.ts';
import { diffPlans } from '../domain/plan-diff.ts';
import { exportPlan } from '../services/plan-service.ts';
import { withDatabase, type GlobalOptions } from './context.ts';

export async function diffCommand(fromKey: string, toKey: string, options: GlobalOptions): Promise<void> {
  const [from, to] = await withDatabase(options, 'styrkort diff', async ({ db }) => [await exportPlan(db, fromKey), await exportPlan(db, toKey)] as const);
  for (const line of formatPlanDiff(diffPlans(from, to))) console.log(line);
}

/** The differences as readable lines, section by section. */
export function formatPlanDiff(diff: PlanDiff): string[] {
  const lines = [`Jämförelse: ${diff.from.key} (${diff.from.period}) → ${diff.to.key} (${diff.to.period})`];
  section(lines, 'Mål', diff.goals, {
    name: (goal) => (goal.number ? `${goal.number} (${goal.key})` : goal.key),
    brief: (goal) => goal.text,
    details: (goal) => goal.fields.flatMap(fieldLines),
  });
  section(lines, 'Styrtal', diff.indicators, {
    name: (indicator) => `${indicator.number} ${indicator.name}`,
    brief: (indicator) => (indicator.targets.length ? `målvärden ${indicator.targets.map((t) => `${t.year}: ${t.text}`).join(', ')}` : 'inga målvärden'),
    details: (indicator) => [
      ...indicator.fields.flatMap(fieldLines),
      ...indicator.targetChanges.map((t) => `    målvärde ${t.year}: ${t.before ?? '–'} → ${t.after ?? '–'}`),
    ],
  });
  section(lines, 'Volymer', diff.volumes, {
    name: (volume) => volume.label,
    brief: (volume) => volume.measure,
    details: (volume) => [...volume.fields.flatMap(fieldLines), ...volume.values.map(valueLine)],
  });
  section(lines, 'Budget', diff.budgets, {
    name: (row) => `${row.nodeName}: ${row.label}`,
    brief: (row) => `${row.node}, ${row.line}`,
    details: (row) => [...row.fields.flatMap(fieldLines), ...row.values.map(valueLine)],
  });
  return lines;
}

interface Printer<Ref, Change> {
  name(item: Ref | Change): string;
  brief(item: Ref): string;
  details(change: Change): string[];
}

function section<Ref, Change>(lines: string[], title: string, changes: Changes<Ref, Change>, printer: Printer<Ref, Change>): void {
  const { added, removed, changed, unchanged } = changes;
  lines.push('', `${title}: ${changed.length} ändrade, ${added.length} tillagda, ${removed.length} borttagna, ${unchanged} oförändrade`);
  for (const change of changed) lines.push(`  Ändrat: ${printer.name(change)}`, ...printer.details(change));
  for (const item of added) lines.push(`  Tillagt: ${printer.name(item)} — ${printer.brief(item)}`);
  for (const item of removed) lines.push(`  Borttaget: ${printer.name(item)} — ${printer.brief(item)}`);
}

function fieldLines(change: FieldChange): string[] {
  return [`    ${change.label} före:  ${change.before ?? '–'}`, `    ${change.label} efter: ${change.after ?? '–'}`];
}

function valueLine(change: ValueChange): string {
  const column = change.beforeLabel === change.afterLabel ? change.afterLabel : `${change.beforeLabel} / ${change.afterLabel}`;
  return `    ${column}: ${change.before ?? '–'} → ${change.after ?? '–'}`;
}
