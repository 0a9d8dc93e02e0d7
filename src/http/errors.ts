/** The one table from error codes to HTTP status, and the JSON body every error response has. */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isStyrkortError, type ErrorCode } from '../domain/errors.ts';

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
};

/** Fastify error handler: our errors keep code, message and problems; others become a plain 500. */
export function handleError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): void {
  if (isStyrkortError(error)) {
    const body: Record<string, unknown> = { code: error.code, message: error.message, problems: error.problems };
    if (error.details !== undefined) body.details = error.details;
    reply.status(statusOf[error.code]).send(body);
    return;
  }
  const fastifyError = error as FastifyError;
  if (fastifyError.statusCode && fastifyError.statusCode < 500) {
    reply.status(fastifyError.statusCode).send({ code: 'bad-request', message: 'Felaktig begäran', problems: [{ path: '$', message: fastifyError.message }] });
    return;
  }
  request.log.error({ err: error }, 'unexpected error');
  reply.status(500).send({ code: 'internal', message: 'Ett oväntat fel inträffade. Försök igen eller kontakta förvaltaren.', problems: [] });
}
