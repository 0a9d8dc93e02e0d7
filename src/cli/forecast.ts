/** `styrkort forecast PLAN [--as-of ÅÅÅÅ-MM]`: year-end forecasts of volumes and budget lines, beside the plan, the budget and the forecasts entered. */
import { Decimal } from 'decimal.js';
import { StyrkortError } from '../domain/errors.ts';
import { columnScenario } from '../domain/economy/table.ts';
import { backtestForecasts, forecastPlan, type BudgetForecast, type PlanForecast, type VolumeForecast } from '../domain/forecast-plan.ts';
import { forecastMethods, METHOD_LABELS, type MethodForecast } from '../domain/forecast.ts';
import { formatAmount, formatPeriod } from '../domain/format.ts';
import { isMonthPeriod } from '../domain/period.ts';
import type { PlanFile } from '../domain/plan.ts';
import { exportPlan } from '../services/plan-service.ts';
import { withDatabase, type GlobalOptions } from './context.ts';

export async function forecastCommand(planKey: string, options: GlobalOptions & { asOf?: string }): Promise<void> {
  if (options.asOf !== undefined && !isMonthPeriod(options.asOf)) {
    throw new StyrkortError('usage', `--as-of "${options.asOf}" är ingen månad; ange ÅÅÅÅ-MM, t.ex. 2017-08`);
  }
  const plan = await withDatabase(options, 'styrkort forecast', ({ db }) => exportPlan(db, planKey));
  const asOf = options.asOf ?? latestMonth(plan);
  if (!asOf) {
    console.log(`Planen ${planKey} har inga månadsutfall att göra prognos från. Ange --as-of ÅÅÅÅ-MM för att se inlagda prognoser.`);
    return;
  }
  for (const line of formatForecast(forecastPlan(plan, { asOf }), plan)) console.log(line);
}

/** The latest month with an actual in any volume or budget table. */
function latestMonth(plan: PlanFile): string | null {
  const volumeMonths = plan.volumeTables.flatMap((table) => table.columns).filter((column) => column.kind === 'actual');
  const budgetMonths = plan.budgetTables.flatMap((table) => table.columns).filter((column) => columnScenario(column) === 'actual');
  const months = [...volumeMonths, ...budgetMonths]
    .filter((column) => column.period !== undefined && isMonthPeriod(column.period))
    .map((column) => column.period!)
    .sort();
  return months.at(-1) ?? null;
}

const headings = forecastMethods.map((method) => METHOD_LABELS[method]);

export function formatForecast(forecast: PlanForecast, plan: PlanFile): string[] {
  const lines = [`Helårsprognos ${forecast.year} per ${formatPeriod(forecast.asOf)} för ${forecast.planKey} (90 % intervall inom parentes)`];
  lines.push('', forecast.volumes.length ? `Volym\tHittills\tPlan\t${headings.join('\t')}\tUtfall helår` : `Volymer: inga månadsutfall för ${forecast.year}`);
  for (const volume of forecast.volumes) lines.push(volumeLine(volume));
  const notes = [...new Set(forecast.volumes.flatMap((v) => v.forecast.methods.filter((m) => m.value === null).map((m) => `${m.label}: ${m.explanation}`)))];
  for (const note of notes) lines.push(`  (${note})`);
  lines.push(...backtestLines(plan, forecast));
  lines.push('', forecast.budgets.length ? `Budgetrad\tBudget\tInlagd prognos\t${headings.join('\t')}` : 'Budget: inga budgettabeller');
  for (const line of forecast.budgets) lines.push(budgetLine(line));
  if (forecast.budgets.length && forecast.budgets.every((b) => b.computed === null)) {
    lines.push(`  (beräknade prognoser kräver månadsutfall i budgettabellerna; inga finns för ${forecast.year})`);
  }
  return lines;
}

function volumeLine(volume: VolumeForecast): string {
  const soFar = volume.forecast.soFar.value;
  const methods = volume.forecast.methods.map((m) => methodCell(m, 1));
  const outcome = volume.outcome?.value ? amount(volume.outcome.value, 1) : '–';
  return [volume.label, soFar ? amount(soFar, 1) : '–', volume.plan?.text ?? '–', ...methods, outcome].join('\t');
}

function budgetLine(line: BudgetForecast): string {
  const entered = line.entered.length ? line.entered.map((cell) => `${cell.text} (${cell.columnLabel})`).join('; ') : '–';
  const methods = line.computed ? line.computed.methods.map((m) => methodCell(m, 0)) : headings.map(() => '–');
  const budget = line.budget ? `${line.budget.text} ${line.unit}` : '–';
  return [line.label, budget, entered, ...methods].join('\t');
}

function methodCell(method: MethodForecast, decimals: number): string {
  if (method.value === null) return '–';
  const interval = method.low && method.high ? ` (${amount(method.low, decimals)}–${amount(method.high, decimals)})` : '';
  return amount(method.value, decimals) + interval;
}

function amount(value: Decimal, decimals: number): string {
  return formatAmount(value.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP));
}

/** When the whole year is known, how each method's forecast from the months so far compares with it. */
function backtestLines(plan: PlanFile, forecast: PlanForecast): string[] {
  if (!forecast.volumes.some((v) => v.outcome)) return [];
  const { rows, summary } = backtestForecasts(plan, { asOf: forecast.asOf });
  const lines = ['', `Efterhandskontroll mot utfall helår (${rows.length} volymer): metod, medelabsolutfel, medelfel i procent, andel utfall inom intervallet`];
  for (const s of summary) {
    if (s.rows === 0) {
      lines.push(`  ${s.label}\tkan inte prövas (ingen volym har det metoden kräver)`);
      continue;
    }
    const pct = (value: Decimal | null) => (value ? `${amount(value, 1)} %` : '–');
    lines.push(`  ${s.label}\t${s.meanAbsoluteError ? amount(s.meanAbsoluteError, 2) : '–'}\t${pct(s.meanAbsolutePercentError)}\t${pct(s.coverage)}`);
  }
  return lines;
}
