/**
 * Imports of actuals (issue 14): a file is the raw request body (application/octet-stream,
 * streamed: never held whole), its name in X-File-Name (URL-encoded, as X-Reason). Volume and
 * indicator actuals for redaktör, ledgers for ekonom; a dry run previews; the history, one
 * import's cells, undo; the progress of an upload under way; and where each figure of a plan came
 * from (the provenance line on a cell).
 */
import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, PlanKeyParams } from '../../contract/api.ts';
import {
  ActualsImportQuery,
  FigureSources,
  FigureSourcesQuery,
  ImportDetail,
  ImportIdParams,
  ImportList,
  ImportListQuery,
  ImportOutcomeBody,
  ImportProgressBody,
  LedgerImportQuery,
  LedgerMappingList,
  MappingParams,
  ProgressParams,
} from '../../contract/imports.ts';
import { StyrkortError } from '../../domain/errors.ts';
import type { Db } from '../../db/connection.ts';
import { figureSources } from '../../services/figure-source-service.ts';
import { importActuals } from '../../services/import-actuals-service.ts';
import { importLedger } from '../../services/import-ledger-service.ts';
import { getMapping, mappings, saveMapping } from '../../services/ledger-mapping-service.ts';
import { LedgerMapping } from '../../domain/ledger/mapping.ts';
import { namedEncoding } from '../../services/import-file.ts';
import { getImportWithCells, importHistory, undoImport } from '../../services/import-record-service.ts';
import type { ApiOptions } from '../api-options.ts';
import { actorName, actorOf, authorize, reasonOf } from '../auth.ts';
import { followProgress, progressOf } from '../import-progress.ts';
import { presentCell, presentLedger, presentOutcome, presentRecord } from '../import-presenters.ts';
import { ifMatchVersion, setEtag } from '../etag.ts';
import { readablePlan } from './plans.ts';

/** The most an upload may hold. */
export const maxImportBytes = 1024 * 1024 * 1024;

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
// Loose: every other header (cookie, content type, CSRF token) passes untouched.
const fileHeaders = z.looseObject({
  'x-file-name': z.string().max(1000).optional().describe('filens namn, URL-kodat'),
  'x-import-token': z.string().max(64).optional().describe('valfri token för att följa importen med GET /api/imports/progress/{token}'),
});

function fileNameOf(request: FastifyRequest): string {
  const raw = request.headers['x-file-name'];
  const text = Array.isArray(raw) ? raw[0] : raw;
  if (text === undefined || text === '') return 'namnlös fil';
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function bodyOf(request: FastifyRequest): Readable {
  const body = request.body as Readable | undefined;
  if (body === undefined || body === null || typeof (body as { pipe?: unknown }).pipe !== 'function') {
    throw new StyrkortError('validation', 'Skicka filen som kroppen med Content-Type: application/octet-stream');
  }
  return body;
}

const flag = (value: string | undefined) => value === 'true' || value === '1';

export async function importRoutes(parent: FastifyInstance, { db }: ApiOptions): Promise<void> {
  const app = parent.withTypeProvider<ZodTypeProvider>();
  // The file streams through as it arrives; the import reads it to the end or stops with its report.
  app.addContentTypeParser('application/octet-stream', (_request, payload, done) => done(null, payload));

  app.post('/api/plans/:plan/imports/actuals', {
    schema: {
      tags: ['importer'],
      summary: 'Läs in utfall för volymer och styrtal från en CSV- eller Excel-fil (kroppen); dryRun=true förhandsgranskar',
      description: 'Kroppen är filen (application/octet-stream). Fel i filen: 400 med rad, kolumn, värde och skäl (de första 100 och antalet) i details; ingenting sparas.',
      params: PlanKeyParams,
      querystring: ActualsImportQuery,
      headers: fileHeaders,
      consumes: ['application/octet-stream'],
      response: { 200: ImportOutcomeBody, 201: ImportOutcomeBody, ...errors },
    },
  }, async (request, reply) => {
    const summary = await readablePlan(db, request, request.params.plan);
    await authorize(db, request, 'edit-content');
    const query = request.query;
    const progress = followProgress(headerText(request, 'x-import-token'), actorName(request));
    try {
      const outcome = await importActuals(db, {
        planKey: summary.key,
        source: bodyOf(request),
        fileName: fileNameOf(request),
        actor: actorName(request),
        dryRun: flag(query.dryRun),
        sourceSystem: query.source,
        maxBytes: maxImportBytes,
        onProgress: (p) => progress.report(p),
        by: actorOf(request),
        read: {
          layout: query.layout,
          encoding: namedEncoding(query.encoding),
          delimiter: query.delimiter === 'tab' ? '\t' : query.delimiter,
          decimal: query.decimal,
          sheet: query.sheet === undefined ? undefined : /^\d+$/.test(query.sheet) ? Number(query.sheet) : query.sheet,
          wide: query.year === undefined ? undefined : { year: query.year },
        },
      });
      reply.status(outcome.status === 'imported' ? 201 : 200);
      return presentOutcome(outcome, null);
    } finally {
      progress.end();
    }
  });

  app.post('/api/imports/ledger', {
    schema: {
      tags: ['importer'],
      summary: 'Läs in ekonomiskt utfall från en huvudbok (SIE 4, CSV eller Excel i kroppen) per enhet och månad enligt en mappning; dryRun=true förhandsgranskar',
      description: 'Kroppen är filen (application/octet-stream). Svaret har tabellen per enhet och månad och de omappade koderna med summor (ledger). Fel i filen: 400 med rad, kolumn, värde och skäl; ingenting sparas.',
      querystring: LedgerImportQuery,
      headers: fileHeaders,
      consumes: ['application/octet-stream'],
      response: { 200: ImportOutcomeBody, 201: ImportOutcomeBody, ...errors },
    },
  }, async (request, reply) => {
    const summary = await readablePlan(db, request, request.query.plan);
    await authorize(db, request, 'edit-economy');
    const query = request.query;
    const progress = followProgress(headerText(request, 'x-import-token'), actorName(request));
    try {
      const outcome = await importLedger(db, {
        planKey: summary.key,
        mapping: query.mapping,
        source: bodyOf(request),
        fileName: fileNameOf(request),
        actor: actorName(request),
        dryRun: flag(query.dryRun),
        sourceSystem: query.source,
        maxBytes: maxImportBytes,
        onProgress: (p) => progress.report(p),
        by: actorOf(request),
        read: {
          encoding: namedEncoding(query.encoding),
          delimiter: query.delimiter === 'tab' ? '\t' : query.delimiter,
          decimal: query.decimal,
          sheet: query.sheet === undefined ? undefined : /^\d+$/.test(query.sheet) ? Number(query.sheet) : query.sheet,
        },
      });
      reply.status(outcome.status === 'imported' ? 201 : 200);
      return presentOutcome(outcome, presentLedger(outcome));
    } finally {
      progress.end();
    }
  });

  app.get('/api/ledger-mappings', {
    schema: { tags: ['importer'], summary: 'Kommunernas mappningar från ekonomisystemets koder till planens enheter', response: { 200: LedgerMappingList, 401: ErrorBody, 403: ErrorBody } },
  }, async (request) => {
    await authorize(db, request, 'read-audit');
    const list = await mappings(db);
    return { mappings: list.map((m) => ({ key: m.key, name: m.name, municipality: m.municipality, version: m.version, updatedBy: m.updatedBy, updatedAt: m.updatedAt.toISOString() })) };
  });

  app.get('/api/ledger-mappings/:key', {
    schema: { tags: ['importer'], summary: 'En mappning som JSON-fil (ETag = versionen)', params: MappingParams, response: { 200: LedgerMapping, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody } },
  }, async (request, reply) => {
    await authorize(db, request, 'read-audit');
    const { mapping, version } = await getMapping(db, request.params.key);
    setEtag(reply, version);
    return mapping;
  });

  app.put('/api/ledger-mappings/:key', {
    schema: {
      tags: ['importer'],
      summary: 'Spara en mappning (ny utan If-Match; ändring med If-Match); kontrolleras hel',
      params: MappingParams,
      body: LedgerMapping,
      response: { 200: LedgerMapping, 201: LedgerMapping, ...errors, 412: ErrorBody, 428: ErrorBody },
    },
  }, async (request, reply) => {
    if (request.body.key !== request.params.key) throw new StyrkortError('validation', 'Nyckeln kan inte ändras', [{ path: '$.key', message: `Ska vara "${request.params.key}" (nyckeln i adressen)` }]);
    const targets = request.body.rules.flatMap((rule) => ('node' in rule.target ? [rule.target.node] : []));
    await authorize(db, request, 'edit-economy', { municipality: request.body.municipality, nodes: targets });
    const saved = await saveMapping(db, request.body, { actor: actorName(request), ifMatch: ifMatchVersion(request), reason: reasonOf(request) });
    setEtag(reply, saved.version);
    reply.status(saved.created ? 201 : 200);
    return saved.mapping;
  });

  app.get('/api/imports', {
    schema: { tags: ['importer'], summary: 'Importerna, nyast först', querystring: ImportListQuery, response: { 200: ImportList, 401: ErrorBody, 403: ErrorBody } },
  }, async (request) => {
    await authorize(db, request, 'read-audit');
    const records = await importHistory(db, { planKey: request.query.plan, limit: request.query.limit, offset: request.query.offset });
    return { imports: records.map(presentRecord) };
  });

  app.get('/api/imports/:id', {
    schema: { tags: ['importer'], summary: 'En import och cellerna den ändrade', params: ImportIdParams, response: { 200: ImportDetail, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody } },
  }, async (request) => {
    await authorize(db, request, 'read-audit');
    const { record, cells } = await getImportWithCells(db, request.params.id);
    return { import: presentRecord(record), cells: cells.map(presentCell) };
  });

  app.post('/api/imports/:id/undo', {
    schema: {
      tags: ['importer'],
      summary: 'Ångra en import som helhet (nekas med 409 och cellerna om något ändrats efter importen)',
      params: ImportIdParams,
      response: { 200: ImportDetail.shape.import, ...errors },
    },
  }, async (request) => {
    const record = await undoImport(db, {
      id: request.params.id,
      actor: actorName(request),
      reason: reasonOf(request),
      by: actorOf(request),
    });
    return presentRecord(record);
  });

  app.get('/api/imports/progress/:token', {
    schema: { tags: ['importer'], summary: 'Hur långt en pågående import har kommit (token från X-Import-Token)', params: ProgressParams, response: { 200: ImportProgressBody, 401: ErrorBody, 404: ErrorBody } },
  }, async (request) => {
    if (!request.session) throw new StyrkortError('unauthenticated', 'Du behöver logga in');
    const progress = progressOf(request.params.token, actorName(request));
    if (!progress) throw new StyrkortError('not-found', 'Ingen pågående import med den token');
    return progress;
  });

  app.get('/api/plans/:plan/figure-sources', {
    schema: {
      tags: ['importer'],
      summary: 'Varifrån planens siffror kommer: källa, import, vem och när (för uppgiften om källa på en cell)',
      params: PlanKeyParams,
      querystring: FigureSourcesQuery,
      response: { 200: FigureSources, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
    },
  }, async (request) => {
    const summary = await readablePlan(db, request, request.params.plan);
    // Names of people are for those who may read the audit trail; the public sees source and date.
    const withNames = request.session !== null;
    return { figures: await figureSources(db, summary.key, { itemType: request.query.item, withNames }) };
  });
}

function headerText(request: FastifyRequest, name: string): string | undefined {
  const raw = request.headers[name];
  return Array.isArray(raw) ? raw[0] : raw;
}

export type { Db };
