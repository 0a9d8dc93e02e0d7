/** ETags are item versions: `"3"`. A write sends the version it read in If-Match. */
import type { FastifyReply, FastifyRequest } from 'fastify';

export function etagOf(version: number): string {
  return `"${version}"`;
}

export function setEtag(reply: FastifyReply, version: number): void {
  reply.header('ETag', etagOf(version));
}

/** The version in If-Match; null when the header is missing, -1 when it names no version of ours. */
export function ifMatchVersion(request: FastifyRequest): number | null {
  const header = request.headers['if-match'];
  if (typeof header !== 'string') return null;
  const match = /^\s*(?:W\/)?"(\d+)"\s*$/.exec(header);
  return match ? Number(match[1]) : -1;
}
