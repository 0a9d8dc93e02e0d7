/**
 * What changed between two plans: goal wordings (the municipal goals both plans carry are matched
 * by key, so a reworded goal shows both wordings), indicators added, removed or changed with their
 * targets per year, volume measures (matched by measure, not label) and budget rows (matched by
 * organisation node and line), each compared on the columns both plans have for the same period
 * and kind. Figures and targets that differ in print form only ("-2 045,7" and "-2045,7", "90%" and
 * "90 %") are the same value and not a change. Plain data for the web app and the documents;
 * `styrkort diff` prints it.
 */
import { parseFigure } from './figure.ts';
import type { BudgetTable, Column, EconomicColumn, Goal, Indicator, PlanFile, VolumeRow } from './plan.ts';

export interface TextChange {
  before: string | null;
  after: string | null;
}

export interface FieldChange extends TextChange {
  field: string;
  /** Swedish name of the field: "text", "namn", "enhet". */
  label: string;
}

export interface Changes<Ref, Change> {
  added: Ref[];
  removed: Ref[];
  changed: Change[];
  unchanged: number;
}

export interface GoalRef {
  key: string;
  number: string | null;
  level: Goal['level'];
  text: string;
}

export interface GoalChange extends GoalRef {
  fields: FieldChange[];
}

export interface IndicatorRef {
  key: string;
  number: string;
  name: string;
  targets: Array<{ year: number; text: string }>;
  /** The measure (mått) both plans' indicators refer to, when they do. */
  measure?: string;
}

export interface TargetChange extends TextChange {
  year: number;
}

export interface IndicatorChange extends IndicatorRef {
  fields: FieldChange[];
  targetChanges: TargetChange[];
}

/** One cell compared across plans: the same period and column kind in both. */
export interface ValueChange extends TextChange {
  period: string;
  /** What the column holds: actual, budget, forecast, plan … (an economic column's measure). */
  kind: string;
  asOf: string | null;
  beforeLabel: string;
  afterLabel: string;
}

export interface VolumeRef {
  measure: string;
  label: string;
  kind: VolumeRow['kind'];
}

export interface VolumeChange extends VolumeRef {
  fields: FieldChange[];
  values: ValueChange[];
}

export interface BudgetRef {
  node: string | null;
  nodeName: string;
  tableKind: BudgetTable['kind'];
  /** The row's key: Timrå's lines (income, costs, net) or a unit's row. */
  line: string;
  label: string;
}

export interface BudgetChange extends BudgetRef {
  fields: FieldChange[];
  values: ValueChange[];
}

export interface PlanRef {
  key: string;
  title: string;
  period: string;
}

export interface PlanDiff {
  from: PlanRef;
  to: PlanRef;
  goals: Changes<GoalRef, GoalChange>;
  indicators: Changes<IndicatorRef, IndicatorChange>;
  volumes: Changes<VolumeRef, VolumeChange>;
  budgets: Changes<BudgetRef, BudgetChange>;
}

/** The differences from plan a to plan b. */
export function diffPlans(a: PlanFile, b: PlanFile): PlanDiff {
  return {
    from: planRef(a),
    to: planRef(b),
    goals: diffBy(a.goals, b.goals, (goal) => goal.key, goalRef, (x, y) => {
      const fields = compareFields(x, y, GOAL_FIELDS);
      return fields.length ? { ...goalRef(y), fields } : null;
    }),
    // Indicators that refer to the same measure are the same indicator, however each plan words it.
    indicators: diffBy(a.indicators, b.indicators, (indicator) => (indicator.measure ? `measure:${indicator.measure}` : indicator.key), indicatorRef, (x, y) => {
      const fields = compareFields(x, y, INDICATOR_FIELDS);
      const targetChanges = compareTargets(x, y);
      return fields.length || targetChanges.length ? { ...indicatorRef(y), fields, targetChanges } : null;
    }),
    volumes: diffBy(volumeRows(a), volumeRows(b), (row) => row.row.measure, volumeRef, (x, y) => {
      const fields = compareFields(x.row, y.row, VOLUME_FIELDS);
      const values = compareCells(x.columns, x.row.cells, y.columns, y.row.cells);
      return fields.length || values.length ? { ...volumeRef(y), fields, values } : null;
    }),
    // A row is the same row across plans by its node (a unit's row) or its table's node and key (Timrå's lines).
    budgets: diffBy(budgetRows(a), budgetRows(b), (row) => `${row.row.node ?? row.table.node}|${row.table.kind}|${row.row.node ? '' : row.row.key}`, budgetRef, (x, y) => {
      const fields = compareFields(x.row, y.row, [['label', 'radtext']]);
      const values = compareCells(x.table.columns, x.row.cells, y.table.columns, y.row.cells, economicColumnKind);
      return fields.length || values.length ? { ...budgetRef(y), fields, values } : null;
    }),
  };
}

function diffBy<T, Ref, Change>(a: T[], b: T[], keyOf: (item: T) => string, ref: (item: T) => Ref, compare: (x: T, y: T) => Change | null): Changes<Ref, Change> {
  const before = new Map<string, T>();
  for (const item of a) if (!before.has(keyOf(item))) before.set(keyOf(item), item);
  const after = new Map<string, T>();
  for (const item of b) if (!after.has(keyOf(item))) after.set(keyOf(item), item);
  const changes: Changes<Ref, Change> = { added: [], removed: [], changed: [], unchanged: 0 };
  for (const [key, item] of after) {
    const old = before.get(key);
    if (old === undefined) changes.added.push(ref(item));
    else {
      const change = compare(old, item);
      if (change) changes.changed.push(change);
      else changes.unchanged += 1;
    }
  }
  for (const [key, item] of before) if (!after.has(key)) changes.removed.push(ref(item));
  return changes;
}

type FieldSpec = ReadonlyArray<readonly [field: string, label: string]>;

const GOAL_FIELDS: FieldSpec = [['text', 'text'], ['number', 'nummer'], ['level', 'nivå'], ['parent', 'överordnat mål'], ['measurement', 'mätning'], ['kind', 'slag'], ['description', 'beskrivning']];
const INDICATOR_FIELDS: FieldSpec = [
  ['number', 'nummer'], ['name', 'namn'], ['goal', 'mål'], ['unit', 'enhet'], ['direction', 'riktning'], ['tolerance', 'tolerans'], ['appliesTo', 'nämnd'], ['owner', 'ansvarig'],
];
const VOLUME_FIELDS: FieldSpec = [['label', 'radtext'], ['kind', 'slag'], ['unit', 'enhet']];

function compareFields(x: object, y: object, fields: FieldSpec): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const [field, label] of fields) {
    const before = printField((x as Record<string, unknown>)[field]);
    const after = printField((y as Record<string, unknown>)[field]);
    if (before !== after) changes.push({ field, label, before, after });
  }
  return changes;
}

function printField(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'object' && 'text' in value) return String((value as { text: unknown }).text); // a goal's measurement
  return String(value);
}

function compareTargets(x: Indicator, y: Indicator): TargetChange[] {
  const years = [...new Set([...x.targets, ...y.targets].map((target) => target.year))].sort();
  return years.flatMap((year) => {
    const before = x.targets.find((target) => target.year === year)?.text ?? null;
    const after = y.targets.find((target) => target.year === year)?.text ?? null;
    return samePrintedValue(before, after) ? [] : [{ year, before, after }];
  });
}

type AnyColumn = { key: string; label: string; period?: string; asOf?: string };

/** What an economic column holds, for matching across plans: its measure, and for income, costs and net columns whose figures. */
function economicColumnKind(column: AnyColumn): string {
  const economic = column as EconomicColumn;
  return economic.basis ? `${economic.measure}:${economic.basis}` : economic.measure;
}

/** Cells of columns with the same period, kind and forecast month in both tables whose printed text differs. */
function compareCells<C extends AnyColumn>(columnsA: C[], cellsA: Record<string, string>, columnsB: C[], cellsB: Record<string, string>, kindOf: (column: C) => string = (column) => (column as unknown as Column).kind): ValueChange[] {
  const id = (column: C) => `${column.period ?? ''}|${kindOf(column)}|${column.asOf ?? ''}`;
  const before = new Map(columnsA.filter((c) => c.period !== undefined).map((c) => [id(c), c]));
  return columnsB.flatMap((after): ValueChange[] => {
    const old = after.period === undefined ? undefined : before.get(id(after));
    if (!old) return [];
    const x = cellsA[old.key] ?? null;
    const y = cellsB[after.key] ?? null;
    if (samePrintedValue(x, y)) return [];
    return [{ period: after.period!, kind: kindOf(after), asOf: after.asOf ?? null, before: x, after: y, beforeLabel: old.label, afterLabel: after.label }];
  });
}

/**
 * Whether two printed texts say the same: equal text, or the same value printed another way —
 * thousands separators, minus signs, trailing decimals, the space before "%" ("-2 045,7" and
 * "-2045,7", "5,3" and "5,30", "90%" and "90 %"), or missing either way ("", "-", "–", absent).
 * Words, and numbers with another value, unit, annotation or parts, differ.
 */
export function samePrintedValue(x: string | null, y: string | null): boolean {
  if (x === y) return true;
  const a = parseFigure(x ?? '');
  const b = parseFigure(y ?? '');
  if (a.form !== b.form || a.form === 'text') return false;
  if (a.form === 'missing') return true;
  if (a.value === null || b.value === null || !a.value.equals(b.value)) return false;
  if (a.form === 'number') return (a.percent ?? false) === (b.percent ?? false);
  if (a.form === 'annotated') return normalSpace(a.annotation) === normalSpace(b.annotation);
  return a.parts!.length === b.parts!.length && a.parts!.every((part, i) => part.equals(b.parts![i]!));
}

function normalSpace(text: string | undefined): string {
  return (text ?? '').replace(/\s+/g, '').replace(/[\u2212\u2013]/g, '-');
}

interface TableRow<Table, Row, C = Column> {
  table: Table;
  row: Row;
  columns: C[];
}

function volumeRows(plan: PlanFile): Array<TableRow<null, VolumeRow>> {
  return plan.volumeTables.flatMap((table) => table.rows.map((row) => ({ table: null, row, columns: table.columns })));
}

function budgetRows(plan: PlanFile): Array<TableRow<BudgetTable, BudgetTable['rows'][number], EconomicColumn> & { nodeName: string }> {
  return plan.budgetTables.flatMap((table) => {
    const node = plan.organisation.find((n) => n.key === table.node);
    return table.rows
      .filter((row) => row.kind !== 'heading')
      .map((row) => ({ table, row, columns: table.columns, nodeName: plan.organisation.find((n) => n.key === row.node)?.name ?? table.heading ?? node?.name ?? table.caption }));
  });
}

function planRef(plan: PlanFile): PlanRef {
  return { key: plan.plan.key, title: plan.plan.subtitle ? `${plan.plan.title}, ${plan.plan.subtitle}` : plan.plan.title, period: `${plan.plan.periodStart}–${plan.plan.periodEnd}` };
}

function goalRef(goal: Goal): GoalRef {
  return { key: goal.key, number: goal.number ?? null, level: goal.level, text: goal.text };
}

function indicatorRef(indicator: Indicator): IndicatorRef {
  const ref: IndicatorRef = { key: indicator.key, number: indicator.number, name: indicator.name, targets: indicator.targets.map(({ year, text }) => ({ year, text })) };
  if (indicator.measure !== undefined) ref.measure = indicator.measure;
  return ref;
}

function volumeRef({ row }: TableRow<null, VolumeRow>): VolumeRef {
  return { measure: row.measure, label: row.label, kind: row.kind };
}

function budgetRef(item: TableRow<BudgetTable, BudgetTable['rows'][number], EconomicColumn> & { nodeName: string }): BudgetRef {
  return { node: item.row.node ?? item.table.node ?? null, nodeName: item.nodeName, tableKind: item.table.kind, line: item.row.line ?? item.row.key, label: item.row.label };
}
