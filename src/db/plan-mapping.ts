/**
 * How a plan file maps onto stored items and figures, and back. Pure: no SQL here, so the
 * round trip (file → rows → file) can be tested on its own.
 */
import { cellMeaning, columnScenario } from '../domain/economy/table.ts';
import { TOTAL_ROW } from '../domain/figure-table.ts';
import { parseFigure } from '../domain/figure.ts';
import type { Column, PlanFile } from '../domain/plan.ts';
import { planParts } from '../domain/plan-parts.ts';
import { goalDetailItems } from './goal-detail-mapping.ts';

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

/** Splits a plan's parts (all, or some: one item being written) into items without figures and figure rows. */
export function toItemsAndFigures(plan: Partial<PlanFile>): { items: ItemRow[]; figures: FigureRow[] } {
  const items: ItemRow[] = [];
  for (const { field, type } of singletons) {
    const value = plan[field];
    if (value) items.push({ itemType: type, key: 'main', position: 0, data: value as Record<string, unknown> });
  }
  for (const { field, itemType: type, keyOf } of collections) {
    ((plan[field] ?? []) as Array<Record<string, unknown>>).forEach((item, position) => {
      items.push({ itemType: type, key: keyOf(item), position, data: stripFigures(type, item) });
    });
  }
  // What the plan says of its goals beyond the shared goal (kind, description, links, assessments).
  items.push(...goalDetailItems(plan.goals ?? []));
  const figures = [
    ...(plan.indicators ?? []).flatMap(indicatorFigures),
    ...(plan.volumeTables ?? []).flatMap((table) =>
      tableFigures('volume-table', table, table.rows.map((row) => ({ rowKey: row.key, series: row.measure, unit: row.unit ?? null, cells: row.cells }))),
    ),
    ...(plan.budgetTables ?? []).flatMap(budgetTableFigures),
    ...(plan.capitalBudgets ?? []).flatMap((table) => {
      const rows: CellRow[] = table.rows.map((row) => ({ rowKey: row.key, series: null, unit: table.unit, cells: row.cells }));
      if (table.total) rows.push({ rowKey: TOTAL_ROW, series: null, unit: table.unit, cells: table.total.cells });
      return tableFigures('capital-budget', table, rows);
    }),
  ];
  return { items, figures };
}

function stripFigures(type: string, item: Record<string, unknown>): Record<string, unknown> {
  switch (type) {
    case 'indicator': {
      // The figures go to `figures`; what an actual carries beside its text (manual status and
      // its justification, a reference value) stays with the indicator, per period.
      const { targets, actuals, ...rest } = item;
      const details = Object.fromEntries(
        (actuals as Array<Record<string, unknown>>)
          .map(({ period, text: _text, source: _source, ...extra }) => [period, extra] as const)
          .filter(([, extra]) => Object.keys(extra).length > 0),
      );
      // A target's own letter ("A)") stays with the indicator too, per year.
      const labels = Object.fromEntries((targets as Array<{ year: number; label?: string }>).flatMap((target) => (target.label === undefined ? [] : [[String(target.year), target.label] as const])));
      return {
        ...rest,
        ...(Object.keys(details).length ? { actualDetails: details } : {}),
        ...(Object.keys(labels).length ? { targetLabels: labels } : {}),
      };
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

function tableFigures(type: string, table: { key: string; columns: Column[] }, rows: CellRow[]): FigureRow[] {
  const out: FigureRow[] = [];
  for (const row of rows) {
    table.columns.forEach((column, position) => {
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

/**
 * An economic table's cells as figures: each keeps its row key, the measure (kind) and period of
 * its column, and a series that follows the unit's line across plans: "ifo:income" for Timrå's
 * income row, "aldreomsorg:net" for a unit's net. A row without a node has no series.
 */
function budgetTableFigures(table: PlanFile['budgetTables'][number]): FigureRow[] {
  return table.rows.flatMap((row) =>
    table.columns.flatMap((column, position): FigureRow[] => {
      const printed = row.cells[column.key];
      if (printed === undefined) return [];
      const figure = parseFigure(printed);
      const meaning = cellMeaning(row, column);
      const node = row.node ?? table.node;
      return [
        {
          itemType: 'budget-table',
          itemKey: table.key,
          rowKey: row.key,
          series: node && meaning.line ? `${node}:${meaning.line}` : null,
          columnKey: column.key,
          period: column.period ?? null,
          kind: columnScenario(column),
          asOf: column.asOf ?? null,
          unit: column.unit ?? table.unit,
          printed,
          value: figure.value?.toFixed() ?? null,
          form: figure.form,
          position,
          statedSource: null,
        },
      ];
    }),
  );
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

type Data = Record<string, unknown>;

function withFigures(type: string, key: string, data: Data, index: FigureIndex): Data {
  const rowsWithCells = () => (data.rows as Data[]).map((row) => ({ ...row, cells: cellsOf(index, type, key, String(row.key)) }));
  switch (type) {
    case 'indicator': {
      const { actualDetails, targetLabels, ...rest } = data as Data & { actualDetails?: Record<string, Data>; targetLabels?: Record<string, string> };
      return {
        ...rest,
        targets: (index.get(`indicator|${key}|target`) ?? []).map((f) => ({
          year: Number(f.columnKey),
          text: f.printed,
          ...(targetLabels?.[f.columnKey] !== undefined ? { label: targetLabels[f.columnKey] } : {}),
        })),
        actuals: (index.get(`indicator|${key}|actual`) ?? []).map((f) => ({
          period: f.columnKey,
          text: f.printed,
          ...(f.statedSource ? { source: f.statedSource } : {}),
          ...(actualDetails?.[f.columnKey] ?? {}),
        })),
      };
    }
    case 'volume-table':
    case 'budget-table':
      return { ...data, rows: rowsWithCells() };
    case 'capital-budget': {
      const total = data.total as Data | null | undefined;
      return { ...data, rows: rowsWithCells(), ...(total ? { total: { ...total, cells: cellsOf(index, type, key, TOTAL_ROW) } } : {}) };
    }
    default:
      return data;
  }
}
