/** Follow-up as data for the web app: scorecard, forecasts, deviations, volume years, plan comparison. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, PlanKeyParams } from '../../contract/api.ts';
import { DeviationList, PlanDiff, PlanForecast, Scorecard, VolumeYears } from '../../contract/follow-up.ts';
import { findDeviations } from '../../domain/deviations.ts';
import { MonthField, PeriodField } from '../../domain/period-field.ts';
import { backtestForecasts, forecastPlan } from '../../domain/forecast-plan.ts';
import { diffPlans } from '../../domain/plan-diff.ts';
import { exportPlan } from '../../services/plan-service.ts';
import type { ApiOptions } from '../api-options.ts';
import { presentDeviations, presentForecast, presentPlanDiff, presentScorecard, presentVolumeYears } from '../presenters.ts';
import { scorecardJson } from '../../services/plan-reads.ts';
import { readCheck, sendRepresentation } from '../representation.ts';
import { readablePlan } from './plans.ts';


export async function followUpRoutes(parent: FastifyInstance, { db }: ApiOptions): Promise<void> {
  const app = parent.withTypeProvider<ZodTypeProvider>();
  const tags = ['uppföljning'];
  const load = async (request: Parameters<typeof readablePlan>[1], key: string) => {
    await readablePlan(db, request, key);
    return exportPlan(db, key);
  };

  app.get('/api/plans/:plan/scorecard', {
    schema: { tags, summary: 'Styrkortet: status per styrtal och mål med förklaring (period ÅÅÅÅ, ÅÅÅÅ-H1, ÅÅÅÅ-T1, ÅÅÅÅ-Q1 eller ÅÅÅÅ-MM; standard senaste perioden med utfall)', params: PlanKeyParams, querystring: z.object({ period: PeriodField.optional() }).strict(), response: { 200: Scorecard, 304: z.null(), 400: ErrorBody, 404: ErrorBody } },
  }, async (request, reply) => sendRepresentation(request, reply, await scorecardJson(db, request.params.plan, readCheck(db, request), { period: request.query.period, present: presentScorecard })));

  app.get('/api/plans/:plan/forecast', {
    schema: { tags, summary: 'Helårsprognoser för volymer och budget från månaderna t.o.m. asOf, med metoder, intervall och inmatad prognos', params: PlanKeyParams, querystring: z.object({ asOf: MonthField, backtest: z.enum(['true', 'false']).optional() }).strict(), response: { 200: PlanForecast, 400: ErrorBody, 404: ErrorBody } },
  }, async (request) => {
    const plan = await load(request, request.params.plan);
    const forecast = forecastPlan(plan, { asOf: request.query.asOf });
    return presentForecast(forecast, request.query.backtest === 'true' ? backtestForecasts(plan, { asOf: request.query.asOf }) : undefined);
  });

  app.get('/api/plans/:plan/deviations', {
    schema: { tags, summary: 'Avvikelser för en period, störst först, med analystexter (även tidigare perioders)', params: PlanKeyParams, querystring: z.object({ period: PeriodField }).strict(), response: { 200: DeviationList, 400: ErrorBody, 404: ErrorBody } },
  }, async (request) => presentDeviations(findDeviations(await load(request, request.params.plan), { period: request.query.period })));

  app.get('/api/plans/:plan/volume-years', {
    schema: { tags, summary: 'Årsvärden ur månadsutfall per volymslag, jämförda med tryckta årsvärden', params: PlanKeyParams, response: { 200: VolumeYears, 404: ErrorBody } },
  }, async (request) => {
    const plan = await load(request, request.params.plan);
    return presentVolumeYears(plan.volumeTables);
  });

  app.get('/api/compare', {
    schema: { tags, summary: 'Jämför två planer: måltexter, styrtal, målvärden, volymer, budgetrader', querystring: z.object({ a: z.string().min(1).max(120), b: z.string().min(1).max(120) }).strict(), response: { 200: PlanDiff, 400: ErrorBody, 404: ErrorBody } },
  }, async (request) => presentPlanDiff(diffPlans(await load(request, request.query.a), await load(request, request.query.b))));
}
