/**
 * Deviations (avvikelser) of a plan for a period: everything off plan beyond its tolerance —
 * indicators with status red or yellow, volumes against their plan, budget lines' outcome or
 * forecast against the budget — worst first, each with the responsible's analysis for the period
 * and the analyses of earlier periods. Tolerances and ordering in docs/follow-up.md.
 */
import { Decimal } from 'decimal.js';
import { analysesFor } from './analyses.ts';
import type { Deviation, Finding } from './deviation-types.ts';
import { StyrkortError } from './errors.ts';
import { parseFigure } from './figure.ts';
import { deviationFromBudget, forecastPlan, type BudgetForecast } from './forecast-plan.ts';
import { formatAmount, formatPeriod } from './format.ts';
import { isYearPeriod, lastMonth, periodProblem } from './period.ts';
import type { PlanFile } from './plan.ts';
import { printNumber } from './status-band.ts';
import { scorecard, type IndicatorStatus } from './status.ts';
import { parseTarget } from './target.ts';
import { volumeDeviations } from './volume-deviations.ts';

export { analysesFor, analysisKey } from './analyses.ts';
export type { Deviation, DeviationAnalysis, Finding } from './deviation-types.ts';

export interface DeviationList {
  planKey: string;
  period: string;
  tolerances: { volumePercent: number; budgetPercent: number };
  deviations: Deviation[];
}

export interface DeviationOptions {
  period: string;
  /** Per cent of the planned volume beyond which a volume is off plan (yellow; twice that red). Default 5. */
  volumeTolerancePercent?: number;
  /** Per cent of the table's budgeted costs beyond which a budget line is off (yellow; twice that red). Default 2. */
  budgetTolerancePercent?: number;
}

/** Everything off plan for a period (any kind; as of its last month), red before yellow, larger before smaller. */
export function findDeviations(plan: PlanFile, options: DeviationOptions): DeviationList {
  const { period } = options;
  const problem = periodProblem(period);
  if (problem) throw new StyrkortError('validation', problem);
  const tolerances = { volumePercent: options.volumeTolerancePercent ?? 5, budgetPercent: options.budgetTolerancePercent ?? 2 };
  const findings: Finding[] = [
    ...indicatorDeviations(plan, period),
    ...volumeDeviations(plan, period, tolerances.volumePercent),
    ...budgetDeviations(plan, period, tolerances.budgetPercent),
  ];
  findings.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'red' ? -1 : 1) || b.size - a.size || a.label.localeCompare(b.label, 'sv'));
  const deviations = findings.map(({ size: _size, ...finding }) => ({ ...finding, analysis: analysesFor(plan, finding.subject, period) }));
  return { planKey: plan.plan.key, period, tolerances, deviations };
}

function indicatorDeviations(plan: PlanFile, period: string): Finding[] {
  return scorecard(plan, { period })
    .indicators.filter((status) => status.status === 'red' || status.status === 'yellow')
    .map((status) => {
      const indicator = plan.indicators.find((i) => i.key === status.indicatorKey)!;
      const percent = indicatorPercent(status);
      return {
        kind: 'indicator',
        subject: status.indicatorKey,
        label: `${status.number} ${status.name}`,
        period,
        severity: status.status as 'red' | 'yellow',
        planned: status.target,
        actual: status.actual,
        difference: null,
        percent: percent && printNumber(percent.toDecimalPlaces(1)),
        favourable: null,
        explanation: status.explanation,
        responsible: indicator.owner ?? null,
        size: percent?.toNumber() ?? 0,
      };
    });
}

// How far a plain outcome is from a plain target value, in per cent of the target; null for other kinds.
function indicatorPercent(status: IndicatorStatus): Decimal | null {
  if (!status.target || !status.actual || status.manual) return null;
  const target = parseTarget(status.target);
  const bound = target.kind === 'value' || target.kind === 'comparison' ? target.amount.value : target.kind === 'survey-index' ? target.level.value : null;
  const actual = parseFigure(status.actual).value;
  return bound && actual && !bound.isZero() ? actual.minus(bound).abs().dividedBy(bound.abs()).times(100) : null;
}

/**
 * Budget lines against the budget, sized against the table's budgeted costs (its turnover, omslutning):
 * a small income line that doubles must not outrank a cost overrun of millions. A table without a
 * costs budget sizes each line against its own budget.
 */
function budgetDeviations(plan: PlanFile, period: string, tolerancePercent: number): Finding[] {
  const asOf = lastMonth(period);
  const lines = forecastPlan(plan, { asOf }).budgets;
  return lines.flatMap((line): Finding[] => {
    const table = plan.budgetTables.find((t) => t.key === line.tableKey)!;
    const compared = comparedAmount(line, period);
    const budget = line.budget?.value;
    if (!compared || !budget) return [];
    // The turnover is the costs budget of the same unit: its own row's costs, or the costs row of a table of lines (Timrå's).
    const sameUnit = (other: BudgetForecast) => other.tableKey === line.tableKey && (other.rowKey === line.rowKey || table.rows.find((r) => r.key === other.rowKey)?.line !== undefined);
    const costs = lines.find((other) => sameUnit(other) && other.line === 'costs')?.budget?.value;
    const turnover = costs && !costs.isZero() && line.line !== 'costs' ? costs.abs() : null;
    const base = turnover ?? budget.abs();
    const difference = deviationFromBudget(line, compared.value, budget);
    const size = base.isZero() ? (difference.isZero() ? 0 : Infinity) : difference.abs().dividedBy(base).times(100).toNumber();
    if (size <= tolerancePercent) return [];
    const percent = Number.isFinite(size) ? printNumber(new Decimal(size).toDecimalPlaces(1)) : null;
    const money = (value: Decimal) => formatAmount(value, line.decimals === null ? { unit: table.unit } : { unit: table.unit, decimals: line.decimals });
    const way = difference.isPositive() ? 'bättre' : 'sämre';
    const share = percent === null ? 'budget 0' : turnover ? `${percent} % av budgeterade kostnader` : `${percent} %`;
    const node = plan.organisation.find((n) => n.key === (line.node ?? table.node));
    return [
      {
        kind: 'budget',
        subject: table.key,
        label: line.label,
        line: line.line,
        rowKey: line.rowKey,
        period,
        severity: size > 2 * tolerancePercent ? 'red' : 'yellow',
        planned: line.budget!.text,
        actual: compared.text,
        difference: formatAmount(difference, line.decimals === null ? {} : { decimals: line.decimals }),
        percent,
        favourable: difference.isPositive(),
        explanation: `${compared.label} ${money(compared.value)} mot ${line.budget!.columnLabel} ${money(budget)}: ${money(difference.abs())} ${way} än budget (${share})`,
        responsible: node?.name ?? null,
        size,
      },
    ];
  });
}

/** What a budget line is measured by: the year's accounts, else the latest forecast entered, else the run-rate forecast. */
function comparedAmount(line: BudgetForecast, period: string): { label: string; text: string; value: Decimal } | null {
  const actual = isYearPeriod(period) ? line.outcome : null;
  if (actual?.value) return { label: actual.columnLabel, text: actual.text, value: actual.value };
  const entered = line.entered.filter((cell) => cell.value !== null).at(-1);
  if (entered) return { label: entered.columnLabel, text: entered.text, value: entered.value! };
  const runRate = line.computed?.methods.find((m) => m.method === 'run-rate')?.value;
  if (!runRate) return null;
  const label = `Prognos (takt hittills, ${formatPeriod(line.computed!.asOf)})`;
  return { label, text: formatAmount(runRate.toDecimalPlaces(line.decimals ?? 0)), value: runRate };
}
