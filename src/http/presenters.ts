/** Response shapes: a database row never leaves the server as it is. */
import type { z } from 'zod';
import type { PlanSummary as PlanSummaryShape } from '../contract/api.ts';
import type { PlanSummary } from '../services/plan-service.ts';

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
