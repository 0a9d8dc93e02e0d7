/**
 * Sends a cached representation of a plan (src/services/plan-reads.ts): its strong ETag, and 304
 * without a body when the client already holds those bytes (If-None-Match).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/connection.ts';
import type { ReadCheck, Representation } from '../services/plan-reads.ts';
import { authorize } from './auth.ts';

/** Adopted plans are public; any other plan needs an account that may read plans of its municipality. */
export function readCheck(db: Db, request: FastifyRequest): ReadCheck {
  return async (version) => {
    if (version.status !== 'adopted') await authorize(db, request, 'read-plan', { municipality: version.municipalityCode, nodes: [] });
  };
}

/** Whether an If-None-Match header names this ETag (weak comparison, as RFC 9110 § 13.1.2 says; "*" matches). */
export function noneMatchHolds(header: string | string[] | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const tags = (Array.isArray(header) ? header.join(',') : header).split(',').map((tag) => tag.trim().replace(/^W\//, ''));
  return tags.some((tag) => tag === '*' || tag === etag);
}

/**
 * The representation, or 304 when the client holds it. Browsers keep it and ask again on every
 * use (no-cache); shared caches do not keep it (private), since drafts are read with a session.
 */
export function sendRepresentation(request: FastifyRequest, reply: FastifyReply, representation: Representation, options: { disposition?: 'inline' | 'attachment' } = {}) {
  reply.header('ETag', representation.etag).header('Cache-Control', 'private, no-cache');
  if (noneMatchHolds(request.headers['if-none-match'], representation.etag)) return reply.code(304).send();
  reply.type(representation.contentType);
  if (representation.filename) reply.header('Content-Disposition', `${options.disposition ?? 'attachment'}; filename="${representation.filename}"`);
  return reply.send(representation.body);
}
