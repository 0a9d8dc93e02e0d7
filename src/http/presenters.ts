/** Response shapes: a database row never leaves the server as it is. */
import type { PlanSummary } from '../services/plan-service.ts';

export function presentPlanSummary(plan: PlanSummary) {
  return {
    key: plan.key,
    title: plan.title,
    subtitle: plan.subtitle,
    status: plan.status,
    period: { start: plan.periodStart, end: plan.periodEnd },
    owner: plan.ownerNodeKey,
    municipality: { code: plan.municipalityCode, name: plan.municipalityName },
    links: { self: `/api/plans/${encodeURIComponent(plan.key)}` },
  };
}
