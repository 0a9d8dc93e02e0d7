/** The HTTP surface of the planning core, in-process (no port): plan list, whole plan, errors. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../src/db/connection.ts';
import { buildServer } from '../src/http/server.ts';
import { importPlan } from '../src/services/plan-service.ts';
import { freshDatabase } from './helpers/databases.ts';
import { aPlan } from './helpers/plan-builder.ts';

describe('plan API', () => {
  let database: Database;
  let app: FastifyInstance;
  beforeAll(async () => {
    database = await freshDatabase('pglite');
    await importPlan(database.db, aPlan({ plan: { status: 'adopted', decision: { date: '2019-11-27', body: 'Socialnämnden', paragraph: 'SN § 45' } } }), { actor: 'test', source: 'test' });
    app = buildServer({ db: database.db });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('lists the plans', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/plans' });
    expect(response.statusCode).toBe(200);
    expect(response.json().plans).toEqual([
      {
        key: 'test-plan-2020-2022',
        title: 'Verksamhetsplan 2020-2022',
        subtitle: 'Socialnämnden',
        status: 'adopted',
        period: { start: 2020, end: 2022 },
        owner: 'sn',
        municipality: { code: '2262', name: 'Timrå kommun' },
        version: 1,
        links: { self: '/api/plans/test-plan-2020-2022' },
      },
    ]);
  });

  it('returns a whole plan as interchange JSON', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/plans/test-plan-2020-2022' });
    expect(response.statusCode).toBe(200);
    const plan = response.json();
    expect(plan.format).toBe('styrkort-plan');
    expect(plan.budgetTables[0].rows[2].cells['budget-2020']).toBe('-449 380');
  });

  it('answers an unknown plan with 404 and a Swedish message', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/plans/finns-inte' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ code: 'not-found', message: 'Planen finns-inte finns inte', problems: [] });
  });

});
