/**
 * Kolada over the API: comparisons, series, comparison groups and KPI search (public data,
 * readable by everyone), and the sync's schedule and runs (admins).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBody } from '../../contract/api.ts';
import {
  KoladaCompareQuery,
  KoladaComparison,
  KoladaGroups,
  KoladaGroupsQuery,
  KoladaKpiSearchQuery,
  KoladaKpiSearchResult,
  KoladaSeries,
  KoladaSeriesQuery,
  KoladaSyncStatus,
} from '../../contract/kolada.ts';
import { compareKpi, kpiSeries, listComparisonGroups, searchKoladaKpis } from '../../services/kolada-compare-service.ts';
import { koladaSyncStatus } from '../../services/kolada-schedule.ts';
import type { ApiOptions } from '../api-options.ts';
import { authorize } from '../auth.ts';
import { presentComparison, presentSeries, presentSyncStatus } from '../kolada-presenters.ts';

export async function koladaRoutes(parent: FastifyInstance, { db }: ApiOptions): Promise<void> {
  const app = parent.withTypeProvider<ZodTypeProvider>();
  const tags = ['kolada'];

  app.get('/api/kolada/compare', {
    schema: { tags, summary: 'Jämför kommunens värde för ett nyckeltal och år med jämförelsegruppen (medelvärde, min, kvartiler, median, max, plats) och riket', querystring: KoladaCompareQuery, response: { 200: KoladaComparison, 400: ErrorBody, 404: ErrorBody } },
  }, async (request) => presentComparison(await compareKpi(db, request.query)));

  app.get('/api/kolada/series', {
    schema: { tags, summary: 'Ett nyckeltals serie för kommunen, år för år, mot jämförelsegruppen och riket', querystring: KoladaSeriesQuery, response: { 200: KoladaSeries, 400: ErrorBody, 404: ErrorBody } },
  }, async (request) => presentSeries(await kpiSeries(db, request.query), request.query));

  app.get('/api/kolada/groups', {
    schema: { tags, summary: 'Kommunens jämförelsegrupper ("Liknande kommuner …", senaste året per område) med medlemmar', querystring: KoladaGroupsQuery, response: { 200: KoladaGroups, 400: ErrorBody, 404: ErrorBody } },
  }, async (request) => listComparisonGroups(db, request.query.municipality));

  app.get('/api/kolada/kpis', {
    schema: { tags, summary: 'Sök nyckeltal på id eller ord (titel, beskrivning, verksamhetsområde)', querystring: KoladaKpiSearchQuery, response: { 200: KoladaKpiSearchResult, 400: ErrorBody } },
  }, async (request) => ({ kpis: await searchKoladaKpis(db, request.query) }));

  app.get('/api/kolada/sync', {
    schema: { tags, summary: 'Kolada-synken: schema (STYRKORT_KOLADA_SYNC), nästa körning, senaste körningar och resultat (admin)', response: { 200: KoladaSyncStatus, 401: ErrorBody, 403: ErrorBody } },
  }, async (request) => {
    await authorize(db, request, 'manage-kolada');
    return presentSyncStatus(await koladaSyncStatus(db, new Date()));
  });
}
