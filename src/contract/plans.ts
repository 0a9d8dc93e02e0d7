/**
 * The responses about whole plans, their parts and the organisation that api.ts does not hold:
 * the reconciliation (check), the rollover history, a part's items with their versions, the
 * organisation tree, the plan documents and the health check. Shared by the server (validation
 * and the OpenAPI document) and the web app (its types, by z.infer).
 */
import { z } from 'zod';
import { OrgNode } from '../domain/plan.ts';
import { findingKinds, type ReconciliationReport as DomainReconciliationReport } from '../domain/reconcile.ts';
import { sameShape, type Exactly, type Wire } from './shape.ts';

const amount = z.string().describe('exakt belopp som text, t.ex. "-202"');

export const Finding = z.object({
  kind: z.enum(findingKinds),
  severity: z.enum(['ok', 'rounding', 'gap', 'info']),
  tableKey: z.string(),
  rowKey: z.string().nullable().describe('raden vars tryckta tal stäms av; null för en hel tabell eller en investeringssumma'),
  columnKey: z.string().nullable(),
  columnLabel: z.string().nullable(),
  period: z.string().nullable(),
  label: z.string(),
  stated: amount.nullable(),
  computed: amount.nullable(),
  difference: amount.nullable(),
  decimals: z.number().int().nullable().describe('decimaler som tabellen trycker sina belopp med ("30,0 mnkr": 1); null: som varje tal har'),
  message: z.string(),
  summary: z.string(),
});

export const ReconciliationReport = z
  .object({
    planKey: z.string(),
    findings: z.array(Finding),
    counts: z.object({ confirmed: z.number().int(), rounding: z.number().int(), gap: z.number().int(), info: z.number().int() }),
  })
  .describe('Avstämningen: tryckta summor mot beräknade');
sameShape<Exactly<z.infer<typeof ReconciliationReport>, Wire<DomainReconciliationReport>>>();

const PlanLink = z.object({ plan: z.string(), kind: z.string(), at: z.string().describe('tidpunkt, ISO 8601'), by: z.string().optional().describe('vem; visas bara för inloggade') });

export const PlanHistory = z.object({ from: z.array(PlanLink), to: z.array(PlanLink) }).describe('Planer denna rullades från och till');

/** The items of one part of a plan, each with its version (the ETag a write sends back). */
export function ItemList<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(z.object({ version: z.number().int(), item })) });
}

/** One node of the organisation tree with its version and municipality (kommunkod). */
export const OrganisationEntry = z.object({ version: z.number().int(), municipality: z.string(), node: OrgNode });
export const OrganisationList = z.object({ nodes: z.array(OrganisationEntry) }).describe('Organisationsträdet, platt, i lagrad ordning');

export const Health = z.object({ status: z.literal('ok') });

/** A plan document or report as the file it is (PDF, Word, Excel or HTML), for the OpenAPI document. */
const file = z.string().meta({ format: 'binary' });
export const DocumentFile = {
  description: 'Dokumentet i begärt format',
  content: {
    'application/pdf': { schema: file },
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { schema: file },
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: file },
    'text/html': { schema: file },
  },
};
