/** The plans the bench reads and writes besides the demo: a draft of the SN plan, one to write to, one ten times larger. */
import { PlanFile } from '../../src/domain/plan.ts';
import { readDemoPlan } from '../../src/services/demo.ts';

export const adoptedKey = 'timra-sn-2020-2022';
export const draftKey = 'bench-utkast-2020-2022';
export const writeKey = 'bench-skriv-2020-2022';
/** Tables of the write plan: one per connection, so concurrent writers never wait on each other's version. */
export const writeTables = 50;

function snPlan(): PlanFile {
  return PlanFile.parse(readDemoPlan('timra-sn-2020-2022.json'));
}

/** The SN plan as a draft under another key: what an editor reads while the plan is being written. */
export function draftPlan(): PlanFile {
  const plan = structuredClone(snPlan());
  plan.plan = { ...plan.plan, key: draftKey, status: 'draft', decision: null };
  return plan;
}

/** The draft with `writeTables` more copies of the SN plan's operating budget, keyed `skriv-N`. */
export function writePlan(): PlanFile {
  const plan = draftPlan();
  plan.plan = { ...plan.plan, key: writeKey };
  const [table] = plan.budgetTables;
  plan.budgetTables.push(...Array.from({ length: writeTables }, (_, i) => ({ ...structuredClone(table!), key: `skriv-${i}` })));
  return plan;
}

/** The SN plan with every table, outlook, activity and indicator copied `times` times, each copy in the document. */
export function largePlan(times: number): PlanFile {
  const base = snPlan();
  const plan = structuredClone(base);
  plan.plan.key = 'stor-plan-2020-2022';
  const copies: Record<string, string[]> = {};
  const copy = <T extends { key: string }>(items: T[], i: number, change: (item: T, key: string) => T = (item, key) => ({ ...item, key })) =>
    items.map((item) => {
      const key = `${item.key}-k${i}`;
      (copies[item.key] ??= []).push(key);
      return change(structuredClone(item), key);
    });
  for (let i = 1; i < times; i += 1) {
    plan.outlooks.push(...copy(base.outlooks, i));
    plan.indicators.push(...copy(base.indicators, i));
    plan.activityTables.push(...copy(base.activityTables, i));
    plan.activities.push(...base.activities.map((activity) => ({ ...structuredClone(activity), key: `${activity.key}-k${i}`, table: `${activity.table}-k${i}` })));
    plan.volumeTables.push(...copy(base.volumeTables, i, (table, key) => ({ ...table, key, rows: table.rows.map((row) => ({ ...row, key: `${row.key}-k${i}`, ...(row.partOf ? { partOf: `${row.partOf}-k${i}` } : {}) })) })));
    plan.budgetTables.push(...copy(base.budgetTables, i));
    plan.capitalBudgets.push(...copy(base.capitalBudgets, i));
  }
  plan.sections = plan.sections.map((section) => (section.include ? { ...section, include: section.include.flatMap((key) => [key, ...(copies[key] ?? [])]) } : section));
  return plan;
}
