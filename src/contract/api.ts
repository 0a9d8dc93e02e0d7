/**
 * Request and response shapes of the HTTP API, shared by the server (validation, OpenAPI) and the
 * web app (typed client). Plan parts use the model's own schemas (src/domain/plan.ts).
 */
import { z } from 'zod';
import { roles } from '../domain/access.ts';
import { YearRangeField } from '../domain/period-field.ts';
import type { RolloverPreview as DomainRolloverPreview } from '../domain/rollover.ts';
import { sameShape, type Exactly } from './shape.ts';

export const ErrorBody = z
  .object({
    code: z.string().describe('stabil felkod, t.ex. validation, not-found, precondition-failed'),
    message: z.string().describe('meddelande på svenska'),
    problems: z.array(z.object({ path: z.string(), message: z.string(), code: z.string().optional() })),
    details: z.unknown().optional(),
  })
  .describe('Fel');

export const LoginRequest = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(200) }).strict();

export const SessionInfo = z.object({
  user: z.object({
    username: z.string(),
    displayName: z.string().nullable(),
    role: z.enum(roles),
    unitKey: z.string().nullable(),
    municipality: z.string().nullable().optional().describe('kommunkoden kontot arbetar i; null: alla kommuner'),
  }),
  csrfToken: z.string().describe('skickas i rubriken X-CSRF-Token vid ändringar'),
  expiresAt: z.string(),
});

export const PlanSummary = z.object({
  key: z.string(),
  title: z.string(),
  subtitle: z.string().nullable(),
  status: z.enum(['draft', 'submitted', 'adopted', 'archived']),
  period: z.object({ start: z.number().int(), end: z.number().int() }),
  owner: z.string(),
  municipality: z.object({ code: z.string(), name: z.string() }),
  version: z.number().int(),
  links: z.object({ self: z.string() }),
});

export const PlanList = z.object({ plans: z.array(PlanSummary) });

export const PlanKeyParams = z.object({ plan: z.string().min(1).max(120) });
export const ItemParams = PlanKeyParams.extend({ key: z.string().min(1).max(300) });

export const WorkflowBody = z.object({ decision: z.unknown().optional() }).strict().nullish();
export const StatusChange = z.object({ status: z.string(), version: z.number().int() });

export const RolloverRequest = z.object({ to: YearRangeField, key: z.string().max(120).optional() }).strict();
/** What a rollover copies and leaves (domain/rollover.ts `RolloverPreview`, the one declaration of it). */
export const RolloverPreview = z.object({
  from: z.string(),
  to: z.string(),
  period: z.string(),
  copied: z.record(z.string(), z.number()),
  left: z.array(z.object({ part: z.string(), key: z.string(), reason: z.string() })),
});
sameShape<Exactly<z.infer<typeof RolloverPreview>, DomainRolloverPreview>>();

export const AuditQueryString = z
  .object({
    plan: z.string().max(120).optional(),
    entityType: z.string().max(60).optional(),
    entityKey: z.string().max(300).optional(),
    user: z.string().max(64).optional(),
    format: z.enum(['json', 'csv']).default('json'),
    limit: z.coerce.number().int().min(1).max(10_000).default(200),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();

export const AuditEvent = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  planKey: z.string().nullable(),
  entityType: z.string(),
  entityKey: z.string(),
  field: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  reason: z.string().nullable(),
});

/** GET /api/audit as JSON (format=csv gives the same events as CSV). */
export const AuditList = z.object({ events: z.array(AuditEvent) });

export const ImportResult = z.object({ key: z.string(), outcome: z.enum(['created', 'replaced']), counts: z.record(z.string(), z.number()) });
