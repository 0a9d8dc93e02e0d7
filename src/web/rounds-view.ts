/**
 * What the round pages compute from the data they read, kept pure for tests: dates printed the
 * Swedish way, an assignment's items grouped by kind in the order the report prints them, the
 * deviations and chart of an analysis item, a goal's status, the template the open form starts
 * from, free-section headings read from lines, and whether the account may review a node.
 */
import type { Decimal } from 'decimal.js';
import { isInSubtree, type Actor } from '../domain/access.ts';
import { findDeviations, type Deviation } from '../domain/deviations.ts';
import type { PlanForecast } from '../domain/forecast-plan.ts';
import { formatAmount } from '../domain/format.ts';
import { lastMonth } from '../domain/period.ts';
import type { PlanFile } from '../domain/plan.ts';
import { describeDate } from '../domain/rounds/dates.ts';
import { itemKinds, type ItemKind } from '../domain/rounds/items.ts';
import { mayReviewAssignment } from '../domain/rounds/round-access.ts';
import { defaultTemplate, type RoundTemplate } from '../domain/rounds/template.ts';
import { chartMeasures, type ChartMeasure } from './follow-up-view.ts';

/** '2017-09-15' → "15 september 2017". */
export const formatDate = describeDate;

/** An ISO time as Swedish date and time: "12 september 2017 kl. 07:00". */
export function formatDateTime(iso: string): string {
  const time = new Date(iso);
  const parts = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).formatToParts(time);
  const part = (type: string) => parts.find((entry) => entry.type === type)?.value ?? '';
  return `${describeDate(`${part('year')}-${part('month')}-${part('day')}`)} kl. ${part('hour')}:${part('minute')}`;
}

/** Items grouped by kind, in the order of itemKinds; empty groups left out. */
export function groupItems<T extends { kind: ItemKind }>(items: T[]): Array<{ kind: ItemKind; items: T[] }> {
  return itemKinds.map((kind) => ({ kind, items: items.filter((item) => item.kind === kind) })).filter((group) => group.items.length > 0);
}

/** The period's deviations of one subject (a budget table has one per line). */
export function deviationsOf(plan: PlanFile, period: string, subject: string): Deviation[] {
  return findDeviations(plan, { period }).deviations.filter((deviation) => deviation.subject === subject);
}

/** The chart of a volume row's months through the period, or null when the subject is no volume row with months. */
export function chartOf(plan: PlanFile, period: string, subject: string): ChartMeasure | null {
  return chartMeasures(plan, lastMonth(period)).find((measure) => measure.id.endsWith(`--${subject}`)) ?? null;
}

/** The template the open form starts from for a typed period (the default when the period is none yet). */
export function startingTemplate(period: string): RoundTemplate {
  try {
    return defaultTemplate(period);
  } catch {
    return defaultTemplate('2025-T2');
  }
}

/** Free sections from lines of headings: "Viktiga händelser" → { key: 'viktiga-handelser', … }. */
export function sectionsFromLines(text: string): RoundTemplate['sections'] {
  const seen = new Set<string>();
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .flatMap((heading) => {
      const key = heading
        .toLowerCase()
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '') || 'avsnitt';
      if (seen.has(key)) return [];
      seen.add(key);
      return [{ key, heading }];
    });
}

/** Whether the account may send back or reassign a node's assignment (the server's rule). */
export function mayReview(actor: Actor | null, plan: Pick<PlanFile, 'organisation'>, node: string): boolean {
  const parents = new Map(plan.organisation.map((entry) => [entry.key, entry.parent]));
  const inSubtree = actor?.unitKey ? isInSubtree(parents, actor.unitKey, node) : true;
  return mayReviewAssignment(actor, inSubtree).allowed;
}

/** One line of a year-end forecast beside an analysis item: what is forecast, by what, and the plan or budget it meets. */
export interface ForecastLine {
  label: string;
  value: string;
  /** The method's or the entered column's name: "takt hittills", "Prognos 2017 aug". */
  source: string;
  interval: { low: string; high: string } | null;
  planned: string | null;
}

const printed = (value: Decimal) => formatAmount(value.toDecimalPlaces(1));

/** The year-end forecasts of an analysis item's subject: a volume row's run rate, a budget table's net (entered, else computed). */
export function forecastLines(forecast: PlanForecast, subject: string): ForecastLine[] {
  const volume = forecast.volumes.find((entry) => entry.rowKey === subject);
  if (volume) {
    const runRate = volume.forecast.methods.find((method) => method.method === 'run-rate');
    if (!runRate?.value) return [];
    return [{ label: volume.label, value: printed(runRate.value), source: runRate.label, interval: runRate.low && runRate.high ? { low: printed(runRate.low), high: printed(runRate.high) } : null, planned: volume.plan?.text ?? null }];
  }
  return forecast.budgets
    .filter((line) => line.tableKey === subject && line.line === 'net')
    .flatMap((line): ForecastLine[] => {
      const entered = line.entered.filter((cell) => cell.value !== null).at(-1);
      if (entered) return [{ label: line.label, value: entered.text, source: entered.columnLabel, interval: null, planned: line.budget?.text ?? null }];
      const runRate = line.computed?.methods.find((method) => method.method === 'run-rate');
      return runRate?.value ? [{ label: line.label, value: printed(runRate.value), source: runRate.label, interval: null, planned: line.budget?.text ?? null }] : [];
    });
}
