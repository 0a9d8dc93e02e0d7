/** The JSON API under /api: zod validation, the OpenAPI document and its browsable docs, and the routes. */
import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Health } from '../contract/plans.ts';
import type { ApiOptions } from './api-options.ts';
import { swedishErrorMap } from '../domain/swedish-issues.ts';
import { registerAuth } from './auth.ts';
import { auditRoutes } from './routes/audit.ts';
import { documentRoutes } from './routes/documents.ts';
import { followUpRoutes } from './routes/follow-up.ts';
import { importRoutes } from './routes/imports.ts';
import { goalRoutes } from './routes/goals.ts';
import { itemRoutes } from './routes/items.ts';
import { koladaLinkRoutes } from './routes/kolada-links.ts';
import { koladaRoutes } from './routes/kolada.ts';
import { organisationRoutes } from './routes/organisation.ts';
import { planRoutes } from './routes/plans.ts';
import { roundRoutes } from './routes/rounds.ts';
import { sessionRoutes } from './routes/session.ts';
import { workflowRoutes } from './routes/workflow.ts';

z.config({ customError: swedishErrorMap });

export type { ApiOptions } from './api-options.ts';

export async function registerApi(app: FastifyInstance, options: ApiOptions): Promise<void> {
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Styrkort API',
        description: 'Planera och följ upp kommunens verksamhet. Ändringar kräver If-Match med den version (ETag) du läste; inloggade ändringar kräver X-CSRF-Token.',
        version: '1',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'styrkort_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/api/health', { schema: { tags: ['system'], summary: 'Hälsokontroll', response: { 200: Health } } }, async () => ({ status: 'ok' as const }));

  registerAuth(app, options.db);
  await app.register(sessionRoutes, options);
  await app.register(planRoutes, options);
  await app.register(workflowRoutes, options);
  await app.register(itemRoutes, options);
  await app.register(organisationRoutes, options);
  await app.register(goalRoutes, options);
  await app.register(auditRoutes, options);
  await app.register(followUpRoutes, options);
  await app.register(documentRoutes, options);
  await app.register(importRoutes, options);
  await app.register(roundRoutes, options);
  await app.register(koladaRoutes, options);
  await app.register(koladaLinkRoutes, options);
}
