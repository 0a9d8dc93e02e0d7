/** The plan workflow (submit, reopen, adopt, archive) and the year rollover with its preview. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBody, PlanKeyParams, RolloverPreview, RolloverRequest, StatusChange, WorkflowBody } from '../../contract/api.ts';
import { workflowSteps, type WorkflowStep } from '../../domain/access.ts';
import { previewRollover, rollover, takeWorkflowStep } from '../../services/workflow-service.ts';
import { actorName, actorOf, authorize, reasonOf } from '../auth.ts';
import { ifMatchVersion, setEtag } from '../etag.ts';
import type { ApiOptions } from '../api-options.ts';
import { readablePlan } from './plans.ts';

const summaries: Record<WorkflowStep, string> = {
  submit: 'Lämna in planen (utkast → inlämnad)',
  reopen: 'Öppna planen igen (inlämnad → utkast)',
  adopt: 'Fastställ planen (inlämnad → fastställd); kräver beslut: datum, organ, paragraf',
  archive: 'Arkivera planen (fastställd → arkiverad)',
};

export async function workflowRoutes(parent: FastifyInstance, { db }: ApiOptions): Promise<void> {
  const app = parent.withTypeProvider<ZodTypeProvider>();
  const tags = ['arbetsflöde'];
  for (const step of Object.keys(workflowSteps) as WorkflowStep[]) {
    app.post(`/api/plans/:plan/${step}`, {
      schema: { tags, summary: summaries[step], params: PlanKeyParams, body: WorkflowBody, response: { 200: StatusChange, 400: ErrorBody, 409: ErrorBody, 412: ErrorBody, 428: ErrorBody } },
    }, async (request, reply) => {
      const result = await takeWorkflowStep(db, { planKey: request.params.plan, step, decision: request.body?.decision, ifMatch: ifMatchVersion(request), by: actorOf(request), actor: actorName(request), reason: reasonOf(request) });
      setEtag(reply, result.version);
      return result;
    });
  }

  app.get('/api/plans/:plan/rollover', {
    schema: { tags, summary: 'Förhandsvisa vad en rullning till nästa period kopierar', params: PlanKeyParams, querystring: RolloverRequest, response: { 200: RolloverPreview, 400: ErrorBody } },
  }, async (request) => {
    const summary = await readablePlan(db, request, request.params.plan);
    await authorize(db, request, 'create-plan', { municipality: summary.municipalityCode, nodes: [summary.ownerNodeKey] });
    return (await previewRollover(db, { planKey: summary.key, to: request.query.to, key: request.query.key })).preview;
  });

  app.post('/api/plans/:plan/rollover', {
    schema: { tags, summary: 'Skapa nästa periods plan från denna', params: PlanKeyParams, body: RolloverRequest, response: { 201: RolloverPreview, 400: ErrorBody, 409: ErrorBody } },
  }, async (request, reply) => {
    const summary = await readablePlan(db, request, request.params.plan);
    const result = await rollover(db, { planKey: summary.key, to: request.body.to, key: request.body.key, by: actorOf(request), actor: actorName(request), reason: reasonOf(request) });
    reply.status(201).header('Location', `/api/plans/${encodeURIComponent(result.plan.plan.key)}`);
    return result.preview;
  });
}
