/**
 * The follow-up part of the API as the browser receives it: year-end forecasts, deviations and
 * the comparison of two plans. Only the domain's types are imported; every Decimal of the domain
 * arrives as a string in JSON, which `Wire` says in the types.
 */
import type { Decimal } from 'decimal.js';
import type { DeviationList } from '../domain/deviations.ts';
import type { PlanForecast } from '../domain/forecast-plan.ts';
import type { PlanDiff } from '../domain/plan-diff.ts';
import { getJson } from './api.ts';

/** A domain type as JSON: Decimal values become their string form, the rest stays as it is. */
export type Wire<T> = T extends Decimal
  ? string
  : T extends Array<infer U>
    ? Array<Wire<U>>
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;

export type ForecastData = Wire<PlanForecast>;
export type DeviationData = Wire<DeviationList>;
export type CompareData = Wire<PlanDiff>;

const planPath = (planKey: string) => `/api/plans/${encodeURIComponent(planKey)}`;

/** Year-end forecasts of volumes and budget lines from the months through `asOf` ('YYYY-MM'). */
export function getForecast(planKey: string, asOf: string, signal?: AbortSignal): Promise<ForecastData> {
  return getJson<ForecastData>(`${planPath(planKey)}/forecast?asOf=${encodeURIComponent(asOf)}`, signal);
}

/** What is off plan in a period, largest first, with the analyses of it and of earlier periods. */
export function getDeviations(planKey: string, period: string, signal?: AbortSignal): Promise<DeviationData> {
  return getJson<DeviationData>(`${planPath(planKey)}/deviations?period=${encodeURIComponent(period)}`, signal);
}

/** What changed from plan a to plan b. */
export function getComparison(a: string, b: string, signal?: AbortSignal): Promise<CompareData> {
  return getJson<CompareData>(`/api/compare?${new URLSearchParams({ a, b })}`, signal);
}
