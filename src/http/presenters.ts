/**
 * Response shapes: a database row or a domain value never leaves the server as it is. Each
 * response has a presenter here, typed by its schema in src/contract, so the shape a route
 * returns is the shape the OpenAPI document and the web app know.
 */
import { Decimal } from 'decimal.js';
import type { z } from 'zod';
import type { PlanSummary as PlanSummaryShape } from '../contract/api.ts';
import type { DeviationList, PlanDiff, PlanForecast, Scorecard, VolumeYears } from '../contract/follow-up.ts';
import type { OrganisationList, PlanHistory, ReconciliationReport } from '../contract/plans.ts';
import type { Wire } from '../contract/shape.ts';
import type { DeviationList as DomainDeviationList } from '../domain/deviations.ts';
import type { BacktestRow, BacktestSummary, PlanForecast as DomainPlanForecast } from '../domain/forecast-plan.ts';
import type { PlanDiff as DomainPlanDiff } from '../domain/plan-diff.ts';
import type { VolumeTable } from '../domain/plan.ts';
import type { ReconciliationReport as DomainReconciliationReport } from '../domain/reconcile.ts';
import type { Scorecard as DomainScorecard } from '../domain/status.ts';
import { compareVolumeYears } from '../domain/volume-aggregation.ts';
import type { PlanSummary } from '../services/plan-service.ts';

/**
 * A domain value as JSON: every Decimal as its exact text without exponent ("-68851.5"), every Date
 * as ISO 8601; the rest copied as it is.
 */
export function toWire<T>(value: T): Wire<T> {
  return wire(value) as Wire<T>;
}

function wire(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Decimal.isDecimal(value)) return value.toFixed();
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(wire);
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) if (field !== undefined) out[key] = wire(field);
  return out;
}

export function presentPlanSummary(plan: PlanSummary): z.infer<typeof PlanSummaryShape> {
  return {
    key: plan.key,
    title: plan.title,
    subtitle: plan.subtitle,
    status: plan.status as z.infer<typeof PlanSummaryShape>['status'],
    period: { start: plan.periodStart, end: plan.periodEnd },
    owner: plan.ownerNodeKey,
    municipality: { code: plan.municipalityCode, name: plan.municipalityName },
    version: plan.version,
    links: { self: `/api/plans/${encodeURIComponent(plan.key)}` },
  };
}

/** GET …/scorecard. */
export function presentScorecard(card: DomainScorecard): z.infer<typeof Scorecard> {
  return toWire(card);
}

/** GET …/forecast, with the backtest when asked for. */
export function presentForecast(forecast: DomainPlanForecast, backtest?: { asOf: string; rows: BacktestRow[]; summary: BacktestSummary[] }): z.infer<typeof PlanForecast> {
  return backtest ? { ...toWire(forecast), backtest: toWire(backtest) } : toWire(forecast);
}

/** GET …/deviations. */
export function presentDeviations(list: DomainDeviationList): z.infer<typeof DeviationList> {
  return toWire(list);
}

/** GET …/volume-years: per volume table, its year values from the months beside the printed ones. */
export function presentVolumeYears(tables: readonly VolumeTable[]): z.infer<typeof VolumeYears> {
  return { tables: tables.map((table) => ({ key: table.key, caption: table.caption, rows: toWire(compareVolumeYears(table)) })) };
}

/** GET /api/compare. */
export function presentPlanDiff(diff: DomainPlanDiff): z.infer<typeof PlanDiff> {
  return toWire(diff);
}

/** GET …/check. */
export function presentReconciliation(report: DomainReconciliationReport): z.infer<typeof ReconciliationReport> {
  return toWire(report);
}

/** GET …/history: the plans this one was rolled over from and into. */
export function presentPlanHistory(history: { from: Array<{ plan: string; kind: string; at: Date; by?: string }>; to: Array<{ plan: string; kind: string; at: Date; by?: string }> }): z.infer<typeof PlanHistory> {
  return toWire(history);
}

/** GET /api/organisation. */
export function presentOrganisation(nodes: z.infer<typeof OrganisationList>['nodes']): z.infer<typeof OrganisationList> {
  return { nodes };
}
