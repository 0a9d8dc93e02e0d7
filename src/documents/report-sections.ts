/**
 * The parts of a follow-up report, each a pure function of the plan and the domain's follow-up
 * results: the scorecard (domain/status.ts), the forecasts (domain/forecast-plan.ts) and the
 * deviations (domain/deviations.ts). Nothing here decides a status or computes a forecast.
 */
import { Decimal } from 'decimal.js';
import type { Deviation, DeviationList } from '../domain/deviations.ts';
import { deviationFromBudget, deviationPercent, yearColumn, type BudgetForecast, type PlanForecast } from '../domain/forecast-plan.ts';
import { figureValue } from '../domain/figure.ts';
import { formatAmount, formatPeriod } from '../domain/format.ts';
import { isYearPeriod, yearOf } from '../domain/period.ts';
import { statusOfAssessment, type GoalAssessment } from '../domain/goal-assessment.ts';
import type { GoalAssessmentScale, PlanFile } from '../domain/plan.ts';
import { statusWord, type Status } from '../domain/status-band.ts';
import type { Scorecard } from '../domain/status.ts';
import { volumeDeviations } from '../domain/volume-deviations.ts';
import { parseRich, richPlain } from './rich.ts';
import { legendNotes } from './status-legend.ts';
import { figureCell, maxPortraitColumns, textCell, type Block, type Cell, type TableBlock, type TableColumn, type TableRow } from './view-model.ts';

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function statusCell(status: Status): Cell {
  return textCell(capitalised(statusWord(status)), { status });
}

function table(options: Omit<TableBlock, 'kind' | 'footnotes' | 'notes' | 'wide'> & { notes?: TableBlock['notes'] }): TableBlock {
  return { kind: 'table', footnotes: [], notes: [], wide: options.columns.length > maxPortraitColumns, ...options };
}

const kinds = (...list: Array<TableColumn['kind']>): TableColumn[] => list.map((kind) => ({ kind }));

/** Per indicator: target, outcome, status and the explanation of the status, with the legend of the plan's rule. */
export function indicatorTable(card: Scorecard): TableBlock[] {
  if (card.indicators.length === 0) return [];
  const year = yearOf(card.period);
  const body: TableRow[] = card.indicators.map((indicator) => ({
    role: 'data',
    cells: [textCell(`${indicator.number} ${indicator.name}`.trim()), figureCell(indicator.target ?? ''), figureCell(indicator.actual ?? ''), statusCell(indicator.status), textCell(indicator.explanation)],
  }));
  return [
    table({
      id: 'uppfoljning-styrtal',
      title: `Styrtal ${formatPeriod(card.period)}`,
      columns: kinds('label', 'figure', 'figure', 'label', 'text'),
      header: [[textCell('Styrtal'), textCell(`Målvärde ${year}`), textCell(`Utfall ${formatPeriod(card.period)}`), textCell('Status'), textCell('Förklaring')]],
      body,
      notes: legendNotes(card.statusRule, card.indicators.map((indicator) => indicator.status)),
    }),
  ];
}

/**
 * Per goal with measured indicators: the rolled-up status and why; where the plan assesses its
 * goals (a scale, or assessments by hand), each goal's assessment in the plan's words with its comment.
 */
export function goalTable(card: Scorecard, scale?: GoalAssessmentScale): TableBlock[] {
  if (card.assessments) return assessmentTable(card.assessments, card.period, scale);
  if (card.goals.length === 0) return [];
  return [
    table({
      id: 'uppfoljning-mal',
      title: `Mål ${formatPeriod(card.period)}`,
      columns: kinds('label', 'label', 'text'),
      header: [[textCell('Mål'), textCell('Status'), textCell('Förklaring')]],
      body: card.goals.map((goal) => ({ role: 'data', cells: [textCell([goal.number, goal.text].filter(Boolean).join(' ')), statusCell(goal.status), textCell(goal.explanation)] })),
    }),
  ];
}

function assessmentTable(assessments: GoalAssessment[], period: string, scale: GoalAssessmentScale | undefined): TableBlock[] {
  if (assessments.length === 0) return [];
  const comments = assessments.some((assessment) => assessment.comment !== undefined);
  return [
    table({
      id: 'uppfoljning-mal',
      title: `Mål ${formatPeriod(period)}`,
      columns: kinds('label', 'label', 'text', ...(comments ? (['text'] as const) : [])),
      header: [[textCell('Mål'), textCell(scale?.heading ?? 'Bedömning'), textCell('Förklaring'), ...(comments ? [textCell('Kommentar')] : [])]],
      body: assessments.map((assessment) => ({
        role: 'data',
        cells: [
          textCell([assessment.number, assessment.text].filter(Boolean).join(' ')),
          textCell(assessment.label, { status: statusOfAssessment(assessment.status) }),
          textCell(assessment.explanation),
          ...(comments ? [richText(assessment.comment)] : []),
        ],
      })),
    }),
  ];
}

function richText(html: string | undefined): Cell {
  const rich = parseRich(html);
  return { text: richPlain(rich), rich, numeric: false };
}

/**
 * Volumes against plan: every row with a plan and an outcome for the period, as the deviation
 * rule measures them (domain/volume-deviations.ts, asked with no tolerance so that every row is
 * listed), marked red or yellow when the deviation list has it.
 */
export function volumeTables(plan: PlanFile, period: string, deviations: DeviationList): TableBlock[] {
  const compared = new Map(volumeDeviations(plan, period, -1).map((finding) => [finding.subject, finding]));
  const flagged = new Map(deviations.deviations.filter((d) => d.kind === 'volume').map((d) => [d.subject, d]));
  return plan.volumeTables.flatMap((volumes) => {
    const measuredColumn = volumes.columns.find((column) => column.kind === 'actual' && column.period === period);
    const rows = volumes.rows.filter((row) => compared.has(row.key) || (measuredColumn && figureValue(row.cells[measuredColumn.key]) !== null));
    if (rows.length === 0) return [];
    const body: TableRow[] = rows.map((row) => {
      const finding = compared.get(row.key);
      if (!finding) {
        // An outcome without a plan to measure it against: shown as printed, nothing compared.
        const planColumn = yearColumn(volumes.columns, yearOf(period), ['plan', 'budget'], row.cells);
        const planText = planColumn ? row.cells[planColumn.key] ?? '' : '';
        return { role: 'data', cells: [textCell(row.label), figureCell(planText), figureCell(row.cells[measuredColumn!.key]), textCell(''), textCell(''), textCell('Plan saknas'), textCell(`${measuredColumn!.label} ${formatPeriod(period).split(' ')[1] ?? ''}`.trim())] };
      }
      const flag = flagged.get(row.key);
      return {
        role: 'data',
        cells: [
          textCell(row.label),
          figureCell(finding.planned ?? ''),
          figureCell(finding.actual ?? ''),
          figureCell(finding.difference ?? ''),
          figureCell(finding.percent === null ? '' : `${finding.percent} %`),
          flag ? statusCell(flag.severity) : textCell('Inom tolerans'),
          textCell(finding.explanation),
        ],
      };
    });
    return [
      table({
        id: `uppfoljning-${volumes.key}`,
        title: `${volumes.caption} – utfall mot plan ${formatPeriod(period)}`,
        columns: kinds('label', 'figure', 'figure', 'figure', 'figure', 'label', 'text'),
        header: [[textCell(volumes.caption), textCell(`Plan ${yearOf(period)}`), textCell('Utfall'), textCell('Avvikelse'), textCell('Avvikelse %'), textCell('Bedömning'), textCell('Hur det mäts')]],
        body,
        notes: [{ kind: 'paragraph', runs: [{ text: `Tolerans: ${deviations.tolerances.volumePercent} % av planen för perioden (gul), dubbelt så mycket röd.` }] }],
      }),
    ];
  });
}

/**
 * The operating budget per unit and line: budget, outcome so far, the outcome or forecast the
 * year is measured by, and its deviation from budget in figures and per cent (positive is better
 * than budget, whichever way the table prints costs). Where the table prints a deviation of its
 * own that differs from the computed one, it stands beside it.
 */
export function budgetTable(plan: PlanFile, forecast: PlanForecast, deviations: DeviationList, period = forecast.asOf): TableBlock[] {
  const lines = forecast.budgets.filter((line) => line.budget !== null || line.entered.length > 0 || line.computed !== null);
  if (lines.length === 0) return [];
  const flagged = new Map(deviations.deviations.filter((d) => d.kind === 'budget').map((d) => [`${d.subject}:${d.rowKey}:${d.line}`, d]));
  const measured = lines.map((line) => ({ line, compared: comparedAmount(line, period) }));
  const differing = measured.some(({ line, compared }) => printedDiffers(line, compared));
  const soFar = lines.some((line) => line.computed?.soFar.value);
  const units = new Set(lines.map((line) => line.unit));
  const width = 7 + (soFar ? 1 : 0) + (differing ? 1 : 0);
  const body: TableRow[] = [];
  let current = '';
  for (const { line, compared } of measured) {
    if (line.tableKey !== current) {
      current = line.tableKey;
      const title = units.size > 1 ? `${line.title} (${line.unit})` : line.title;
      body.push({ role: 'group', cells: [textCell(title, { bold: true, colSpan: width })] });
    }
    const money = (value: Decimal) => formatAmount(value.toDecimalPlaces(line.decimals ?? 0), line.decimals === null ? {} : { decimals: line.decimals });
    const budget = line.budget?.value ?? null;
    const deviation = compared && budget ? deviationFromBudget(line, compared.value, budget) : null;
    const percent = deviation && budget ? deviationPercent(deviation, budget) : null;
    const flag = flagged.get(`${line.tableKey}:${line.rowKey}:${line.line}`);
    const total = line.line === 'net';
    body.push({
      role: total ? 'total' : 'data',
      cells: [
        textCell(line.label, { bold: total }),
        figureCell(line.budget?.text ?? ''),
        ...(soFar ? [figureCell(line.computed?.soFar.value ? money(line.computed.soFar.value) : '')] : []),
        figureCell(compared?.text ?? ''),
        textCell(compared?.label ?? ''),
        figureCell(deviation ? money(deviation) : ''),
        figureCell(percent ? formatAmount(percent, { unit: '%', decimals: 1 }) : ''),
        ...(differing ? [figureCell(printedDiffers(line, compared) ? line.printedDeviation!.text : '')] : []),
        flag ? statusCell(flag.severity) : textCell(deviation ? 'Inom tolerans' : ''),
      ],
    });
  }
  const unit = units.size === 1 ? [...units][0]! : 'olika enheter';
  const header = [
    textCell(`Resultaträkning, ${unit}`),
    textCell(`Budget ${forecast.year}`),
    ...(soFar ? [textCell('Utfall hittills')] : []),
    textCell('Utfall eller prognos helår'),
    textCell('Källa'),
    textCell('Avvikelse mot budget'),
    textCell('Avvikelse %'),
    ...(differing ? [textCell('Angiven avvikelse')] : []),
    textCell('Bedömning'),
  ];
  const columns = kinds('label', 'figure', ...(soFar ? (['figure'] as const) : []), 'figure', 'label', 'figure', 'figure', ...(differing ? (['figure'] as const) : []), 'label');
  const notes = [`Avvikelse = utfall eller prognos mot budget; positivt är bättre än budget. Tolerans: ${deviations.tolerances.budgetPercent} % av budgeterade kostnader (gul), dubbelt så mycket röd.`];
  if (differing) notes.push('Angiven avvikelse: den avvikelse tabellen själv anger, där den skiljer sig från den beräknade.');
  return [
    table({
      id: 'uppfoljning-driftbudget',
      title: `Driftbudget ${forecast.year} – prognos ${formatPeriod(forecast.asOf)}`,
      columns,
      header: [header],
      body,
      notes: notes.map((text) => ({ kind: 'paragraph', runs: [{ text }] })),
    }),
  ];
}

/**
 * What a line is measured by for the period: the year's outcome when a whole year is followed up,
 * else the latest forecast entered, else the computed run-rate forecast.
 */
function comparedAmount(line: BudgetForecast, period: string): { text: string; value: Decimal; label: string } | null {
  if (isYearPeriod(period) && line.outcome?.value) return { text: line.outcome.text, value: line.outcome.value, label: line.outcome.columnLabel };
  const entered = line.entered.filter((cell) => cell.value !== null).at(-1);
  if (entered) return { text: entered.text, value: entered.value!, label: entered.columnLabel };
  const runRate = line.computed?.methods.find((method) => method.method === 'run-rate')?.value;
  return runRate ? { text: formatAmount(runRate.toDecimalPlaces(line.decimals ?? 0)), value: runRate, label: 'Beräknad (takt hittills)' } : null;
}

/** Whether the table prints a deviation for the line that is not the one its outcome and budget give (at its printed precision). */
function printedDiffers(line: BudgetForecast, compared: { value: Decimal } | null): boolean {
  const printed = line.printedDeviation?.value;
  const budget = line.budget?.value;
  if (!printed || !compared || !budget) return false;
  const computed = deviationFromBudget(line, compared.value, budget).toDecimalPlaces(line.decimals ?? printed.decimalPlaces());
  return !computed.equals(printed);
}

const activityStatus: Record<string, string> = { 'not-started': 'Ej påbörjad', ongoing: 'Pågår', done: 'Klar', paused: 'Pausad', cancelled: 'Avbruten' };

/** Activities with their status. */
export function activityTable(plan: PlanFile): TableBlock[] {
  if (plan.activities.length === 0) return [];
  const tables = new Map(plan.activityTables.map((t) => [t.key, t]));
  return [
    table({
      id: 'uppfoljning-aktiviteter',
      title: 'Aktiviteter',
      columns: kinds('label', 'label', 'label', 'label'),
      header: [[textCell('Aktivitet'), textCell('Typ'), textCell('Tillhör verksamhet'), textCell('Status')]],
      body: plan.activities.map((activity) => ({
        role: 'data',
        cells: [textCell(activity.name), textCell(tables.get(activity.table)?.caption ?? ''), textCell(activity.serviceArea ?? ''), textCell(activity.status ? activityStatus[activity.status]! : 'Ej angiven')],
      })),
    }),
  ];
}

/** Every deviation of the period, worst first. */
export function deviationTable(list: DeviationList): TableBlock[] {
  if (list.deviations.length === 0) return [];
  return [
    table({
      id: 'uppfoljning-avvikelser',
      title: `Avvikelser ${formatPeriod(list.period)}`,
      columns: kinds('label', 'label', 'text', 'label'),
      header: [[textCell('Avvikelse'), textCell('Bedömning'), textCell('Förklaring'), textCell('Ansvarig')]],
      body: list.deviations.map((deviation: Deviation) => ({
        role: 'data',
        cells: [textCell(deviation.label), statusCell(deviation.severity), textCell(deviation.explanation), textCell(deviation.responsible ?? '')],
      })),
    }),
  ];
}

/** The analyses entered for the period, each under what it analyses. */
export function analysisBlocks(plan: PlanFile, period: string): Block[] {
  const subjects = new Map<string, string>([
    ...plan.indicators.map((i): [string, string] => [i.key, `${i.number} ${i.name}`]),
    ...plan.volumeTables.flatMap((t) => t.rows.map((r): [string, string] => [r.key, r.label])),
    ...plan.budgetTables.map((t): [string, string] => [t.key, t.heading ?? plan.organisation.find((n) => n.key === t.node)?.name ?? t.caption]),
    ...plan.goals.map((g): [string, string] => [g.key, [g.number, g.text].filter(Boolean).join(' ')]),
  ]);
  return plan.analyses
    .filter((analysis) => analysis.period === period)
    .flatMap((analysis): Block[] => [
      { kind: 'heading', id: `analys-${analysis.key}`, text: subjects.get(analysis.subject) ?? analysis.subject, level: 1, toc: false },
      { kind: 'text', content: parseRich(analysis.text) },
      ...(analysis.author ? [{ kind: 'text' as const, style: 'note' as const, content: [{ kind: 'paragraph' as const, runs: [{ text: `Analys: ${analysis.author}` }] }] }] : []),
    ]);
}
