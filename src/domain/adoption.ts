/**
 * The decision that adopts a plan (fastställelsebeslut): date, deciding body and paragraph, with an
 * optional case number. One rule for every way a plan becomes adopted: the workflow's adopt step
 * and a plan file imported as adopted or archived.
 */
import { z } from 'zod';
import type { Problem } from './errors.ts';
import { Decision } from './plan.ts';
import { issuesToProblems, swedishErrorMap } from './swedish-issues.ts';

/** A complete adoption decision: what an adopted (or archived) plan must carry. */
export const AdoptionDecision = Decision.extend({
  date: z.iso.date('Ange beslutsdatum som ÅÅÅÅ-MM-DD'),
  body: z.string().min(1, 'Ange beslutande organ').max(200),
  paragraph: z.string().min(1, 'Ange paragraf, t.ex. "SN § 45"').max(60),
});
export type AdoptionDecision = z.infer<typeof AdoptionDecision>;

/** Whether a plan in this status must carry a complete adoption decision. */
export function needsDecision(status: string): boolean {
  return status === 'adopted' || status === 'archived';
}

/**
 * The decision, complete, or the problems that keep it from being one, each with its JSON path
 * under `path` (e.g. "$.decision" or "$.plan.decision").
 */
export function checkDecision(input: unknown, path: string): { ok: true; decision: AdoptionDecision } | { ok: false; problems: Problem[] } {
  const parsed = AdoptionDecision.safeParse(input ?? {}, { error: swedishErrorMap });
  if (parsed.success) return { ok: true, decision: parsed.data };
  return { ok: false, problems: issuesToProblems(parsed.error.issues).map((problem) => ({ ...problem, path: problem.path.replace('$', path) })) };
}
