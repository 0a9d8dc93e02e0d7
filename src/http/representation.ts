/**
 * Sends a cached representation of a plan (src/services/plan-reads.ts): its strong ETag, gzipped
 * when it is text and the client accepts that, and 304 without a body when the client already
 * holds those bytes (If-None-Match).
 */
import { gzipSync } from 'node:zlib';
import { Negotiator } from '@fastify/accept-negotiator';
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
  const compressible = isCompressible(representation);
  const gzip = compressible && acceptsGzip(request.headers['accept-encoding']);
  const etag = gzip ? gzipEtag(representation.etag) : representation.etag;
  reply.header('ETag', etag).header('Cache-Control', 'private, no-cache');
  if (compressible) reply.header('Vary', 'Accept-Encoding');
  if (noneMatchHolds(request.headers['if-none-match'], representation.etag) || noneMatchHolds(request.headers['if-none-match'], gzipEtag(representation.etag))) return reply.code(304).send();
  reply.type(representation.contentType);
  if (representation.filename) reply.header('Content-Disposition', `${options.disposition ?? 'attachment'}; filename="${representation.filename}"`);
  if (gzip) return reply.header('Content-Encoding', 'gzip').send(gzipped(representation));
  return reply.send(representation.body);
}

// Text (JSON, HTML) is sent gzipped to a client that accepts it: the SN plan's 57 kB become 16 kB.
// The gzipped bytes are made once per cached representation, that is once per version of the plan,
// and carry an ETag of their own (RFC 9110 § 8.8.3: other bytes, another strong validator); either
// ETag in If-None-Match names bytes the client holds. PDF, Word and Excel are compressed already.
const compressedOnce = new WeakMap<Representation, Buffer>();

function isCompressible(representation: Representation): boolean {
  return representation.body.length >= 1024 && /^(application\/json|text\/)/.test(representation.contentType);
}

// No cache of answers: Accept-Encoding is whatever each client sends.
const encodings = new Negotiator({ supportedValues: ['gzip'] });

/** Whether Accept-Encoding accepts gzip (a q of 0 refuses it), read by Fastify's negotiator. */
function acceptsGzip(header: string | string[] | undefined): boolean {
  if (header === undefined) return false;
  return encodings.negotiate(Array.isArray(header) ? header.join(',') : header) === 'gzip';
}

/** The ETag of the gzipped bytes: the representation's, marked. */
function gzipEtag(etag: string): string {
  return etag.replace(/"$/, '.gz"');
}

function gzipped(representation: Representation): Buffer {
  let body = compressedOnce.get(representation);
  if (!body) {
    body = gzipSync(representation.body);
    compressedOnce.set(representation, body);
  }
  return body;
}
