/** The organisation tree: read by anyone, changed by admins and editors within their subtree. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody } from '../../contract/api.ts';
import { OrganisationList } from '../../contract/plans.ts';
import { presentOrganisation } from '../presenters.ts';
import { topOfTree } from '../../domain/access.ts';
import { OrgNode } from '../../domain/plan.ts';
import { createNode, deleteNode, listNodes, updateNode } from '../../services/organisation-service.ts';
import { actorName, authorize, reasonOf } from '../auth.ts';
import { ifMatchVersion, setEtag } from '../etag.ts';
import type { ApiOptions } from '../api-options.ts';

const NodeParams = z.object({ key: z.string().min(1).max(120) });
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 412: ErrorBody, 428: ErrorBody };

export async function organisationRoutes(parent: FastifyInstance, { db }: ApiOptions): Promise<void> {
  const app = parent.withTypeProvider<ZodTypeProvider>();
  const tags = ['organisation'];

  app.get('/api/organisation', { schema: { tags, summary: 'Organisationsträdet', querystring: z.object({ municipality: z.string().regex(/^\d{4}$/).optional() }).strict(), response: { 200: OrganisationList, 400: ErrorBody } } }, async (request) =>
    presentOrganisation(await listNodes(db, request.query.municipality)),
  );

  app.get('/api/organisation/:key', { schema: { tags, summary: 'En organisationsnod', params: NodeParams, response: { 200: OrgNode, 404: ErrorBody } } }, async (request, reply) => {
    const found = (await listNodes(db)).find((entry) => entry.node.key === request.params.key);
    if (!found) return reply.status(404).send({ code: 'not-found', message: `Organisationsnoden "${request.params.key}" finns inte`, problems: [] });
    setEtag(reply, found.version);
    return found.node;
  });

  app.post('/api/organisation', { schema: { tags, summary: 'Lägg till en nod', querystring: z.object({ municipality: z.string().regex(/^\d{4}$/) }).strict(), body: OrgNode, response: { 201: OrgNode, ...errors } } }, async (request, reply) => {
    await authorize(db, request, 'edit-content', [request.body.parent ?? topOfTree]);
    const result = await createNode(db, { municipalityCode: request.query.municipality, body: request.body, actor: actorName(request), reason: reasonOf(request) });
    setEtag(reply, result.version);
    reply.status(201);
    return result.node;
  });

  app.put('/api/organisation/:key', { schema: { tags, summary: 'Ändra en nod (If-Match krävs)', params: NodeParams, body: OrgNode, response: { 200: OrgNode, ...errors } } }, async (request, reply) => {
    // A node lifted to the top of the tree leaves every subtree: only unscoped accounts may do that.
    await authorize(db, request, 'edit-content', [request.params.key, request.body.parent ?? topOfTree]);
    const result = await updateNode(db, { key: request.params.key, body: request.body, ifMatch: ifMatchVersion(request), actor: actorName(request), reason: reasonOf(request) });
    setEtag(reply, result.version);
    return result.node;
  });

  app.delete('/api/organisation/:key', { schema: { tags, summary: 'Ta bort en oanvänd nod (If-Match krävs)', params: NodeParams, response: { 204: z.null(), ...errors } } }, async (request, reply) => {
    await authorize(db, request, 'edit-content', [request.params.key]);
    await deleteNode(db, { key: request.params.key, ifMatch: ifMatchVersion(request), actor: actorName(request), reason: reasonOf(request) });
    reply.status(204).send(null);
  });
}
