/**
 * Links from a plan's measures to Kolada KPIs: read with the plan (public for an adopted plan),
 * set per measure by whoever may edit the measure's node, with If-Match ("0" for a first link).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBody, PlanKeyParams } from '../../contract/api.ts';
import { KoladaLinkBody, KoladaLinkParams, KoladaLinkResult, KoladaMeasureLink, KoladaPlanLinks } from '../../contract/kolada.ts';
import { linkTarget, measureKoladaLink, planKoladaLinks, setKoladaLinks } from '../../services/kolada-link-service.ts';
import type { ApiOptions } from '../api-options.ts';
import { actorName, authorize, reasonOf } from '../auth.ts';
import { ifMatchVersion, setEtag } from '../etag.ts';
import { readablePlan } from './plans.ts';

export async function koladaLinkRoutes(parent: FastifyInstance, { db }: ApiOptions): Promise<void> {
  const app = parent.withTypeProvider<ZodTypeProvider>();
  const tags = ['kolada'];

  app.get('/api/plans/:plan/kolada', {
    schema: { tags, summary: 'Planens styrtal och volymmått med sina Kolada-nyckeltal (och de som inte är kopplade än)', params: PlanKeyParams, response: { 200: KoladaPlanLinks, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody } },
  }, async (request) => {
    await readablePlan(db, request, request.params.plan);
    return planKoladaLinks(db, request.params.plan);
  });

  app.get('/api/plans/:plan/kolada/:type/:measure', {
    schema: { tags, summary: 'Ett styrtals eller volymmåtts Kolada-nyckeltal, med kopplingens version som ETag ("0": inte kopplat)', params: KoladaLinkParams, response: { 200: KoladaMeasureLink, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody } },
  }, async (request, reply) => {
    await readablePlan(db, request, request.params.plan);
    const link = await measureKoladaLink(db, request.params.plan, request.params.type, request.params.measure);
    setEtag(reply, link.version);
    return link;
  });

  app.put('/api/plans/:plan/kolada/:type/:measure', {
    schema: {
      tags,
      summary: 'Koppla ett styrtal eller volymmått till Kolada-nyckeltal (ersätter listan; tom lista tar bort kopplingen). If-Match: kopplingens version, "0" första gången',
      params: KoladaLinkParams,
      body: KoladaLinkBody,
      response: { 200: KoladaLinkResult, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 412: ErrorBody, 428: ErrorBody },
    },
  }, async (request, reply) => {
    const { plan, type, measure } = request.params;
    const target = await linkTarget(db, plan, type, measure);
    await authorize(db, request, 'edit-content', { municipality: target.municipality, nodes: [target.measure.node] });
    const saved = await setKoladaLinks(db, { planKey: plan, itemType: type, measure, kpis: request.body.kpis, ifMatch: ifMatchVersion(request), actor: actorName(request), reason: reasonOf(request) });
    setEtag(reply, saved.version);
    return { version: saved.version, kpis: saved.link?.kpis ?? [] };
  });
}
