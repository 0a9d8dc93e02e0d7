/**
 * How a plan file maps onto stored items and figures, and back. Pure: no SQL here, so the
 * round trip (file → rows → file) can be tested on its own.
 */
import { TOTAL_ROW } from '../domain/figure-table.ts';
import { parseFigure } from '../domain/figure.ts';
import type { PlanFile } from '../domain/plan.ts';
import { planParts } from '../domain/plan-parts.ts';

export interface ItemRow {
  itemType: string;
  key: string;
  position: number;
  data: Record<string, unknown>;
}

export interface FigureRow {
  itemType: string;
  itemKey: string;
  rowKey: string;
  series: string | null;
  columnKey: string;
  period: string | null;
  kind: string;
  asOf: string | null;
  unit: string | null;
  printed: string;
  value: string | null;
  form: string;
  position: number;
  statedSource: string | null;
}

/** Plan parts kept as items (goals live in goals/goal_texts), in the order of the plan file. */
const collections = planParts.filter((part) => part.field !== 'goals');

const singletons = [
  { field: 'vision', type: 'vision' },
  { field: 'indicatorTable', type: 'indicator-table' },
  { field: 'strategyTable', type: 'strategy-table' },
] as const;

/** Splits a plan's parts into items (without figures) and figure rows. */
export function toItemsAndFigures(plan: PlanFile): { items: ItemRow[]; figures: FigureRow[] } {
  const items: ItemRow[] = [];
  const figures: FigureRow[] = [];
  for (const { field, type } of singletons) {
    const value = plan[field];
    if (value) items.push({ itemType: type, key: 'main', position: 0, data: value as Record<string, unknown> });
  }
  for (const { field, itemType: type, keyOf } of collections) {
    (plan[field] as unknown[]).forEach((item, position) => {
      const key = keyOf(item as Record<string, unknown>);
      items.push({ itemType: type, key, position, data: stripFigures(type, item as Record<string, unknown>) });
      figures.push(...figuresOf(type, item as any));
    });
  }
  return { items, figures };
}

function stripFigures(type: string, item: Record<string, unknown>): Record<string, unknown> {
  switch (type) {
    case 'indicator': {
      // The figures go to `figures`; what an actual carries beside its text (manual status and
      // its justification, a reference value) stays with the indicator, per period.
      const { targets: _t, actuals, ...rest } = item;
      const details = Object.fromEntries(
        (actuals as Array<Record<string, unknown>>)
          .map(({ period, text: _text, source: _source, ...extra }) => [period, extra] as const)
          .filter(([, extra]) => Object.keys(extra).length > 0),
      );
      return Object.keys(details).length ? { ...rest, actualDetails: details } : rest;
    }
    case 'volume-table':
    case 'budget-table':
    case 'capital-budget': {
      const rows = (item.rows as Array<Record<string, unknown>>).map(({ cells: _c, ...row }) => row);
      const copy: Record<string, unknown> = { ...item, rows };
      if (type === 'capital-budget' && item.total) {
        const { cells: _c, ...total } = item.total as Record<string, unknown>;
        copy.total = total;
      }
      return copy;
    }
    default:
      return item;
  }
}

function figuresOf(type: string, item: any): FigureRow[] {
  switch (type) {
    case 'indicator':
      return indicatorFigures(item);
    case 'volume-table':
      return tableFigures(type, item, item.rows.map((row: any) => ({ rowKey: row.key, series: row.measure, unit: row.unit ?? null, cells: row.cells })));
    case 'budget-table':
      return tableFigures(type, item, item.rows.map((row: any) => ({ rowKey: row.line, series: `${item.node}:${row.line}`, unit: item.unit, cells: row.cells })));
    case 'capital-budget': {
      const rows = item.rows.map((row: any) => ({ rowKey: row.key, series: null, unit: item.unit, cells: row.cells }));
      if (item.total) rows.push({ rowKey: TOTAL_ROW, series: null, unit: item.unit, cells: item.total.cells });
      return tableFigures(type, item, rows);
    }
    default:
      return [];
  }
}

function indicatorFigures(indicator: PlanFile['indicators'][number]): FigureRow[] {
  const base = { itemType: 'indicator', itemKey: indicator.key, series: indicator.key, asOf: null, unit: indicator.unit ?? null };
  const targets = indicator.targets.map((target, position): FigureRow => ({
    ...base,
    rowKey: 'target',
    columnKey: String(target.year),
    period: String(target.year),
    kind: 'target',
    printed: target.text,
    value: null, // a target is a typed value parsed from its text, not a number (domain/target.ts)
    form: 'target',
    position,
    statedSource: null,
  }));
  const actuals = indicator.actuals.map((actual, position): FigureRow => {
    const figure = parseFigure(actual.text);
    return {
      ...base,
      rowKey: 'actual',
      columnKey: actual.period,
      period: actual.period,
      kind: 'actual',
      printed: actual.text,
      value: figure.value?.toFixed() ?? null,
      form: figure.form,
      position,
      statedSource: actual.source ?? null,
    };
  });
  return [...targets, ...actuals];
}

interface CellRow {
  rowKey: string;
  series: string | null;
  unit: string | null;
  cells: Record<string, string>;
}

function tableFigures(type: string, table: any, rows: CellRow[]): FigureRow[] {
  const out: FigureRow[] = [];
  for (const row of rows) {
    table.columns.forEach((column: PlanFile['volumeTables'][number]['columns'][number], position: number) => {
      const printed = row.cells[column.key];
      if (printed === undefined) return;
      const figure = parseFigure(printed);
      out.push({
        itemType: type,
        itemKey: table.key,
        rowKey: row.rowKey,
        series: row.series,
        columnKey: column.key,
        period: column.period ?? null,
        kind: column.kind,
        asOf: column.asOf ?? null,
        unit: row.unit,
        printed,
        value: figure.value?.toFixed() ?? null,
        form: figure.form,
        position,
        statedSource: null,
      });
    });
  }
  return out;
}

/** Puts stored items and figures back together into the plan's parts. */
export function fromItemsAndFigures(items: ItemRow[], figureRows: FigureRow[]): Partial<PlanFile> {
  const cells = indexFigures(figureRows);
  const out: Record<string, unknown> = {};
  for (const { field, type } of singletons) {
    out[field] = items.find((item) => item.itemType === type)?.data ?? null;
  }
  for (const { field, itemType: type } of collections) {
    out[field] = items
      .filter((item) => item.itemType === type)
      .sort((a, b) => a.position - b.position)
      .map((item) => withFigures(type, item.key, structuredClone(item.data), cells));
  }
  return out as Partial<PlanFile>;
}

type FigureIndex = Map<string, FigureRow[]>;

function indexFigures(rows: FigureRow[]): FigureIndex {
  const index: FigureIndex = new Map();
  for (const row of [...rows].sort((a, b) => a.position - b.position)) {
    const id = `${row.itemType}|${row.itemKey}|${row.rowKey}`;
    index.set(id, [...(index.get(id) ?? []), row]);
  }
  return index;
}

function cellsOf(index: FigureIndex, type: string, itemKey: string, rowKey: string): Record<string, string> {
  const cells: Record<string, string> = {};
  for (const figure of index.get(`${type}|${itemKey}|${rowKey}`) ?? []) cells[figure.columnKey] = figure.printed;
  return cells;
}

function withFigures(type: string, key: string, data: any, index: FigureIndex): unknown {
  switch (type) {
    case 'indicator':
      data.targets = (index.get(`indicator|${key}|target`) ?? []).map((f) => ({ year: Number(f.columnKey), text: f.printed }));
      data.actuals = (index.get(`indicator|${key}|actual`) ?? []).map((f) => ({
        period: f.columnKey,
        text: f.printed,
        ...(f.statedSource ? { source: f.statedSource } : {}),
        ...(data.actualDetails?.[f.columnKey] ?? {}),
      }));
      delete data.actualDetails;
      return data;
    case 'volume-table':
      data.rows = data.rows.map((row: any) => ({ ...row, cells: cellsOf(index, type, key, row.key) }));
      return data;
    case 'budget-table':
      data.rows = data.rows.map((row: any) => ({ ...row, cells: cellsOf(index, type, key, row.line) }));
      return data;
    case 'capital-budget':
      data.rows = data.rows.map((row: any) => ({ ...row, cells: cellsOf(index, type, key, row.key) }));
      if (data.total) data.total = { ...data.total, cells: cellsOf(index, type, key, TOTAL_ROW) };
      return data;
    default:
      return data;
  }
}
