/** The one table from error codes to HTTP status, and the JSON body every error response has. */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { formatPath, isStyrkortError, type ErrorCode, type Problem } from '../domain/errors.ts';

export const statusOf: Record<ErrorCode, number> = {
  validation: 400,
  usage: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  frozen: 409,
  'precondition-failed': 412,
  'precondition-required': 428,
  'database-locked': 503,
  'database-newer': 503,
  'not-a-database': 503,
  'database-unreachable': 503,
  upstream: 502,
};

/** Fastify's own request errors, in Swedish. */
const requestErrors: Record<string, { code: string; message: (error: FastifyError) => string }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'unsupported-media-type', message: () => 'Innehållstypen stöds inte; skicka JSON (Content-Type: application/json)' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'payload-too-large', message: () => 'Begäran är för stor' },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'validation', message: () => 'Kroppen är inte giltig JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'validation', message: () => 'Kroppen är tom men innehållstypen är JSON' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'validation', message: () => 'Content-Length stämmer inte med kroppen' },
  'rate-limited': { code: 'rate-limited', message: (e) => e.message }, // thrown by @fastify/rate-limit with the Swedish message from routes/session.ts
};

interface ValidationEntry {
  instancePath?: string;
  message?: string;
  keyword?: string;
}

function validationProblems(error: FastifyError & { validation?: ValidationEntry[]; validationContext?: string }): Problem[] {
  const context = error.validationContext && error.validationContext !== 'body' ? `${error.validationContext}:` : '';
  return (error.validation ?? []).map((entry) => {
    const segments = (entry.instancePath ?? '').split('/').filter(Boolean).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    return { path: `${context}${formatPath(segments)}`, message: entry.message ?? 'Ogiltigt värde', code: entry.keyword };
  });
}

/** Fastify error handler: our errors keep code, message and problems; others become a plain 500. */
export function handleError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): void {
  if (isStyrkortError(error)) {
    const body: Record<string, unknown> = { code: error.code, message: error.message, problems: error.problems };
    if (error.details !== undefined) body.details = error.details;
    reply.status(statusOf[error.code]).send(body);
    return;
  }
  const fastifyError = error as FastifyError & { validation?: ValidationEntry[] };
  if (fastifyError.validation) {
    const problems = validationProblems(fastifyError);
    reply.status(400).send({ code: 'validation', message: `Begäran har ${problems.length} fel; ingenting har ändrats`, problems });
    return;
  }
  const known = fastifyError.code ? requestErrors[fastifyError.code] : undefined;
  if (known || (fastifyError.statusCode && fastifyError.statusCode < 500)) {
    const message = known ? known.message(fastifyError) : 'Felaktig begäran';
    reply.status(fastifyError.statusCode ?? 400).send({ code: known?.code ?? 'bad-request', message, problems: [] });
    return;
  }
  request.log.error({ err: error }, 'unexpected error');
  reply.status(500).send({ code: 'internal', message: 'Ett oväntat fel inträffade. Försök igen eller kontakta förvaltaren.', problems: [] });
}
