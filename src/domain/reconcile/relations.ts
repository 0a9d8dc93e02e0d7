/**
 * The relations an economic table states (issue 13), checked cell by cell: a net against income
 * and costs, a deviation against outcome and budget, a subtotal or total against the rows it
 * names, a "varav" part against its whole. A relation runs down the rows (Timrå: the net row from
 * the income and costs rows, in every column) or across the columns (a driftredovisning: the net
 * column from the income and costs columns, in every row).
 */
import { Decimal } from 'decimal.js';
import type { RelationAxis } from '../plan-constants.ts';
import type { BudgetTable, EconomicColumn, EconomicRelation, EconomicRow } from '../plan.ts';
import { isAdditiveColumn } from '../economy/table.ts';
import { amount, budgetName, judge, LINE_LABELS, printedDecimals, record, shortDifference, valueIn, verdict, type Context, type Term, type Where } from './context.ts';
import type { FindingKind } from './types.ts';

/** A relation as a signed sum: target = Σ sign × term, along an axis. */
export interface Linear {
  kind: 'net' | 'deviation' | 'sum';
  axis: RelationAxis;
  target: string;
  terms: Array<{ key: string; sign: 1 | -1 }>;
  /** Sums leave out rows without a figure (a budget-only line has no outcome); a net or deviation cannot be formed without both. */
  partsOptional: boolean;
}

/** A stated relation as a signed sum, in the table's sign convention. */
export function linearOf(table: BudgetTable, relation: Exclude<EconomicRelation, { kind: 'unit-total' }>): Linear {
  if (relation.kind === 'net') {
    // Costs printed negative: net = income + costs. Costs printed positive: net cost = costs − income.
    const incomeSign = table.costSign === 'positive' ? -1 : 1;
    return { kind: 'net', axis: relation.axis, target: relation.target, terms: [{ key: relation.income, sign: incomeSign }, { key: relation.costs, sign: 1 }], partsOptional: false };
  }
  const outcomeFirst = relation.order === 'outcome-minus-budget';
  const terms: Linear['terms'] = outcomeFirst ? [{ key: relation.outcome, sign: 1 }, { key: relation.budget, sign: -1 }] : [{ key: relation.budget, sign: 1 }, { key: relation.outcome, sign: -1 }];
  return { kind: 'deviation', axis: relation.axis, target: relation.target, terms, partsOptional: false };
}

/** A subtotal or total row as the sum of the rows it names. */
export function sumOf(row: EconomicRow): Linear {
  return { kind: 'sum', axis: 'rows', target: row.key, terms: (row.parts ?? []).map((key) => ({ key, sign: 1 })), partsOptional: true };
}

/** Every relation of a table as a signed sum: the stated ones, then one per subtotal and total row. */
export function linearRelations(table: BudgetTable): Linear[] {
  const stated = table.relations.flatMap((relation) => (relation.kind === 'unit-total' ? [] : [linearOf(table, relation)]));
  const sums = table.rows.filter((row) => (row.kind === 'subtotal' || row.kind === 'total') && row.parts?.length).map(sumOf);
  return [...stated, ...sums];
}

/** Where a relation is evaluated: each column for a relation down the rows, each row with figures for one across the columns. */
function places(table: BudgetTable, linear: Linear): Array<EconomicColumn | EconomicRow> {
  if (linear.axis === 'columns') return table.rows.filter((row) => row.kind !== 'heading');
  return linear.kind === 'sum' ? table.columns.filter(isAdditiveColumn) : table.columns;
}

/** The printed value of (line key, place): a row key and a column along the rows, a column key and a row across. */
function valueAt(table: BudgetTable, linear: Linear, key: string, place: EconomicColumn | EconomicRow): Decimal | null {
  if (linear.axis === 'rows') return valueIn(table.rows.find((row) => row.key === key), place as EconomicColumn);
  return valueIn(place as EconomicRow, table.columns.find((column) => column.key === key));
}

/**
 * What a relation's target should be at a place, as the check computes it: null when a part it
 * needs is not printed (missing is not zero). The budget editor shows this beside the target.
 */
export function expectedAt(table: BudgetTable, linear: Linear, placeKey: string): Decimal | null {
  const place = linear.axis === 'rows' ? table.columns.find((c) => c.key === placeKey) : table.rows.find((r) => r.key === placeKey);
  if (!place) return null;
  const terms = linear.terms.map((term) => ({ value: valueAt(table, linear, term.key, place), sign: term.sign }));
  const present = terms.filter((term): term is Term => term.value !== null);
  if (!present.length || (present.length < terms.length && !linear.partsOptional)) return null;
  return present.reduce((total, term) => (term.sign === 1 ? total.plus(term.value) : total.minus(term.value)), new Decimal(0));
}

/** Checks every relation a table states and every subtotal, total and "varav" row in it. */
export function checkEconomicTable(ctx: Context, table: BudgetTable): void {
  for (const linear of linearRelations(table)) for (const place of places(table, linear)) checkAt(ctx, table, linear, place);
  for (const row of table.rows) if (row.kind === 'part' && row.partOf !== undefined) checkPart(ctx, table, row);
}

/** A row as findings name it: under a heading row, "Heading / Label" (Sjöbo prints "Politisk verksamhet" under every committee). */
export function rowName(table: BudgetTable, row: EconomicRow): string {
  const index = table.rows.indexOf(row);
  const heading = table.rows.slice(0, index).reverse().find((candidate) => candidate.kind === 'heading');
  return heading ? `${heading.label} / ${row.label}` : row.label;
}

interface Names {
  /** Whose figure is checked, as a sentence starts: "IFO: nettokostnaderna för Budget 2018", "Västervik, Äldreomsorg: Nettokostnad 2021". */
  subject: string;
  /** The place column or row as printed. */
  place: string;
  target: string;
  term: (key: string) => string;
}

function namesOf(ctx: Context, table: BudgetTable, linear: Linear, place: EconomicColumn | EconomicRow): Names {
  const table_ = budgetName(ctx.plan, table);
  if (linear.axis === 'rows') {
    const row = (key: string) => table.rows.find((candidate) => candidate.key === key);
    const label = (key: string) => {
      const found = row(key);
      return found?.line ? LINE_LABELS[found.line] : found ? rowName(table, found) : key;
    };
    const target = label(linear.target);
    // Timrå's words: "nettokostnaderna för Budget 2018".
    const words = target === LINE_LABELS.net ? 'nettokostnaderna' : target;
    return { subject: `${table_}: ${words} för ${place.label}`, place: place.label, target, term: label };
  }
  const column = (key: string) => table.columns.find((candidate) => candidate.key === key)?.label ?? key;
  const row = rowName(table, place as EconomicRow);
  return { subject: `${table_}, ${row}: ${column(linear.target)}`, place: row, target: column(linear.target), term: column };
}

function whereOf(table: BudgetTable, linear: Linear, place: EconomicColumn | EconomicRow, names: Names, kind: FindingKind): Where {
  if (linear.axis === 'rows') return { kind, tableKey: table.key, label: names.target, column: place as EconomicColumn, rowKey: linear.target };
  const column = table.columns.find((candidate) => candidate.key === linear.target) ?? null;
  return { kind, tableKey: table.key, label: names.place, column, rowKey: (place as EconomicRow).key };
}

function checkAt(ctx: Context, table: BudgetTable, linear: Linear, place: EconomicColumn | EconomicRow): void {
  const stated = valueAt(table, linear, linear.target, place);
  if (stated === null) return;
  const values = linear.terms.map((term) => ({ ...term, value: valueAt(table, linear, term.key, place) }));
  const present = values.filter((term): term is Term & { key: string } => term.value !== null);
  const names = namesOf(ctx, table, linear, place);
  const decimals = printedDecimals(table, [stated, ...present.map((term) => term.value)]);
  const S = amount(stated, table.unit, decimals);
  const words = TEXTS[linear.kind];
  if (!present.length) {
    record(ctx, whereOf(table, linear, place, names, `${linear.kind}-without-parts`), { severity: 'info', stated, computed: null, decimals }, words.withoutParts(names, S, linear));
    return;
  }
  if (present.length < values.length && !linear.partsOptional) {
    const lacking = values.filter((term) => term.value === null).map((term) => names.term(term.key).toLowerCase());
    record(ctx, whereOf(table, linear, place, names, `${linear.kind}-parts-incomplete` as FindingKind), { severity: 'info', stated, computed: null, decimals }, words.incomplete(names, S, lacking));
    return;
  }
  const result = judge(ctx, stated, present, table.decimals);
  const text = (value: Decimal) => amount(value, table.unit, decimals);
  const judged = {
    names,
    S,
    X: text(result.computed),
    terms: present.map((term) => ({ label: names.term(term.key), text: text(term.value), sign: term.sign })),
    missing: values.length - present.length,
    verdict: verdict(result.severity, result.difference, table.unit, decimals),
    short: shortDifference(result.difference, table.unit, decimals),
    ok: result.severity === 'ok',
    gap: result.severity === 'gap',
    difference: result.difference,
    table,
    text,
    axis: linear.axis,
  };
  record(ctx, whereOf(table, linear, place, names, linear.kind), { ...result, decimals }, words.judged(judged));
}

interface Judged {
  names: Names;
  S: string;
  X: string;
  terms: Array<{ label: string; text: string; sign: 1 | -1 }>;
  missing: number;
  verdict: string;
  short: string;
  ok: boolean;
  gap: boolean;
  difference: Decimal;
  table: BudgetTable;
  text: (value: Decimal) => string;
  axis: RelationAxis;
}
type Texts = { message: string; summary: string };

/** "intäkter 3 258 tkr och kostnader -68 851 tkr" (Timrå's words for its lines), or the printed headings. */
function netParts(j: Judged): string {
  const [income, costs] = [j.terms[0]!, j.terms[1]!];
  return `${income.label.toLowerCase()} ${income.text} och ${costs.label.toLowerCase()} ${costs.text}`;
}

// Which way a net gap goes: with costs printed negative a lower (more negative) net is a higher net cost.
function netDirection(j: Judged): string {
  if (!j.gap) return '';
  const higher = j.table.costSign === 'positive' ? j.difference.isPositive() : j.difference.isNegative();
  return ` (den angivna nettokostnaden är ${j.text(j.difference.abs())} ${higher ? 'högre' : 'lägre'} än vad intäkter och kostnader ger)`;
}

const TEXTS: Record<Linear['kind'], { withoutParts: (n: Names, S: string, l: Linear) => Texts; incomplete: (n: Names, S: string, lacking: string[]) => Texts; judged: (j: Judged) => Texts }> = {
  net: {
    withoutParts: (n, S) => ({
      message: `${n.subject} anges till ${S} utan intäkter och kostnader; inget att stämma av mot`,
      summary: `netto ${S} anges utan intäkter och kostnader`,
    }),
    incomplete: (n, S, lacking) => ({
      message: `${n.subject} är ${S} men ${lacking.join(' och ')} saknas; nettot kan inte stämmas av`,
      summary: `netto ${S}, ${lacking.join(' och ')} saknas`,
    }),
    judged: (j) => {
      const formula = j.table.costSign === 'positive' ? 'kostnader − intäkter' : 'intäkter + kostnader';
      const subject = j.names.subject;
      return {
        message: j.ok ? `${subject} är ${j.S}, lika med ${netParts(j)}` : `${subject} är ${j.S} men ${netParts(j)} ger ${j.X}${j.verdict}${netDirection(j)}`,
        summary: `netto ${j.S}, ${formula} ger ${j.X}${j.short}`,
      };
    },
  },
  deviation: {
    withoutParts: (n, S) => ({
      message: `${n.subject} anges till ${S} utan utfall och budget; inget att stämma av mot`,
      summary: `avvikelse ${S} anges utan utfall och budget`,
    }),
    incomplete: (n, S, lacking) => ({
      message: `${n.subject} är ${S} men ${lacking.join(' och ')} saknas; avvikelsen kan inte stämmas av`,
      summary: `avvikelse ${S}, ${lacking.join(' och ')} saknas`,
    }),
    judged: (j) => {
      const [first, second] = j.terms as [Judged['terms'][number], Judged['terms'][number]];
      const formula = `${first.label} ${first.text} − ${second.label} ${second.text}`;
      return {
        message: j.ok ? `${j.names.subject} är ${j.S}, lika med ${formula}` : `${j.names.subject} är ${j.S} men ${formula} ger ${j.X}${j.verdict}`,
        summary: `avvikelse ${j.S}, ${first.label} − ${second.label} ger ${j.X}${j.short}`,
      };
    },
  },
  sum: {
    withoutParts: (n, S, l) => ({
      message: `${n.subject} är ${S}, men ingen av dess ${l.terms.length} rader har belopp där`,
      summary: `summa ${S} anges utan belopp i raderna`,
    }),
    incomplete: (n, S) => ({ message: `${n.subject} är ${S}`, summary: `summa ${S}` }),
    judged: (j) => {
      const count = j.terms.length + j.missing;
      const without = j.missing ? ` (${j.missing} av ${count} rader utan belopp räknas inte)` : '';
      return {
        message: j.ok
          ? `${j.names.subject} är ${j.S}, lika med summan av dess ${count} rader${without}`
          : `${j.names.subject} är ${j.S} men dess ${count} rader summerar till ${j.X}${j.verdict}${without}`,
        summary: `raderna summerar till ${j.X}, summan är ${j.S}${j.short}${without}`,
      };
    },
  },
};

/** A "varav" row: its amount may not be larger than its whole's (both read by size, whatever the sign convention). */
function checkPart(ctx: Context, table: BudgetTable, part: EconomicRow): void {
  const whole = table.rows.find((row) => row.key === part.partOf);
  if (!whole) return; // a broken reference, reported by validation
  const name = budgetName(ctx.plan, table);
  for (const column of table.columns.filter(isAdditiveColumn)) {
    const stated = valueIn(part, column);
    const bound = valueIn(whole, column);
    if (stated === null || bound === null) continue;
    const decimals = printedDecimals(table, [stated, bound]);
    const exceeds = stated.abs().gt(bound.abs());
    const P = amount(stated, table.unit, decimals);
    const W = amount(bound, table.unit, decimals);
    record(ctx, { kind: 'part', tableKey: table.key, label: rowName(table, part), column, rowKey: part.key }, { severity: exceeds ? 'gap' : 'ok', stated, computed: bound, decimals }, {
      message: exceeds
        ? `${name}, ${column.label}: "${part.label}" är ${P} men helheten "${whole.label}" är bara ${W}; delen är större än helheten`
        : `${name}, ${column.label}: "${part.label}" (${P}) ryms i "${whole.label}" (${W})`,
      summary: exceeds ? `varav ${P} är större än helheten ${W} (${whole.label})` : `varav ${P} av ${W}`,
    });
  }
}
