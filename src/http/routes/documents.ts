/** The plan document and follow-up reports as PDF, Word, Excel or HTML; adopted plans are public. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PeriodField } from '../../domain/period-field.ts';
import { ErrorBody, PlanKeyParams } from '../../contract/api.ts';
import { DocumentFile } from '../../contract/plans.ts';
import { koladaReport } from '../../services/kolada-plan-service.ts';
import { exportPlan } from '../../services/plan-service.ts';
import { yearOf } from '../../domain/period.ts';
import { documentFormats, loadPlanForDocument, renderPlanDocument, renderReport, type RenderedDocument } from '../../services/document-service.ts';
import type { ApiOptions } from '../api-options.ts';
import { readablePlan } from './plans.ts';

const DocumentParams = PlanKeyParams.extend({ format: z.enum(documentFormats) });

function send(reply: import('fastify').FastifyReply, document: RenderedDocument, download: boolean) {
  const disposition = download || document.contentType !== 'text/html; charset=utf-8' ? 'attachment' : 'inline';
  reply.type(document.contentType).header('Content-Disposition', `${disposition}; filename="${document.filename}"`);
  return reply.send(document.body);
}

export async function documentRoutes(parent: FastifyInstance, { db }: ApiOptions): Promise<void> {
  const app = parent.withTypeProvider<ZodTypeProvider>();
  const tags = ['dokument'];

  app.get('/api/plans/:plan/document.:format', {
    schema: { tags, summary: 'Verksamhetsplanen som dokument (pdf, docx, xlsx, html); en fastställd plan byggs ur sin ögonblicksbild', params: DocumentParams, querystring: z.object({ download: z.enum(['true', 'false']).optional() }).strict(), response: { 200: DocumentFile, 401: ErrorBody, 404: ErrorBody } },
  }, async (request, reply) => {
    await readablePlan(db, request, request.params.plan);
    const plan = await loadPlanForDocument(db, request.params.plan);
    return send(reply, await renderPlanDocument(plan, request.params.format), request.query.download === 'true');
  });

  app.get('/api/plans/:plan/report.:format', {
    schema: { tags, summary: 'Uppföljningsrapport för en period (ÅÅÅÅ-MM: månad, -08: delår; ÅÅÅÅ-H1, ÅÅÅÅ-T2, ÅÅÅÅ-Q3: halvår, tertial, kvartal; ÅÅÅÅ: helår)', params: DocumentParams, querystring: z.object({ period: PeriodField, download: z.enum(['true', 'false']).optional() }).strict(), response: { 200: DocumentFile, 400: ErrorBody, 401: ErrorBody, 404: ErrorBody } },
  }, async (request, reply) => {
    await readablePlan(db, request, request.params.plan);
    // Kolada: outcomes where the plan names it as the source, targets against the group or the country, and the linked measures' comparison.
    const { plan, report } = await koladaReport(db, request.params.plan, await exportPlan(db, request.params.plan), yearOf(request.query.period));
    return send(reply, await renderReport(plan, { period: request.query.period, format: request.params.format, ...(report ? { kolada: report } : {}) }), request.query.download === 'true');
  });
}
