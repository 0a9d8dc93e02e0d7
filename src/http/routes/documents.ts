/** The plan document and follow-up reports as PDF, Word, Excel or HTML, cached per plan version; adopted plans are public. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PeriodField } from '../../domain/period-field.ts';
import { ErrorBody, PlanKeyParams } from '../../contract/api.ts';
import { DocumentFile } from '../../contract/plans.ts';
import { documentFormats, type DocumentFormat } from '../../services/document-service.ts';
import { planDocument, reportDocument } from '../../services/plan-reads.ts';
import type { ApiOptions } from '../api-options.ts';
import { readCheck, sendRepresentation } from '../representation.ts';

const DocumentParams = PlanKeyParams.extend({ format: z.enum(documentFormats) });

/** HTML opens in the browser unless asked to download; the other formats are downloads. */
function disposition(format: DocumentFormat, download: boolean): 'inline' | 'attachment' {
  return download || format !== 'html' ? 'attachment' : 'inline';
}

export async function documentRoutes(parent: FastifyInstance, { db }: ApiOptions): Promise<void> {
  const app = parent.withTypeProvider<ZodTypeProvider>();
  const tags = ['dokument'];

  app.get('/api/plans/:plan/document.:format', {
    schema: { tags, summary: 'Verksamhetsplanen som dokument (pdf, docx, xlsx, html); en fastställd plan byggs ur sin ögonblicksbild', params: DocumentParams, querystring: z.object({ download: z.enum(['true', 'false']).optional() }).strict(), response: { 200: DocumentFile, 304: z.null(), 401: ErrorBody, 404: ErrorBody } },
  }, async (request, reply) => {
    const { plan, format } = request.params;
    return sendRepresentation(request, reply, await planDocument(db, plan, readCheck(db, request), format), { disposition: disposition(format, request.query.download === 'true') });
  });

  app.get('/api/plans/:plan/report.:format', {
    schema: { tags, summary: 'Uppföljningsrapport för en period (ÅÅÅÅ-MM: månad, -08: delår; ÅÅÅÅ-H1, ÅÅÅÅ-T2, ÅÅÅÅ-Q3: halvår, tertial, kvartal; ÅÅÅÅ: helår)', params: DocumentParams, querystring: z.object({ period: PeriodField, download: z.enum(['true', 'false']).optional() }).strict(), response: { 200: DocumentFile, 304: z.null(), 400: ErrorBody, 401: ErrorBody, 404: ErrorBody } },
  }, async (request, reply) => {
    const { plan, format } = request.params;
    const report = await reportDocument(db, plan, readCheck(db, request), { period: request.query.period, format });
    return sendRepresentation(request, reply, report, { disposition: disposition(format, request.query.download === 'true') });
  });
}
