/**
 * Every part of a plan as a resource: /api/plans/{plan}/{part}[/{key}], one set of routes per
 * part so the OpenAPI document shows each part's own schema. Writes need If-Match.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, ItemParams, PlanKeyParams } from '../../contract/api.ts';
import { ItemList } from '../../contract/plans.ts';
import { planParts } from '../../domain/plan-parts.ts';
import { createItem, deleteItem, getItem, listItems, updateCells, updateItem } from '../../services/plan-items-service.ts';
import { actorName, actorOf, reasonOf } from '../auth.ts';
import { ifMatchVersion, setEtag } from '../etag.ts';
import type { ApiOptions } from '../api-options.ts';
import { readablePlan } from './plans.ts';

const CellsBody = z
  .object({ cells: z.array(z.object({ row: z.string().min(1).max(120), column: z.string().min(1).max(120), text: z.string().max(200).nullable() }).strict()).min(1).max(5000) })
  .strict();

export async function itemRoutes(parent: FastifyInstance, { db }: ApiOptions): Promise<void> {
  const app = parent.withTypeProvider<ZodTypeProvider>();
  for (const part of planParts) {
    const base = `/api/plans/:plan/${part.segment}`;
    const tags = [part.segment];
    const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 412: ErrorBody, 428: ErrorBody };

    app.get(base, { schema: { tags, summary: `Lista planens ${part.noun}`, params: PlanKeyParams, response: { 200: ItemList(part.schema), 401: ErrorBody, 404: ErrorBody } } }, async (request) => {
      await readablePlan(db, request, request.params.plan);
      return { items: (await listItems(db, request.params.plan, part.segment)).map(({ item, version }) => ({ version, item })) };
    });

    app.get(`${base}/:key`, { schema: { tags, summary: `Läs ${part.noun}`, params: ItemParams, response: { 200: part.schema, 404: ErrorBody } } }, async (request, reply) => {
      await readablePlan(db, request, request.params.plan);
      const { item, version } = await getItem(db, request.params.plan, part.segment, request.params.key);
      setEtag(reply, version);
      return item;
    });

    app.post(base, { schema: { tags, summary: `Lägg till ${part.noun}`, params: PlanKeyParams, body: part.schema, response: { 201: part.schema, ...errors } } }, async (request, reply) => {
      const planKey = request.params.plan;
      const { item, version } = await createItem(db, { planKey, segment: part.segment, body: request.body, by: actorOf(request), actor: actorName(request), reason: reasonOf(request) });
      setEtag(reply, version);
      reply.status(201).header('Location', `/api/plans/${encodeURIComponent(planKey)}/${part.segment}/${encodeURIComponent(part.keyOf(item))}`);
      return item;
    });

    app.put(`${base}/:key`, { schema: { tags, summary: `Ändra ${part.noun} (hela; If-Match krävs)`, params: ItemParams, body: part.schema, response: { 200: part.schema, ...errors } } }, async (request, reply) => {
      const { item, version } = await updateItem(db, { planKey: request.params.plan, segment: part.segment, key: request.params.key, body: request.body, ifMatch: ifMatchVersion(request), by: actorOf(request), actor: actorName(request), reason: reasonOf(request) });
      setEtag(reply, version);
      return item;
    });

    if (['volume-tables', 'budget-tables', 'capital-budgets'].includes(part.segment)) {
      app.patch(`${base}/:key/cells`, {
        schema: { tags, summary: `Ändra celler i ${part.noun} (t.ex. inklistrat från Excel; If-Match krävs)`, params: ItemParams, body: CellsBody, response: { 200: part.schema, ...errors } },
      }, async (request, reply) => {
        const { item, version } = await updateCells(db, { planKey: request.params.plan, segment: part.segment, key: request.params.key, cells: request.body.cells, ifMatch: ifMatchVersion(request), by: actorOf(request), actor: actorName(request), reason: reasonOf(request) });
        setEtag(reply, version);
        return item;
      });
    }

    app.delete(`${base}/:key`, { schema: { tags, summary: `Ta bort ${part.noun} (If-Match krävs)`, params: ItemParams, response: { 204: z.null(), ...errors } } }, async (request, reply) => {
      await deleteItem(db, { planKey: request.params.plan, segment: part.segment, key: request.params.key, ifMatch: ifMatchVersion(request), by: actorOf(request), actor: actorName(request), reason: reasonOf(request) });
      reply.status(204).send(null);
    });
  }
}
