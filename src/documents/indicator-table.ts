/**
 * The indicator table of a plan document (styrtal): the columns the section asks for
 * (`section.indicatorColumns`: outcome and target years, how, how often and by whom it is
 * measured) or, without them, the plan's own table (target years and the committee it applies
 * to, as Timrå prints it). Group rows name the perspective only as the plan prints it; the
 * outcomes of a year are broken down by gender, provider or age below the total when the plan
 * has breakdowns. Outcomes of indicators that refer to a measure come from the measure.
 */
import { breakdownGroups, breakdownText } from '../domain/breakdown.ts';
import { withMeasureOutcomes } from '../domain/measures.ts';
import type { Indicator, IndicatorColumn, PlanFile, Section } from '../domain/plan.ts';
import { legendNotes } from './status-legend.ts';
import { figureCell, maxPortraitColumns, textCell, type Cell, type Footnote, type TableBlock, type TableColumn, type TableRow } from './view-model.ts';

export interface IndicatorTableContext {
  plan: PlanFile;
  footnote(mark: string | undefined): Footnote | undefined;
}

/** The table of the indicators a section includes, or nothing when it includes none. */
export function indicatorTableBlock(section: Section, ctx: IndicatorTableContext, selected: Indicator[]): TableBlock | null {
  if (selected.length === 0) return null;
  const keys = new Set(selected.map((indicator) => indicator.key));
  // Outcomes from measures (domain/measures.ts), for the indicators the section shows.
  const indicators = withMeasureOutcomes(ctx.plan).indicators.filter((indicator) => keys.has(indicator.key));
  const byKey = new Map(indicators.map((indicator) => [indicator.key, indicator]));
  const ordered = selected.map((indicator) => byKey.get(indicator.key)!);
  return section.indicatorColumns ? chosenColumnsTable(section, ctx, ordered, section.indicatorColumns) : planTable(section, ctx, ordered);
}

/** Today's table: the plan's target years and, when the plan has it, the committee each indicator applies to. */
function planTable(section: Section, ctx: IndicatorTableContext, indicators: Indicator[]): TableBlock {
  const spec = ctx.plan.indicatorTable;
  const years = spec?.years.length ? spec.years : [...new Set(indicators.flatMap((i) => i.targets.map((t) => t.year)))].sort();
  const yearMarks = years.map((year) => spec?.yearFootnotes[String(year)]);
  // The "Nämnd" column only where the plan has one: its table names it, or an indicator says whom it applies to.
  const appliesTo = spec !== null || indicators.some((indicator) => indicator.appliesTo !== undefined);
  const header: Cell[] = [
    textCell(spec?.caption ?? 'Styrtal', spec?.captionFootnote ? { mark: spec.captionFootnote } : {}),
    ...years.map((year, index) => textCell(String(year), yearMarks[index] ? { mark: yearMarks[index]! } : {})),
    ...(appliesTo ? [textCell(spec?.appliesToCaption ?? 'Nämnd')] : []),
  ];
  const body = withGroupRows(ctx.plan, indicators, header.length, (indicator) => [
    [
      textCell(`${indicator.number} ${indicator.name}`),
      ...years.map((year) => targetCell(indicator, year)),
      ...(appliesTo ? [textCell(indicator.appliesTo ?? '')] : []),
    ],
  ]);
  return {
    kind: 'table',
    id: `${section.key}-tabell`,
    title: spec?.caption ?? 'Styrtal',
    columns: [{ kind: 'label' }, ...years.map(() => ({ kind: 'text' as const })), ...(appliesTo ? [{ kind: 'label' as const }] : [])], // targets are mostly words
    header: [header],
    body,
    footnotes: footnotesOf(ctx, [spec?.captionFootnote, ...yearMarks]),
    // A plan prints the legend of its status rule only when it has one: the demo prints as before.
    notes: ctx.plan.plan.statusRule ? legendNotes(ctx.plan.plan.statusRule, []) : [],
    wide: header.length > maxPortraitColumns,
  };
}

const DEFAULT_HEADINGS: Record<Exclude<IndicatorColumn['kind'], 'target' | 'outcome'>, string> = {
  measurement: 'Mätning',
  method: 'Mätmetod',
  frequency: 'Mäts',
  responsible: 'Ansvarig',
  'applies-to': 'Nämnd',
  unit: 'Enhet',
  measure: 'Mått',
};

/** The columns the section chose ("Utfall 2021 | Utfall 2022 | Målvärde 2023 | Utfall 2023"), with breakdown rows below an outcome. */
function chosenColumnsTable(section: Section, ctx: IndicatorTableContext, indicators: Indicator[], columns: IndicatorColumn[]): TableBlock {
  const spec = ctx.plan.indicatorTable;
  const header: Cell[] = [textCell(spec?.caption ?? 'Styrtal'), ...columns.map((column) => textCell(headingOf(column)))];
  const body = withGroupRows(ctx.plan, indicators, header.length, (indicator) => {
    const main = [textCell(`${indicator.number} ${indicator.name}`.trim()), ...columns.map((column) => cellOf(ctx.plan, indicator, column))];
    const outcomes = columns.flatMap((column) => (column.kind === 'outcome' ? [actualOf(indicator, column.year)] : []));
    const groups = breakdownGroups(outcomes.map((actual) => actual?.breakdown));
    const parts = groups.map((group) => [
      textCell(group.label),
      ...columns.map((column) => (column.kind === 'outcome' ? figureCell(breakdownText(actualOf(indicator, column.year)?.breakdown, group)) : textCell(''))),
    ]);
    return [main, ...parts];
  });
  return {
    kind: 'table',
    id: `${section.key}-tabell`,
    title: spec?.caption ?? section.heading ?? 'Styrtal',
    columns: [{ kind: 'label' }, ...columns.map((column): TableColumn => ({ kind: column.kind === 'outcome' ? 'figure' : 'text' }))], // targets are mostly words
    header: [header],
    body,
    footnotes: footnotesOf(ctx, [spec?.captionFootnote]),
    notes: ctx.plan.plan.statusRule ? legendNotes(ctx.plan.plan.statusRule, []) : [],
    wide: header.length > maxPortraitColumns,
  };
}

function headingOf(column: IndicatorColumn): string {
  if (column.label !== undefined) return column.label;
  if (column.kind === 'target') return `Målvärde ${column.year}`;
  if (column.kind === 'outcome') return `Utfall ${column.year}`;
  return DEFAULT_HEADINGS[column.kind];
}

function cellOf(plan: PlanFile, indicator: Indicator, column: IndicatorColumn): Cell {
  switch (column.kind) {
    case 'target':
      return targetCell(indicator, column.year);
    case 'outcome':
      return figureCell(actualOf(indicator, column.year)?.text);
    case 'measurement':
      return textCell(indicator.measurement?.text ?? '');
    case 'method':
      return textCell(indicator.measurement?.method ?? indicator.definition ?? '');
    case 'frequency':
      return textCell(indicator.measurement?.frequency ?? '');
    case 'responsible':
      return textCell(indicator.owner ?? indicator.measurement?.responsible ?? '');
    case 'applies-to':
      return textCell(indicator.appliesTo ?? '');
    case 'unit':
      return textCell(indicator.unit ?? '');
    case 'measure':
      return textCell(plan.measures?.find((measure) => measure.key === indicator.measure)?.name ?? '');
  }
}

/** The target of a year as printed, with the plan's own letter before it ("A) 8,3 %"). */
function targetCell(indicator: Indicator, year: number): Cell {
  const target = indicator.targets.find((entry) => entry.year === year);
  if (!target) return figureCell(undefined);
  return target.label ? textCell(`${target.label} ${target.text}`) : figureCell(target.text);
}

function actualOf(indicator: Indicator, year: number) {
  return indicator.actuals.find((actual) => actual.period === String(year));
}

/** The rows of each indicator, with a group row where the perspective changes: its number only where the plan prints it. */
function withGroupRows(plan: PlanFile, indicators: Indicator[], width: number, rowsOf: (indicator: Indicator) => Cell[][]): TableRow[] {
  const body: TableRow[] = [];
  let perspective: number | undefined;
  for (const indicator of indicators) {
    if (indicator.perspective !== undefined && indicator.perspective !== perspective) {
      perspective = indicator.perspective;
      const found = plan.perspectives.find((p) => p.number === perspective);
      if (found) body.push({ role: 'group', cells: [textCell(found.numbered ? `${found.number}. ${found.name}` : found.name, { bold: true, colSpan: width })] });
    }
    for (const cells of rowsOf(indicator)) body.push({ role: 'data', cells });
  }
  return body;
}

function footnotesOf(ctx: IndicatorTableContext, marks: Array<string | undefined>): Footnote[] {
  return marks.map((mark) => ctx.footnote(mark)).filter((note): note is Footnote => note !== undefined);
}
