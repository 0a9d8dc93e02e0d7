/** The audit trail: read per plan, per entity and per user, as JSON or CSV. There is no write route. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AuditList, AuditQueryString, ErrorBody } from '../../contract/api.ts';
import { auditCsv, findAuditEvents, type AuditEventView } from '../../services/audit-service.ts';
import { authorize } from '../auth.ts';
import type { ApiOptions } from '../api-options.ts';

function present(event: AuditEventView) {
  return { ...event, at: event.at.toISOString() };
}

export async function auditRoutes(parent: FastifyInstance, { db }: ApiOptions): Promise<void> {
  const app = parent.withTypeProvider<ZodTypeProvider>();
  app.get('/api/audit', {
    schema: {
      tags: ['ändringslogg'],
      summary: 'Ändringsloggen: vem ändrade vad, när, före och efter (format=csv för CSV)',
      querystring: AuditQueryString,
      response: { 200: z.union([AuditList, z.string()]), 401: ErrorBody, 403: ErrorBody },
    },
  }, async (request, reply) => {
    await authorize(db, request, 'read-audit');
    const { plan, entityType, entityKey, user, format, limit, offset } = request.query;
    const events = await findAuditEvents(db, { planKey: plan, entityType, entityKey, actor: user, limit, offset });
    if (format === 'csv') {
      reply.type('text/csv; charset=utf-8').header('Content-Disposition', 'attachment; filename="andringslogg.csv"');
      return auditCsv(events);
    }
    return { events: events.map(present) };
  });
}
