/**
 * The organisation tree: read by anyone, changed by admins and editors within their subtree. Nodes
 * are per municipality: /api/organisation/{municipality}/{key}. The older /api/organisation/{key}
 * answers while only one municipality has a node with that key.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody } from '../../contract/api.ts';
import { OrganisationList } from '../../contract/plans.ts';
import { presentOrganisation } from '../presenters.ts';
import { MunicipalityCode, OrgNode } from '../../domain/plan.ts';
import { createNode, deleteNode, getNode, listNodes, updateNode } from '../../services/organisation-service.ts';
import { actorName, actorOf, reasonOf } from '../auth.ts';
import { ifMatchVersion, setEtag } from '../etag.ts';
import type { ApiOptions } from '../api-options.ts';

const NodeParams = z.object({ key: z.string().min(1).max(120) });
const ScopedNodeParams = NodeParams.extend({ municipality: MunicipalityCode });
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 412: ErrorBody, 428: ErrorBody };

export async function organisationRoutes(parent: FastifyInstance, { db }: ApiOptions): Promise<void> {
  const app = parent.withTypeProvider<ZodTypeProvider>();
  const tags = ['organisation'];

  app.get('/api/organisation', { schema: { tags, summary: 'Organisationsträdet', querystring: z.object({ municipality: MunicipalityCode.optional() }).strict(), response: { 200: OrganisationList, 400: ErrorBody } } }, async (request) =>
    presentOrganisation(await listNodes(db, request.query.municipality)),
  );

  app.post('/api/organisation', { schema: { tags, summary: 'Lägg till en nod', querystring: z.object({ municipality: MunicipalityCode }).strict(), body: OrgNode, response: { 201: OrgNode, ...errors } } }, async (request, reply) => {
    const result = await createNode(db, { municipalityCode: request.query.municipality, body: request.body, by: actorOf(request), actor: actorName(request), reason: reasonOf(request) });
    setEtag(reply, result.version);
    reply.status(201).header('Location', `/api/organisation/${result.municipality}/${encodeURIComponent(result.node.key)}`);
    return result.node;
  });

  // The same three operations by municipality and key, and (while unambiguous) by key alone.
  for (const [path, params, summary] of [
    ['/api/organisation/:municipality/:key', ScopedNodeParams, 'i en kommun'],
    ['/api/organisation/:key', NodeParams, '(nyckeln finns i en enda kommun)'],
  ] as const) {
    const municipalityOf = (value: { key: string } | { key: string; municipality: string }) => ('municipality' in value ? value.municipality : undefined);

    app.get(path, { schema: { tags, summary: `En organisationsnod ${summary}`, params, response: { 200: OrgNode, 404: ErrorBody, 409: ErrorBody } } }, async (request, reply) => {
      const found = await getNode(db, request.params.key, municipalityOf(request.params));
      setEtag(reply, found.version);
      return found.node;
    });

    app.put(path, { schema: { tags, summary: `Ändra en nod ${summary} (If-Match krävs); planer som utkast och inlämnade följer med, fastställda behåller sin`, params, body: OrgNode, response: { 200: OrgNode, ...errors } } }, async (request, reply) => {
      const result = await updateNode(db, { municipalityCode: municipalityOf(request.params), key: request.params.key, body: request.body, ifMatch: ifMatchVersion(request), by: actorOf(request), actor: actorName(request), reason: reasonOf(request) });
      setEtag(reply, result.version);
      return result.node;
    });

    app.delete(path, { schema: { tags, summary: `Ta bort en oanvänd nod ${summary} (If-Match krävs)`, params, response: { 204: z.null(), ...errors } } }, async (request, reply) => {
      await deleteNode(db, { municipalityCode: municipalityOf(request.params), key: request.params.key, ifMatch: ifMatchVersion(request), by: actorOf(request), actor: actorName(request), reason: reasonOf(request) });
      reply.status(204).send(null);
    });
  }
}
