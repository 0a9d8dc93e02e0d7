/**
 * Follow-up rounds as resources: /api/plans/{plan}/rounds[/{period}] (open, read, change, submit,
 * reopen, adopt, report documents, snapshot), its assignments per node (read, name the
 * responsible, mark done, send back) and their items (read, write), the account's own
 * assignments and notices under /api/me, and mail addresses. Writes need If-Match; errors are
 * the one Swedish error body (http/errors.ts).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, PlanKeyParams } from '../../contract/api.ts';
import {
  AssignmentItemParams,
  AssignmentItemView,
  AssignmentParams,
  AssignmentView,
  ItemSaved,
  ItemWrite,
  MailAddress,
  MailAddressBody,
  MyAssignmentList,
  NoticeList,
  OpenRoundRequest,
  ResponsibleChange,
  RoundChange,
  RoundDocumentParams,
  RoundList,
  RoundParams,
  RoundReportContent,
  RoundStepBody,
  RoundStepResult,
  RoundView,
  SendBackRequest,
} from '../../contract/rounds.ts';
import { StyrkortError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/access.ts';
import { roundSteps, type RoundStep } from '../../domain/rounds/lifecycle.ts';
import type { Db } from '../../db/connection.ts';
import { getAssignment, markDone, myAssignments, sendBack, setResponsible, writeItem } from '../../services/round-assignment-service.ts';
import { systemClock, type Clock } from '../../services/round-clock.ts';
import { mailAddressOf, noticesOf, readNotice, setMailAddress } from '../../services/round-notice-service.ts';
import { changeRound, openRound, planRounds, readRound } from '../../services/round-service.ts';
import { renderRoundReport, roundReportContent, takeRoundStep } from '../../services/round-workflow-service.ts';
import { reasonOf } from '../auth.ts';
import { ifMatchVersion, setEtag } from '../etag.ts';
import type { ApiOptions } from '../api-options.ts';
import { presentAssignment, presentMyAssignments, presentNotices, presentRound } from './round-presenters.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 412: ErrorBody, 428: ErrorBody };
const stepSummaries: Record<RoundStep, string> = {
  submit: 'Lämna in omgångens rapport (öppen → inlämnad); alla uppdrag klara, eller includeUnfinished',
  reopen: 'Öppna omgången igen (inlämnad → öppen)',
  adopt: 'Fastställ rapporten (inlämnad → fastställd) med beslut: datum, organ, paragraf, diarienummer; fryser en ögonblicksbild',
};

const actorOf = (request: FastifyRequest): Actor | null => request.session?.user ?? null;
const roundUrl = (plan: string, period: string) => `/api/plans/${encodeURIComponent(plan)}/rounds/${encodeURIComponent(period)}`;

function sendDocument(reply: FastifyReply, document: { body: Buffer; contentType: string; filename: string }, download: boolean) {
  const disposition = download || !document.contentType.startsWith('text/html') ? 'attachment' : 'inline';
  return reply.type(document.contentType).header('Content-Disposition', `${disposition}; filename="${document.filename}"`).send(document.body);
}

export async function roundRoutes(parent: FastifyInstance, { db, clock = systemClock }: ApiOptions): Promise<void> {
  const app = typed(parent);
  const tags = ['uppföljningsomgångar'];
  const context = (request: FastifyRequest) => ({ actor: actorOf(request), clock, reason: reasonOf(request) });

  app.get('/api/plans/:plan/rounds', { schema: { tags, summary: 'Planens uppföljningsomgångar, senast öppnad först (allmänheten ser fastställda)', params: PlanKeyParams, response: { 200: RoundList, 404: ErrorBody } } }, async (request) => ({
    rounds: (await planRounds(db, { planKey: request.params.plan, actor: actorOf(request), clock })).map(presentRound),
  }));

  app.post('/api/plans/:plan/rounds', { schema: { tags, summary: 'Öppna en uppföljningsomgång för en period med sista dag och mall; ett uppdrag per nod', params: PlanKeyParams, body: OpenRoundRequest, response: { 201: RoundView, ...errors } } }, async (request, reply) => {
    const overview = await openRound(db, { planKey: request.params.plan, ...request.body, ...context(request) });
    setEtag(reply, overview.round.version);
    reply.status(201).header('Location', roundUrl(overview.round.planKey, overview.round.period));
    return presentRound(overview);
  });

  app.get('/api/plans/:plan/rounds/:period', { schema: { tags, summary: 'En omgång: status per nod (inte påbörjad, pågår, klar, skickad tillbaka; försenad)', params: RoundParams, response: { 200: RoundView, 401: ErrorBody, 404: ErrorBody } } }, async (request, reply) => {
    const overview = await readRound(db, { planKey: request.params.plan, period: request.params.period, actor: actorOf(request), clock });
    setEtag(reply, overview.round.version);
    return presentRound(overview);
  });

  app.patch('/api/plans/:plan/rounds/:period', { schema: { tags, summary: 'Flytta omgångens sista dag eller påminnelse (If-Match krävs)', params: RoundParams, body: RoundChange, response: { 200: RoundView, ...errors } } }, async (request, reply) => {
    const overview = await changeRound(db, { planKey: request.params.plan, period: request.params.period, ...request.body, ifMatch: ifMatchVersion(request), ...context(request) });
    setEtag(reply, overview.round.version);
    return presentRound(overview);
  });

  for (const step of Object.keys(roundSteps) as RoundStep[]) {
    app.post(`/api/plans/:plan/rounds/:period/${step}`, { schema: { tags, summary: stepSummaries[step], params: RoundParams, body: RoundStepBody, response: { 200: RoundStepResult, ...errors } } }, async (request, reply) => {
      const result = await takeRoundStep(db, { planKey: request.params.plan, period: request.params.period, step, decision: request.body?.decision, includeUnfinished: request.body?.includeUnfinished, ifMatch: ifMatchVersion(request), ...context(request) });
      setEtag(reply, result.version);
      return result;
    });
  }

  app.get('/api/plans/:plan/rounds/:period/report.:format', {
    schema: { tags, summary: 'Omgångens rapport (pdf, docx, xlsx, html): ur ögonblicksbilden när den är fastställd, annars ett utkast för inloggade', params: RoundDocumentParams, querystring: z.object({ download: z.enum(['true', 'false']).optional() }).strict(), response: { 401: ErrorBody, 404: ErrorBody } },
  }, async (request, reply) => {
    const document = await renderRoundReport(db, { planKey: request.params.plan, period: request.params.period, actor: actorOf(request), format: request.params.format });
    return sendDocument(reply, document, request.query.download === 'true');
  });

  app.get('/api/plans/:plan/rounds/:period/snapshot', { schema: { tags, summary: 'Rapportens underlag: ögonblicksbilden när den är fastställd, annars sammanställt nu', params: RoundParams, response: { 200: RoundReportContent, 401: ErrorBody, 404: ErrorBody } } }, async (request) =>
    roundReportContent(db, { planKey: request.params.plan, period: request.params.period, actor: actorOf(request) }),
  );

  assignmentRoutes(app, { db, clock, tags, context });
  meRoutes(app, db, clock);
}

const typed = (app: FastifyInstance) => app.withTypeProvider<ZodTypeProvider>();
type ZodApp = ReturnType<typeof typed>;
type Context = (request: FastifyRequest) => { actor: Actor | null; clock: Clock; reason: string | null };

function assignmentRoutes(app: ZodApp, { db, clock, tags, context }: { db: Db; clock: Clock; tags: string[]; context: Context }): void {
  {
    const base = '/api/plans/:plan/rounds/:period/assignments/:node';
    const where = (params: { plan: string; period: string; node: string }) => ({ planKey: params.plan, period: params.period, node: params.node });
    const present = async (request: FastifyRequest, reply: FastifyReply, params: { plan: string; period: string; node: string }) => {
      const detail = await getAssignment(db, { ...where(params), actor: actorOf(request), clock });
      setEtag(reply, detail.assignment.version);
      return presentAssignment(detail);
    };

    app.get(base, { schema: { tags, summary: 'En nods uppdrag: delarna med det som skrivits, vad som saknas och det som följer med från tidigare omgångar', params: AssignmentParams, response: { 200: AssignmentView, 401: ErrorBody, 404: ErrorBody } } }, async (request, reply) => present(request, reply, request.params));

    app.patch(base, { schema: { tags, summary: 'Utse en annan ansvarig för uppdraget (granskare; If-Match krävs)', params: AssignmentParams, body: ResponsibleChange, response: { 200: AssignmentView, ...errors } } }, async (request, reply) => {
      await setResponsible(db, { ...where(request.params), responsible: request.body.responsible, ifMatch: ifMatchVersion(request), ...context(request) });
      return present(request, reply, request.params);
    });

    app.post(`${base}/done`, { schema: { tags, summary: 'Markera uppdraget som klart (den ansvarige; allt som efterfrågas måste vara skrivet; If-Match krävs)', params: AssignmentParams, response: { 200: AssignmentView, ...errors } } }, async (request, reply) => {
      await markDone(db, { ...where(request.params), ifMatch: ifMatchVersion(request), ...context(request) });
      return present(request, reply, request.params);
    });

    app.post(`${base}/send-back`, { schema: { tags, summary: 'Skicka tillbaka ett klart uppdrag med en kommentar (granskare; If-Match krävs)', params: AssignmentParams, body: SendBackRequest, response: { 200: AssignmentView, ...errors } } }, async (request, reply) => {
      await sendBack(db, { ...where(request.params), comment: request.body.comment, ifMatch: ifMatchVersion(request), ...context(request) });
      return present(request, reply, request.params);
    });

    app.get(`${base}/items/:item`, { schema: { tags, summary: 'En del av uppdraget med det som skrivits och dess version', params: AssignmentItemParams, response: { 200: AssignmentItemView, 401: ErrorBody, 404: ErrorBody } } }, async (request, reply) => {
      const view = presentAssignment(await getAssignment(db, { ...where(request.params), actor: actorOf(request), clock }));
      const item = view.items.find((candidate) => candidate.key === request.params.item);
      if (!item) throw new StyrkortError('not-found', `Uppdraget frågar inte efter "${request.params.item}"`);
      setEtag(reply, item.version);
      return item;
    });

    app.put(`${base}/items/:item`, { schema: { tags, summary: 'Skriv en del av uppdraget (den ansvarige; If-Match: delens version, "0" innan något skrivits)', params: AssignmentItemParams, body: ItemWrite, response: { 200: ItemSaved, ...errors } } }, async (request, reply) => {
      const saved = await writeItem(db, { ...where(request.params), itemKey: request.params.item, value: request.body, ifMatch: ifMatchVersion(request), ...context(request) });
      setEtag(reply, saved.version);
      return { key: request.params.item, ...saved.value, version: saved.version };
    });
  }
}

function meRoutes(app: ZodApp, db: Db, clock: Clock): void {
  const tags = ['uppföljningsomgångar'];
  app.get('/api/me/assignments', { schema: { tags, summary: 'Min uppföljning: uppdragen jag är ansvarig för, med vad som saknas', response: { 200: MyAssignmentList, 401: ErrorBody } } }, async (request) => presentMyAssignments(await myAssignments(db, { actor: actorOf(request), clock })));

  app.get('/api/me/notices', { schema: { tags, summary: 'Mina notiser om omgångar: uppdrag, påminnelser, tillbakaskickat, sammanställningar', response: { 200: NoticeList, 401: ErrorBody } } }, async (request) => presentNotices(await noticesOf(db, actorOf(request))));

  app.post('/api/me/notices/:id/read', { schema: { tags, summary: 'Markera en notis som läst', params: z.object({ id: z.coerce.number().int().min(1) }), response: { 204: z.null(), 401: ErrorBody, 404: ErrorBody } } }, async (request, reply) => {
    await readNotice(db, { actor: actorOf(request), id: request.params.id, clock });
    reply.status(204).send(null);
  });

  const UserParams = z.object({ username: z.string().min(1).max(64) });
  app.get('/api/users/:username/mail-address', { schema: { tags, summary: 'E-postadressen kontot får påminnelser till (kontot självt eller administratör)', params: UserParams, response: { 200: MailAddress, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody } } }, async (request) => ({
    username: request.params.username,
    address: await mailAddressOf(db, { actor: actorOf(request), username: request.params.username }),
  }));

  app.put('/api/users/:username/mail-address', { schema: { tags, summary: 'Sätt (eller med null ta bort) e-postadressen för påminnelser', params: UserParams, body: MailAddressBody, response: { 200: MailAddress, ...errors } } }, async (request) => ({
    username: request.params.username,
    address: await setMailAddress(db, { actor: actorOf(request), username: request.params.username, address: request.body.address, clock, reason: reasonOf(request) }),
  }));
}
