/**
 * Reconciliation (avstämning) of a plan's printed figures: every net, roll-up, "varav" row and
 * investment total is recomputed from the other printed figures and compared with what was
 * printed. Nothing is corrected and nothing is rejected: real documents contain errors, and a
 * difference is a finding to show, not to hide. A missing figure is never read as zero.
 */
import { Decimal } from 'decimal.js';
import { figureValue } from './figure.ts';
import { formatAmount } from './format.ts';
import { budgetLines, type BudgetTable, type CapitalBudget, type Column, type PlanFile, type VolumeTable } from './plan.ts';

/** ok: the figures agree exactly; rounding: within the tolerance; gap: beyond it; info: nothing to compare. */
export type Severity = 'ok' | 'rounding' | 'gap' | 'info';

export const findingKinds = [
  'net', // nettokostnader = intäkter + kostnader
  'net-without-parts', // a net printed with neither income nor costs ("Plan 2019: 0")
  'net-parts-incomplete', // a net printed with only one of income and costs
  'rollup', // a parent's figure = the sum of its children's
  'rollup-incomplete', // a child lacks the figure, so the sum cannot be formed
  'rollup-exclusion', // a table explicitly outside its parent's totals ("EKB ingår ej i IFO:s budget")
  'volume-part', // a "varav" row is not larger than its whole
  'capital-column-total', // an investment column's total = the sum of its rows
  'capital-total-without-rows', // a column total printed for a year with no rows (Plan 2021)
  'capital-row-total', // a row's total = the sum of its years
  'capital-row-total-without-values', // a row total printed for a row with no yearly amounts
  'capital-grand-total', // the grand total = the sum of the column totals
  'capital-grand-total-incomplete', // a column with rows has no printed total
] as const;
export type FindingKind = (typeof findingKinds)[number];

export interface Finding {
  kind: FindingKind;
  severity: Severity;
  /** The table whose printed figure is checked; for a roll-up, the parent. */
  tableKey: string;
  columnKey: string | null;
  /** The column as printed ("Prognos 2017"); null when the finding concerns a whole table. */
  columnLabel: string | null;
  period: string | null;
  /** Which row or what: "Nettokostnader", "Summa investeringar", "- varav uppväxtplacering". */
  label: string;
  stated: Decimal | null;
  computed: Decimal | null;
  /** stated − computed: positive when the printed figure is larger than what the others give. */
  difference: Decimal | null;
  /** A whole Swedish sentence that names the table and the column. */
  message: string;
  /** The same finding in short, for lists that already show table and column. */
  summary: string;
}

export interface ReconciliationReport {
  planKey: string;
  findings: Finding[];
  counts: { confirmed: number; rounding: number; gap: number; info: number };
}

export interface ReconcileOptions {
  /**
   * The largest difference read as rounding, in the table's unit. By default one unit of the
   * last printed digit: 1 for whole tkr, 0,1 for mkr printed with one decimal.
   */
  tolerance?: Decimal.Value;
}

/** Lists every printed figure that agrees, nearly agrees or disagrees with the figures it follows from. */
export function reconcilePlan(plan: PlanFile, options: ReconcileOptions = {}): ReconciliationReport {
  const ctx: Context = {
    plan,
    tolerance: options.tolerance === undefined ? null : new Decimal(options.tolerance),
    findings: [],
  };
  for (const table of plan.budgetTables) checkNets(ctx, table);
  checkRollups(ctx);
  for (const table of plan.volumeTables) checkVolumeParts(ctx, table);
  for (const budget of plan.capitalBudgets) checkCapitalBudget(ctx, budget);
  const count = (severity: Severity) => ctx.findings.filter((finding) => finding.severity === severity).length;
  return {
    planKey: plan.plan.key,
    findings: ctx.findings,
    counts: { confirmed: count('ok'), rounding: count('rounding'), gap: count('gap'), info: count('info') },
  };
}

const SEVERITY_WORDS: Record<Severity, string> = { gap: 'AVVIKELSE', rounding: 'AVRUNDNING', info: 'NOTERING', ok: 'STÄMMER' };

/** Swedish lines for a terminal: gaps first, then rounding, then notes, then how many figures agreed. */
export function formatReconciliationReport(report: ReconciliationReport, options: { confirmed?: boolean } = {}): string[] {
  const lines: string[] = [];
  const severities = options.confirmed ? (['gap', 'rounding', 'info', 'ok'] as const) : (['gap', 'rounding', 'info'] as const);
  for (const severity of severities) {
    for (const finding of report.findings.filter((f) => f.severity === severity)) {
      const parts = [SEVERITY_WORDS[severity], finding.tableKey, finding.columnLabel, `${finding.label}: ${finding.summary}`];
      lines.push(parts.filter((part) => part).join('  '));
    }
  }
  const { confirmed, gap, rounding, info } = report.counts;
  lines.push(
    `${report.planKey}: ${confirmed} ${confirmed === 1 ? 'kontroll stämmer' : 'kontroller stämmer'} exakt; ` +
      `${gap} ${gap === 1 ? 'avvikelse' : 'avvikelser'}, ${rounding} ${rounding === 1 ? 'avrundning' : 'avrundningar'}, ` +
      `${info} ${info === 1 ? 'notering' : 'noteringar'}`,
  );
  return lines;
}

interface Context {
  plan: PlanFile;
  /** null: derive from the printed precision. */
  tolerance: Decimal | null;
  findings: Finding[];
}

type BudgetLine = (typeof budgetLines)[number];
type Row = { cells: Record<string, string> };
type Where = Pick<Finding, 'kind' | 'tableKey' | 'label'> & { column: Column | null };
type Texts = { message: string; summary: string };

const LINE_LABELS: Record<BudgetLine, string> = { income: 'Intäkter', costs: 'Kostnader', net: 'Nettokostnader' };

function record(ctx: Context, where: Where, figures: { severity: Severity; stated: Decimal | null; computed: Decimal | null }, texts: Texts): void {
  const { column, ...rest } = where;
  const { stated, computed } = figures;
  ctx.findings.push({
    ...rest,
    severity: figures.severity,
    columnKey: column?.key ?? null,
    columnLabel: column?.label ?? null,
    period: column?.period ?? null,
    stated,
    computed,
    difference: stated && computed ? stated.minus(computed) : null,
    ...texts,
  });
}

/** Compares a printed figure with the sum of the printed figures it should equal. */
function judge(ctx: Context, stated: Decimal, parts: Decimal[]): { severity: Severity; stated: Decimal; computed: Decimal; difference: Decimal } {
  const computed = sum(parts);
  const difference = stated.minus(computed);
  const tolerance = ctx.tolerance ?? lastDigit([stated, ...parts]);
  const severity = difference.isZero() ? 'ok' : difference.abs().lte(tolerance) ? 'rounding' : 'gap';
  return { severity, stated, computed, difference };
}

function sum(values: Decimal[]): Decimal {
  return values.reduce((total, value) => total.plus(value), new Decimal(0));
}

// One unit of the finest printed digit: a sum of whole tkr may be off by 1 through rounding alone.
function lastDigit(values: Decimal[]): Decimal {
  const places = Math.max(0, ...values.map((value) => value.decimalPlaces()));
  return new Decimal(10).pow(-places);
}

function valueIn(row: Row | undefined, column: Column | undefined): Decimal | null {
  return row && column ? figureValue(row.cells[column.key]) : null;
}

function isPresent<T>(value: T | null): value is T {
  return value !== null;
}

function amount(value: Decimal, unit?: string): string {
  return formatAmount(value, { unit });
}

// "; skillnad 1 tkr, inom avrundning" — the size in words; the sign lives in `difference`.
function verdict(severity: Severity, difference: Decimal, unit?: string): string {
  if (severity === 'ok') return '';
  const size = amount(difference.abs(), unit);
  return severity === 'rounding' ? `; skillnad ${size}, inom avrundning` : `; skillnad ${size} som inte förklaras`;
}

function shortDifference(difference: Decimal, unit?: string): string {
  return difference.isZero() ? '' : ` (skillnad ${amount(difference.abs(), unit)})`;
}

function nodeName(plan: PlanFile, key: string | undefined): string | undefined {
  const node = key === undefined ? undefined : plan.organisation.find((candidate) => candidate.key === key);
  return node?.shortName ?? node?.name;
}

function budgetName(plan: PlanFile, table: BudgetTable): string {
  return table.heading ?? nodeName(plan, table.node) ?? table.key;
}

// Nets -------------------------------------------------------------------------------------------

function checkNets(ctx: Context, table: BudgetTable): void {
  const row = (line: BudgetLine) => table.rows.find((candidate) => candidate.line === line);
  const net = row('net');
  const name = budgetName(ctx.plan, table);
  for (const column of table.columns) {
    const stated = valueIn(net, column);
    if (stated === null) continue;
    const income = valueIn(row('income'), column);
    const costs = valueIn(row('costs'), column);
    const where: Where = { kind: 'net', tableKey: table.key, label: LINE_LABELS.net, column };
    const S = amount(stated, table.unit);
    if (income === null && costs === null) {
      record(ctx, { ...where, kind: 'net-without-parts' }, { severity: 'info', stated, computed: null }, {
        message: `${name}: nettokostnaderna för ${column.label} anges till ${S} utan intäkter och kostnader; inget att stämma av mot`,
        summary: `netto ${S} anges utan intäkter och kostnader`,
      });
    } else if (income === null || costs === null) {
      const lacking = income === null ? 'intäkter' : 'kostnader';
      record(ctx, { ...where, kind: 'net-parts-incomplete' }, { severity: 'info', stated, computed: null }, {
        message: `${name}: nettokostnaderna för ${column.label} är ${S} men ${lacking} saknas; nettot kan inte stämmas av`,
        summary: `netto ${S}, ${lacking} saknas`,
      });
    } else {
      const result = judge(ctx, stated, [income, costs]);
      const X = amount(result.computed, table.unit);
      const parts = `intäkter ${amount(income, table.unit)} och kostnader ${amount(costs, table.unit)}`;
      const direction =
        result.severity === 'gap'
          ? ` (den angivna nettokostnaden är ${amount(result.difference.abs(), table.unit)} ${result.difference.isNegative() ? 'högre' : 'lägre'} än vad intäkter och kostnader ger)`
          : '';
      record(ctx, where, result, {
        message:
          result.severity === 'ok'
            ? `${name}: nettokostnaderna för ${column.label} är ${S}, lika med ${parts}`
            : `${name}: nettokostnaderna för ${column.label} är ${S} men ${parts} ger ${X}${verdict(result.severity, result.difference, table.unit)}${direction}`,
        summary: `netto ${S}, intäkter + kostnader ger ${X}${shortDifference(result.difference, table.unit)}`,
      });
    }
  }
}

// Roll-ups ---------------------------------------------------------------------------------------

// Columns of different tables are the same column when they hold the same kind of figure for the
// same period: the total prints "Prognos 2017", its units "Prognos 2017 aug". Keys and labels
// are the document's wording, not identity. A column without a period falls back on its label.
function columnIdentity(column: Column): string {
  return column.period === undefined ? `${column.kind}|label:${column.label.trim().toLowerCase()}` : `${column.kind}|${column.period}`;
}

function matchingColumn(table: BudgetTable, column: Column): Column | undefined {
  const identity = columnIdentity(column);
  return table.columns.find((candidate) => columnIdentity(candidate) === identity);
}

const CHILD_NOUNS: Partial<Record<PlanFile['organisation'][number]['kind'], string>> = { unit: 'enheterna', 'service-area': 'verksamheterna' };

function childNoun(plan: PlanFile, children: BudgetTable[]): string {
  const kinds = new Set(children.map((child) => plan.organisation.find((node) => node.key === child.node)?.kind));
  const [kind] = [...kinds];
  return kinds.size === 1 && kind ? (CHILD_NOUNS[kind] ?? 'delarna') : 'delarna';
}

function checkRollups(ctx: Context): void {
  const tables = ctx.plan.budgetTables;
  const groups = new Map<string, BudgetTable[]>();
  for (const table of tables) {
    if (!table.rollup) continue;
    if (table.rollup.included) groups.set(table.rollup.into, [...(groups.get(table.rollup.into) ?? []), table]);
    else recordExclusion(ctx, table, table.rollup);
  }
  for (const [into, children] of groups) {
    // An unknown parent is a broken reference, reported by plan validation.
    const parent = tables.find((table) => table.key === into);
    if (parent) for (const line of budgetLines) checkRollupLine(ctx, parent, children, line);
  }
}

function recordExclusion(ctx: Context, table: BudgetTable, rollup: NonNullable<BudgetTable['rollup']>): void {
  const parent = ctx.plan.budgetTables.find((candidate) => candidate.key === rollup.into);
  const parentName = parent ? budgetName(ctx.plan, parent) : rollup.into;
  const name = budgetName(ctx.plan, table);
  const note = rollup.note ? `: ${rollup.note}` : '';
  record(ctx, { kind: 'rollup-exclusion', tableKey: table.key, label: name, column: null }, { severity: 'info', stated: null, computed: null }, {
    message: `${name} räknas inte in i ${parentName} och summeras aldrig dit${note}`,
    summary: `ingår inte i ${parentName} (${rollup.into})${note}`,
  });
}

function checkRollupLine(ctx: Context, parent: BudgetTable, children: BudgetTable[], line: BudgetLine): void {
  const parentRow = parent.rows.find((row) => row.line === line);
  if (!parentRow) return;
  const name = budgetName(ctx.plan, parent);
  const noun = childNoun(ctx.plan, children);
  const lineWord = LINE_LABELS[line].toLowerCase();
  for (const column of parent.columns) {
    const stated = valueIn(parentRow, column);
    if (stated === null) continue;
    const columns = children.map((child) => matchingColumn(child, column));
    if (columns.every((match) => match === undefined)) continue; // not a column they share
    const values = children.map((child, i) => valueIn(child.rows.find((row) => row.line === line), columns[i]));
    const where: Where = { kind: 'rollup', tableKey: parent.key, label: LINE_LABELS[line], column };
    const S = amount(stated, parent.unit);
    const lacking = children.filter((_, i) => values[i] === null).map((child) => budgetName(ctx.plan, child));
    if (lacking.length) {
      const partial = amount(sum(values.filter(isPresent)), parent.unit);
      record(ctx, { ...where, kind: 'rollup-incomplete' }, { severity: 'info', stated, computed: null }, {
        message: `${name}: ${lineWord} för ${column.label} är ${S}, men värde saknas för ${lacking.join(', ')}; summan av ${noun} är ofullständig och kan inte stämmas av (de övriga ger ${partial})`,
        summary: `totalen är ${S}, värde saknas för ${lacking.join(', ')}`,
      });
      continue;
    }
    const result = judge(ctx, stated, values.filter(isPresent));
    const X = amount(result.computed, parent.unit);
    const explanation = result.severity === 'gap' ? ` (${noun} har ${describeExcess(line, result.difference.negated(), parent.unit)} än totalen)` : '';
    record(ctx, where, result, {
      message:
        result.severity === 'ok'
          ? `${name}: summan av ${noun}s ${lineWord} för ${column.label} är ${X}, lika med totalen`
          : `${name}: summan av ${noun}s ${lineWord} för ${column.label} är ${X} men totalen är ${S}${verdict(result.severity, result.difference, parent.unit)}${explanation}`,
      summary: `${noun} summerar till ${X}, totalen är ${S}${shortDifference(result.difference, parent.unit)}`,
    });
  }
}

// What "the parts are larger by `excess`" means for a line whose costs are printed negative.
function describeExcess(line: BudgetLine, excess: Decimal, unit: string): string {
  const size = amount(excess.abs(), unit);
  const larger = excess.isPositive();
  if (line === 'income') return `${size} ${larger ? 'mer' : 'mindre'} i intäkter`;
  if (line === 'costs') return `${size} ${larger ? 'mindre' : 'mer'} i kostnader`;
  return `${size} ${larger ? 'lägre' : 'högre'} nettokostnad`;
}

// Volumes ----------------------------------------------------------------------------------------

function checkVolumeParts(ctx: Context, table: VolumeTable): void {
  const name = nodeName(ctx.plan, table.node) ?? table.caption;
  for (const part of table.rows) {
    // A "varav" row pointing nowhere is a broken reference, reported by plan validation.
    const whole = part.partOf === undefined ? undefined : table.rows.find((row) => row.key === part.partOf);
    if (!whole) continue;
    for (const column of table.columns) {
      const stated = valueIn(part, column);
      const bound = valueIn(whole, column);
      if (stated === null || bound === null) continue;
      const exceeds = stated.gt(bound);
      const P = amount(stated, part.unit);
      const W = amount(bound, whole.unit);
      record(ctx, { kind: 'volume-part', tableKey: table.key, label: part.label, column }, { severity: exceeds ? 'gap' : 'ok', stated, computed: bound }, {
        message: exceeds
          ? `${name}, ${column.label}: "${part.label}" är ${P} men helheten "${whole.label}" är bara ${W}; delen är ${amount(stated.minus(bound), part.unit)} större än helheten`
          : `${name}, ${column.label}: "${part.label}" (${P}) ryms i "${whole.label}" (${W})`,
        summary: exceeds ? `varav ${P} är större än helheten ${W} (${whole.label})` : `varav ${P} av ${W}`,
      });
    }
  }
}

// Investment budgets -----------------------------------------------------------------------------

function checkCapitalBudget(ctx: Context, budget: CapitalBudget): void {
  const years = budget.columns.filter((column) => column.kind !== 'total');
  const totalColumn = budget.columns.find((column) => column.kind === 'total');
  if (budget.total) for (const column of years) checkColumnTotal(ctx, budget, budget.total, column);
  if (totalColumn) for (const row of budget.rows) checkRowTotal(ctx, budget, row, years, totalColumn);
  if (budget.total && totalColumn) checkGrandTotal(ctx, budget, budget.total, years, totalColumn);
}

type CapitalTotal = NonNullable<CapitalBudget['total']>;

function checkColumnTotal(ctx: Context, budget: CapitalBudget, total: CapitalTotal, column: Column): void {
  const stated = valueIn(total, column);
  if (stated === null) return;
  const values = budget.rows.map((row) => valueIn(row, column)).filter(isPresent);
  const where: Where = { kind: 'capital-column-total', tableKey: budget.key, label: total.label, column };
  const S = amount(stated, budget.unit);
  if (!values.length) {
    record(ctx, { ...where, kind: 'capital-total-without-rows' }, { severity: 'info', stated, computed: null }, {
      message: `${budget.caption}: ${total.label} för ${column.label} är ${S}, men inga rader har belopp för ${column.label}`,
      summary: `summa ${S} anges utan några rader`,
    });
    return;
  }
  const result = judge(ctx, stated, values);
  const X = amount(result.computed, budget.unit);
  record(ctx, where, result, {
    message:
      result.severity === 'ok'
        ? `${budget.caption}: raderna för ${column.label} summerar till ${X}, lika med ${total.label}`
        : `${budget.caption}: raderna för ${column.label} summerar till ${X} men ${total.label} är ${S}${verdict(result.severity, result.difference, budget.unit)}`,
    summary: `raderna summerar till ${X}, summan är ${S}${shortDifference(result.difference, budget.unit)}`,
  });
}

function checkRowTotal(ctx: Context, budget: CapitalBudget, row: CapitalBudget['rows'][number], years: Column[], totalColumn: Column): void {
  const stated = valueIn(row, totalColumn);
  if (stated === null) return;
  const values = years.map((column) => valueIn(row, column)).filter(isPresent);
  const where: Where = { kind: 'capital-row-total', tableKey: budget.key, label: row.text, column: totalColumn };
  const S = amount(stated, budget.unit);
  if (!values.length) {
    record(ctx, { ...where, kind: 'capital-row-total-without-values' }, { severity: 'info', stated, computed: null }, {
      message: `${budget.caption}: ${row.text} har ${totalColumn.label} ${S} men inga belopp per år`,
      summary: `radtotal ${S} anges utan belopp per år`,
    });
    return;
  }
  const result = judge(ctx, stated, values);
  const X = amount(result.computed, budget.unit);
  record(ctx, where, result, {
    message:
      result.severity === 'ok'
        ? `${budget.caption}: ${row.text} summerar till ${X} över åren, lika med ${totalColumn.label}`
        : `${budget.caption}: ${row.text} summerar till ${X} över åren men ${totalColumn.label} är ${S}${verdict(result.severity, result.difference, budget.unit)}`,
    summary: `åren summerar till ${X}, radtotalen är ${S}${shortDifference(result.difference, budget.unit)}`,
  });
}

function checkGrandTotal(ctx: Context, budget: CapitalBudget, total: CapitalTotal, years: Column[], totalColumn: Column): void {
  const stated = valueIn(total, totalColumn);
  if (stated === null) return;
  const S = amount(stated, budget.unit);
  const where: Where = { kind: 'capital-grand-total', tableKey: budget.key, label: total.label, column: totalColumn };
  const unstated = years.filter((column) => valueIn(total, column) === null && budget.rows.some((row) => valueIn(row, column) !== null));
  if (unstated.length) {
    const names = unstated.map((column) => column.label).join(', ');
    record(ctx, { ...where, kind: 'capital-grand-total-incomplete' }, { severity: 'info', stated, computed: null }, {
      message: `${budget.caption}: ${totalColumn.label} är ${S}, men ${total.label} saknas för ${names} som har rader; totalen kan inte stämmas av mot kolumnsummorna`,
      summary: `totalen är ${S}, kolumnsumma saknas för ${names}`,
    });
    return;
  }
  const values = years.map((column) => valueIn(total, column)).filter(isPresent);
  if (!values.length) {
    record(ctx, { ...where, kind: 'capital-total-without-rows' }, { severity: 'info', stated, computed: null }, {
      message: `${budget.caption}: ${totalColumn.label} är ${S}, men inga år har belopp`,
      summary: `totalen ${S} anges utan några belopp`,
    });
    return;
  }
  const result = judge(ctx, stated, values);
  const X = amount(result.computed, budget.unit);
  const parts = values.map((value) => amount(value)).join(' + ');
  record(ctx, where, result, {
    message:
      result.severity === 'ok'
        ? `${budget.caption}: ${totalColumn.label} ${S} = ${parts}, summan av kolumnerna`
        : `${budget.caption}: kolumnsummorna ${parts} ger ${X} men ${totalColumn.label} är ${S}${verdict(result.severity, result.difference, budget.unit)}`,
    summary: `kolumnsummorna ger ${X}, totalen är ${S}${shortDifference(result.difference, budget.unit)}`,
  });
}
