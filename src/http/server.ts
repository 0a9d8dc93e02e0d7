/** The HTTP server: the plan API and, until the web app exists, a plain page listing the plans. */
import Fastify, { type FastifyInstance } from 'fastify';
import type { Db } from '../db/connection.ts';
import { StyrkortError } from '../domain/errors.ts';
import { exportPlan, listPlans } from '../services/plan-service.ts';
import { handleError } from './errors.ts';
import { renderPlanListPage } from './plan-list-page.ts';
import { presentPlanSummary } from './presenters.ts';

export interface ServerOptions {
  db: Db;
  logger?: boolean | object;
}

export function buildServer({ db, logger = false }: ServerOptions): FastifyInstance {
  const app = Fastify({ logger, bodyLimit: 10 * 1024 * 1024 });
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((request, reply) => {
    handleError(new StyrkortError('not-found', `Sidan ${request.url} finns inte`), request, reply);
  });

  app.get('/api/health', async () => ({ status: 'ok' }));

  app.get('/api/plans', async () => ({ plans: (await listPlans(db)).map(presentPlanSummary) }));

  app.get<{ Params: { key: string } }>('/api/plans/:key', async (request) => exportPlan(db, request.params.key));

  app.get('/', async (_request, reply) => {
    reply.type('text/html; charset=utf-8').send(renderPlanListPage(await listPlans(db)));
  });
  return app;
}
