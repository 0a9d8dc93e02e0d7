/**
 * ETags are item versions: `"3"`; a whole plan's is `"3.812.40"` (its head version, then its content
 * versions). A write sends the version it read in If-Match.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { StyrkortError } from '../domain/errors.ts';

export function etagOf(version: number): string {
  return `"${version}"`;
}

export function setEtag(reply: FastifyReply, version: number): void {
  reply.header('ETag', etagOf(version));
}

/**
 * The version in If-Match, or null when the header is missing. Anything else than one strong
 * ETag of ours is refused: "*" or a weak ETag would let a write through without naming what it read.
 */
export function ifMatchVersion(request: FastifyRequest): number | null {
  const header = request.headers['if-match'];
  if (header === undefined) return null;
  // A plan read whole carries "head.content.shared" (src/services/plan-reads.ts; ".gz" after it when
  // read gzipped, src/http/representation.ts): its head version is what a head edit or workflow step names.
  const match = typeof header === 'string' ? /^\s*"(\d+)(?:\.\d+\.\d+(?:\.gz)?)?"\s*$/.exec(header) : null;
  if (!match) {
    throw new StyrkortError('validation', 'If-Match ska vara exakt den ETag du läste, t.ex. "3" (med citattecken); "*", svaga och flera ETaggar godtas inte', [
      { path: 'headers:if-match', message: `Ogiltigt värde: ${JSON.stringify(header)}` },
    ]);
  }
  return Number(match[1]);
}
