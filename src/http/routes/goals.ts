/**
 * Shared goals as their own resource: /api/goals/{municipality}/{key}. Changing one is its own
 * operation with the permission of the goal's owner; the plans that follow it are listed in the
 * audit trail. A goal's wording lives in each plan (/api/plans/{plan}/goals/{key}).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody } from '../../contract/api.ts';
import { MunicipalityCode, SharedGoal } from '../../domain/plan.ts';
import { getSharedGoal, updateSharedGoal } from '../../services/goal-service.ts';
import { actorName, actorOf, reasonOf } from '../auth.ts';
import { ifMatchVersion, setEtag } from '../etag.ts';
import type { ApiOptions } from '../api-options.ts';

const GoalParams = z.object({ municipality: MunicipalityCode, key: z.string().min(1).max(120) });
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 412: ErrorBody, 428: ErrorBody };

export async function goalRoutes(parent: FastifyInstance, { db }: ApiOptions): Promise<void> {
  const app = parent.withTypeProvider<ZodTypeProvider>();
  const tags = ['mål'];

  app.get('/api/goals/:municipality/:key', { schema: { tags, summary: 'Ett gemensamt mål som det är nu (nummer, perspektiv, överordnat mål, ägare)', params: GoalParams, response: { 200: SharedGoal, 404: ErrorBody } } }, async (request, reply) => {
    const found = await getSharedGoal(db, request.params.municipality, request.params.key);
    setEtag(reply, found.version);
    return found.goal;
  });

  app.put('/api/goals/:municipality/:key', {
    schema: { tags, summary: 'Ändra ett gemensamt mål (If-Match krävs); planer som utkast och inlämnade följer med, fastställda behåller sitt', params: GoalParams, body: SharedGoal, response: { 200: SharedGoal, ...errors } },
  }, async (request, reply) => {
    const result = await updateSharedGoal(db, { ...request.params, body: request.body, ifMatch: ifMatchVersion(request), by: actorOf(request), actor: actorName(request), reason: reasonOf(request) });
    setEtag(reply, result.version);
    return result.goal;
  });
}
