/**
 * A whole operating statement pasted from a spreadsheet (issue 13): the first row its headings,
 * the first column its labels, one row per unit. Read into an economic table with what the
 * printed words and figures say: a column's measure and period from its heading ("Nettokostnad
 * 2021", "Kommunbidrag", "Prognos 2017 aug"), the unit from the corner ("mnkr"), headings from
 * rows without figures, sums from "Summa"/"Totalt" or from a row its next rows add up to, "varav"
 * parts, and the net and deviation relations the figures bear out. A guess the user then checks:
 * the reconciliation of the result shows at once what does not hold.
 */
import { Decimal } from 'decimal.js';
import { figureValue, parseFigure } from '../figure.ts';
import { monthPeriod } from '../period.ts';
import type { CostSign, DeviationOrder, EconomicMeasure } from '../plan-constants.ts';
import type { BudgetTable, EconomicColumn, EconomicRelation, EconomicRow } from '../plan.ts';
import { newKey } from './edit.ts';
import { isMoneyUnit } from './money-unit.ts';

/** Text copied from a spreadsheet as rows of cells (tab between cells, a line break between rows). */
function cellsOf(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  return lines.map((line) => line.split('\t').map((cell) => cell.trim())).filter((cells) => cells.some((cell) => cell !== ''));
}

const MEASURE_WORDS: Array<[RegExp, EconomicMeasure]> = [
  [/avvikelse|avv\b/i, 'deviation'],
  [/prognos/i, 'forecast'],
  [/netto/i, 'net'],
  [/intäkt/i, 'income'],
  [/kostnad/i, 'costs'],
  [/budget|kommunbidrag|anslag|\bram\b/i, 'budget'],
  [/utfall|bokslut|redovisat|resultat/i, 'actual'],
  [/^plan\b/i, 'plan'],
];

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];

/** A column from its printed heading and its figures: "Nettokostnad 2021" is the net outcome of 2021. */
function columnOf(label: string, figures: string[], taken: EconomicColumn[], fallbackYear: string | undefined): EconomicColumn {
  const measure = MEASURE_WORDS.find(([pattern]) => pattern.test(label))?.[1] ?? 'other';
  const years = [...label.matchAll(/\b(19|20)\d{2}\b/g)].map((match) => match[0]);
  const period = years.at(-1) ?? (measure === 'other' ? undefined : fallbackYear);
  const column: EconomicColumn = { key: newKey(label || measure, taken), label, measure };
  if (period) column.period = period;
  const month = MONTHS.findIndex((name) => new RegExp(`\\b${name}`, 'i').test(label.replace(/\b(19|20)\d{2}\b/g, '')));
  if (measure === 'forecast' && month >= 0 && period) column.asOf = monthPeriod(Number(period), month + 1);
  if (figures.some((figure) => parseFigure(figure).percent)) column.unit = '%';
  return column;
}

/** The money unit the corner or the caption names ("mnkr", "(tkr)"), else tkr. */
function unitOf(corner: string): string {
  const found = /miljoner kronor|mnkr|mkr|tkr|kr/i.exec(corner)?.[0];
  return found && isMoneyUnit(found) ? found : 'tkr';
}

/**
 * Reads a pasted statement into an economic table; null when there is no heading row and at least
 * one row. `year` is the year of columns whose heading names none ("Nettokostnad" in an annual
 * report of 2018); without it, the first year a heading names.
 */
export function tableFromPaste(text: string, options: { key: string; caption: string; year?: string }): BudgetTable | null {
  const [header, ...body] = cellsOf(text);
  if (!header || body.length === 0) return null;
  const corner = header[0] ?? '';
  const headings = header.slice(1);
  const width = Math.max(headings.length, ...body.map((cells) => cells.length - 1));
  const fallbackYear = options.year ?? headings.map((heading) => /\b(19|20)\d{2}\b/.exec(heading)?.[0]).find(Boolean);
  const columns: EconomicColumn[] = [];
  for (let i = 0; i < width; i += 1) columns.push(columnOf(headings[i] ?? '', body.map((cells) => cells[i + 1] ?? ''), columns, fallbackYear));
  const rows: EconomicRow[] = [];
  for (const cells of body) {
    const label = cells[0] ?? '';
    const printed = Object.fromEntries(columns.flatMap((column, i) => (cells[i + 1] ? [[column.key, cells[i + 1]!]] : [])));
    const row: EconomicRow = { key: newKey(label, rows), label, kind: 'line', cells: printed };
    if (Object.keys(printed).length === 0) row.kind = 'heading';
    else if (/^[-–]?\s*varav\b/i.test(label)) row.kind = 'part';
    rows.push(row);
  }
  placeSums(rows, columns);
  const table: BudgetTable = {
    key: options.key,
    kind: 'operating',
    caption: options.caption,
    labelHeading: corner,
    unit: unitOf(corner),
    costSign: costSignOf(rows, columns),
    columns,
    rows,
    relations: [],
    notes: [],
  };
  const decimals = commonDecimals(rows, columns);
  if (decimals !== null) table.decimals = decimals;
  return { ...table, relations: relationsOf(table) };
}

/** Digits after the decimal comma when every money figure prints the same number of them. */
function commonDecimals(rows: EconomicRow[], columns: EconomicColumn[]): number | null {
  const counts = new Set<number>();
  for (const row of rows) for (const column of columns.filter((c) => c.unit === undefined)) {
    const value = figureValue(row.cells[column.key]);
    if (value !== null) counts.add(((row.cells[column.key] ?? '').split(',')[1] ?? '').replace(/\D/g, '').length);
  }
  return counts.size === 1 ? [...counts][0]! : null;
}

/**
 * Sums: a "Summa"/"Totalt" row counts the lines of its block above it (a total every subtotal, or
 * every line); a line that its next lines add up to, within rounding, in most of its columns, is
 * their subtotal (a committee printed above its activities). "Varav" parts belong to the row above.
 */
function placeSums(rows: EconomicRow[], columns: EconomicColumn[]): void {
  const money = columns.filter((column) => column.unit === undefined);
  rows.forEach((row, index) => {
    if (row.kind === 'part') row.partOf = rows.slice(0, index).reverse().find((above) => above.kind === 'line' || above.kind === 'subtotal')?.key;
    if (row.kind !== 'line') return;
    if (/^(summa\s+)?tot(al|alt)\b/i.test(row.label)) {
      row.kind = 'total';
      const subtotals = rows.slice(0, index).filter((above) => above.kind === 'subtotal');
      row.parts = (subtotals.length ? subtotals : rows.slice(0, index).filter((above) => above.kind === 'line' && !counted(rows, above.key))).map((part) => part.key);
    } else if (/^(summa|s:a)\b/i.test(row.label)) {
      row.kind = 'subtotal';
      row.parts = blockAbove(rows, index).map((part) => part.key);
    }
  });
  for (let index = 0; index < rows.length; index += 1) {
    const row = rows[index]!;
    if (row.kind !== 'line' || counted(rows, row.key)) continue;
    const parts = bestParts(rows, index, money);
    if (parts) {
      row.kind = 'subtotal';
      row.parts = parts.map((part) => part.key);
      index += parts.length;
    }
  }
}

function counted(rows: EconomicRow[], key: string): boolean {
  return rows.some((row) => row.parts?.includes(key));
}

function blockAbove(rows: EconomicRow[], index: number): EconomicRow[] {
  const block: EconomicRow[] = [];
  for (const row of rows.slice(0, index).reverse()) {
    if (row.kind === 'heading' || row.kind === 'subtotal' || row.kind === 'total') break;
    if (row.kind === 'line') block.unshift(row);
  }
  return block;
}

/** The run of lines right below a row that it sums in the most of its columns (at least two, at least half). */
function bestParts(rows: EconomicRow[], index: number, columns: EconomicColumn[]): EconomicRow[] | null {
  const row = rows[index]!;
  const filled = columns.filter((column) => figureValue(row.cells[column.key]) !== null);
  const below: EconomicRow[] = [];
  for (const candidate of rows.slice(index + 1)) {
    if (candidate.kind !== 'line' || counted(rows, candidate.key)) break;
    below.push(candidate);
  }
  let best: { parts: EconomicRow[]; share: number } | null = null;
  for (let count = 2; count <= below.length; count += 1) {
    const parts = below.slice(0, count);
    const matches = filled.filter((column) => sumsTo(row, parts, column)).length;
    const share = filled.length ? matches / filled.length : 0;
    if (matches >= 2 && share >= 0.5 && (!best || share >= best.share)) best = { parts, share };
  }
  return best?.parts ?? null;
}

/** Whether the parts' printed figures add up to the row's within rounding (n parts: n/2 units of the last digit). */
function sumsTo(row: EconomicRow, parts: EconomicRow[], column: EconomicColumn): boolean {
  const total = figureValue(row.cells[column.key]);
  const values = parts.map((part) => figureValue(part.cells[column.key])).filter((value): value is Decimal => value !== null);
  if (total === null || values.length === 0) return false;
  const sum = values.reduce((a, b) => a.plus(b), new Decimal(0));
  const digits = Math.max(total.decimalPlaces(), ...values.map((value) => value.decimalPlaces()));
  return sum.minus(total).abs().lte(new Decimal(10).pow(-digits).times(values.length).dividedBy(2));
}

/** Costs printed negative when most printed costs are below zero; else positive (a net cost printed as a positive amount). */
function costSignOf(rows: EconomicRow[], columns: EconomicColumn[]): CostSign {
  const costs = columns.filter((column) => column.measure === 'costs' || column.measure === 'net' || column.measure === 'budget');
  const values = rows.flatMap((row) => costs.map((column) => figureValue(row.cells[column.key]))).filter((value): value is Decimal => value !== null && !value.isZero());
  const negative = values.filter((value) => value.isNegative()).length;
  return values.length && negative * 2 < values.length ? 'positive' : 'negative';
}

/**
 * The net and deviation relations the columns allow, period by period: a net where income, costs
 * and net are printed; a deviation against the outcome and budget of its period, taken the way
 * the printed figures bear out (outcome − budget or budget − outcome).
 */
function relationsOf(table: BudgetTable): EconomicRelation[] {
  const relations: EconomicRelation[] = [];
  const periods = [...new Set(table.columns.map((column) => column.period).filter((period): period is string => period !== undefined))];
  const find = (measure: EconomicMeasure, period: string) => table.columns.find((column) => column.measure === measure && column.period === period && column.unit === undefined);
  for (const period of periods) {
    const [income, costs, net] = [find('income', period), find('costs', period), find('net', period)];
    if (income && costs && net) relations.push({ kind: 'net', axis: 'columns', target: net.key, income: income.key, costs: costs.key });
    const deviation = find('deviation', period);
    const outcome = net ?? find('actual', period);
    const budget = find('budget', period);
    if (deviation && outcome && budget) relations.push({ kind: 'deviation', axis: 'columns', target: deviation.key, outcome: outcome.key, budget: budget.key, order: orderOf(table, deviation, outcome, budget) });
  }
  return relations;
}

function orderOf(table: BudgetTable, deviation: EconomicColumn, outcome: EconomicColumn, budget: EconomicColumn): DeviationOrder {
  let votes = 0;
  for (const row of table.rows) {
    const [d, o, b] = [deviation, outcome, budget].map((column) => figureValue(row.cells[column.key]));
    if (!d || !o || !b || d.isZero()) continue;
    votes += o.minus(b).minus(d).abs().lt(b.minus(o).minus(d).abs()) ? 1 : -1;
  }
  return votes >= 0 ? 'outcome-minus-budget' : 'budget-minus-outcome';
}
