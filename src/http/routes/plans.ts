/** Whole plans: list, import, read (interchange JSON), change the head, delete a draft, snapshot, history. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, ImportResult, PlanKeyParams, PlanList, PlanSummary as PlanSummaryBody } from '../../contract/api.ts';
import { PlanHistory, ReconciliationReport } from '../../contract/plans.ts';
import { decideOn } from '../../domain/access.ts';
import { PlanFileSchema } from '../../domain/plan.ts';
import { isPublic } from '../../domain/plan-lifecycle.ts';
import { reconcilePlan } from '../../domain/reconcile.ts';
import { StyrkortError } from '../../domain/errors.ts';
import type { Db } from '../../db/connection.ts';
import { findPlanSummary, type PlanSummary } from '../../db/plan-repository.ts';
import { exportPlan, importPlan, listPlans, removePlan } from '../../services/plan-service.ts';
import { getAdoptionSnapshot, planHistory, PlanHeadChange, updatePlanHead } from '../../services/workflow-service.ts';
import { actorName, actorOf, authorize, reasonOf } from '../auth.ts';
import { ifMatchVersion, setEtag } from '../etag.ts';
import { presentPlanHistory, presentPlanSummary, presentReconciliation } from '../presenters.ts';
import type { ApiOptions } from '../api-options.ts';
import { readCheck, sendRepresentation } from '../representation.ts';
import { planJson } from '../../services/plan-reads.ts';

/** The plan's summary, or 404; non-adopted plans need an account that may read them. */
export async function readablePlan(db: Db, request: FastifyRequest, key: string): Promise<PlanSummary> {
  const summary = await findPlanSummary(db, key);
  if (!summary) throw new StyrkortError('not-found', `Planen ${key} finns inte`);
  if (summary.status !== 'adopted') await authorize(db, request, 'read-plan', { municipality: summary.municipalityCode, nodes: [] });
  return summary;
}

export async function planRoutes(parent: FastifyInstance, { db }: ApiOptions): Promise<void> {
  const app = parent.withTypeProvider<ZodTypeProvider>();
  const tags = ['planer'];

  app.get('/api/plans', { schema: { tags, summary: 'Lista planer (allmänheten ser fastställda planer)', response: { 200: PlanList } } }, async (request) => {
    const plans = await listPlans(db);
    // Adopted plans are public; the others each need the right to read plans of their municipality.
    const actor = actorOf(request);
    const visible = plans.filter((plan) => isPublic(plan.status) || decideOn(actor, 'read-plan', { municipality: plan.municipalityCode, nodes: [] }, new Map()).allowed);
    return { plans: visible.map(presentPlanSummary) };
  });

  app.post('/api/plans', {
    bodyLimit: 20 * 1024 * 1024,
    schema: { tags, summary: 'Läs in en hel plan (planfil); allt kontrolleras först. ?replace=true ersätter ett utkast och kräver If-Match (planens version)', body: z.unknown(), querystring: z.object({ replace: z.enum(['true', 'false']).optional() }).strict(), response: { 200: ImportResult, 201: ImportResult, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 409: ErrorBody, 412: ErrorBody, 428: ErrorBody } },
  }, async (request, reply) => {
    const replace = request.query.replace === 'true';
    const result = await importPlan(db, request.body, { by: actorOf(request), actor: actorName(request), source: 'api', replace, ifMatch: replace ? ifMatchVersion(request) : undefined, reason: reasonOf(request) ?? undefined });
    setEtag(reply, result.version);
    reply.status(result.outcome === 'created' ? 201 : 200).header('Location', `/api/plans/${encodeURIComponent(result.key)}`);
    return result;
  });

  app.get('/api/plans/:plan', { schema: { tags, summary: 'Hela planen som planfil (JSON); 304 med If-None-Match', params: PlanKeyParams, response: { 200: PlanFileSchema, 304: z.null(), 401: ErrorBody, 404: ErrorBody } } }, async (request, reply) =>
    sendRepresentation(request, reply, await planJson(db, request.params.plan, readCheck(db, request))),
  );

  app.patch('/api/plans/:plan', { schema: { tags, summary: 'Ändra planens huvud (titel, sidhuvud …)', params: PlanKeyParams, body: PlanHeadChange, response: { 200: PlanSummaryBody, 400: ErrorBody, 409: ErrorBody, 412: ErrorBody, 428: ErrorBody } } }, async (request, reply) => {
    const version = await updatePlanHead(db, { planKey: request.params.plan, body: request.body, ifMatch: ifMatchVersion(request), by: actorOf(request), actor: actorName(request), reason: reasonOf(request) });
    setEtag(reply, version);
    return findPlanSummary(db, request.params.plan).then((s) => presentPlanSummary(s!));
  });

  app.delete('/api/plans/:plan', { schema: { tags, summary: 'Ta bort en plan som är utkast', params: PlanKeyParams, response: { 204: z.null(), 409: ErrorBody, 412: ErrorBody, 428: ErrorBody } } }, async (request, reply) => {
    await removePlan(db, { planKey: request.params.plan, ifMatch: ifMatchVersion(request), by: actorOf(request), actor: actorName(request), reason: reasonOf(request) });
    reply.status(204).send(null);
  });

  app.get('/api/plans/:plan/snapshot', { schema: { tags, summary: 'Planen exakt som den fastställdes', params: PlanKeyParams, response: { 200: PlanFileSchema, 404: ErrorBody } } }, async (request) => {
    await readablePlan(db, request, request.params.plan);
    return (await getAdoptionSnapshot(db, request.params.plan)).content;
  });

  app.get('/api/plans/:plan/check', { schema: { tags, summary: 'Avstämning: tryckta summor mot beräknade (avvikelser, avrundningar, noteringar, det som stämmer)', params: PlanKeyParams, response: { 200: ReconciliationReport, 401: ErrorBody, 404: ErrorBody } } }, async (request) => {
    await readablePlan(db, request, request.params.plan);
    return presentReconciliation(reconcilePlan(await exportPlan(db, request.params.plan)));
  });

  app.get('/api/plans/:plan/history', { schema: { tags, summary: 'Planer denna rullades från och till', params: PlanKeyParams, response: { 200: PlanHistory, 401: ErrorBody, 404: ErrorBody } } }, async (request) => {
    await readablePlan(db, request, request.params.plan);
    return presentPlanHistory(await planHistory(db, request.params.plan, { isPublic: !request.session }));
  });
}
