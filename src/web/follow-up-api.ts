/**
 * The follow-up part of the API as the browser receives it: year-end forecasts, deviations and
 * the comparison of two plans. The types are the contract's (src/contract/follow-up.ts, by
 * z.infer; only types are imported, so zod stays out of the browser bundle): every Decimal of the
 * domain arrives as its text.
 */
import type { z } from 'zod';
import type { DeviationList, PlanDiff, PlanForecast } from '../contract/follow-up.ts';
import { getJson } from './api.ts';

export type ForecastData = z.infer<typeof PlanForecast>;
export type DeviationData = z.infer<typeof DeviationList>;
export type CompareData = z.infer<typeof PlanDiff>;

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
