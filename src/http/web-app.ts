/**
 * Serves the built web app (dist/web) for every path outside /api: files as they are, with their
 * content type and cache headers (hashed assets for a year, the page itself revalidated each
 * time), precompressed .gz copies when the browser takes gzip, and index.html for any other path
 * so the app's own router can show the page (or its 404 page).
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export interface WebAppOptions {
  /** The built app; dist/web of this checkout by default. */
  root?: string;
}

export const defaultWebRoot = fileURLToPath(new URL('../../dist/web/', import.meta.url));

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

const compressible = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.svg', '.txt', '.webmanifest']);

const notBuilt = `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Styrkort – webbappen är inte byggd</title></head>
<body><main><h1>Webbappen är inte byggd</h1><p>Kör <code>npm run build</code>, eller starta servern med <code>npm start</code> som bygger den själv. API:t finns under <a href="/api/docs">/api/docs</a>.</p></main></body></html>
`;

interface Found {
  path: string;
  size: number;
  mtime: Date;
}

async function fileAt(path: string): Promise<Found | null> {
  try {
    const info = await stat(path);
    return info.isFile() ? { path, size: info.size, mtime: info.mtime } : null;
  } catch {
    return null;
  }
}

/** The file a URL path names inside root, or null when it names none (or tries to leave root). */
function pathInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const full = resolve(root, `.${decoded}`);
  return full === root || full.startsWith(root + sep) ? full : null;
}

function cacheControl(root: string, file: string): string {
  if (file.startsWith(join(root, 'assets') + sep)) return 'public, max-age=31536000, immutable'; // names carry a content hash
  if (file.endsWith('.html')) return 'no-cache';
  return 'public, max-age=3600';
}

async function sendFile(request: FastifyRequest, reply: FastifyReply, root: string, file: Found): Promise<FastifyReply> {
  const extension = extname(file.path);
  const etag = `W/"${file.size.toString(16)}-${Math.floor(file.mtime.getTime()).toString(16)}"`;
  reply
    .header('content-type', contentTypes[extension] ?? 'application/octet-stream')
    .header('cache-control', cacheControl(root, file.path))
    .header('etag', etag)
    .header('last-modified', file.mtime.toUTCString());
  if (compressible.has(extension)) reply.header('vary', 'accept-encoding');
  if (request.headers['if-none-match'] === etag) return reply.status(304).send();
  const gzip = compressible.has(extension) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? '')) ? await fileAt(`${file.path}.gz`) : null;
  const sent = gzip ?? file;
  if (gzip) reply.header('content-encoding', 'gzip');
  reply.header('content-length', sent.size);
  return reply.send(createReadStream(sent.path));
}

/** Registers the web app on every GET outside /api; unknown /api paths keep the API's 404. */
export async function registerWebApp(app: FastifyInstance, options: WebAppOptions = {}): Promise<void> {
  const root = resolve(options.root ?? defaultWebRoot);
  const index = join(root, 'index.html');

  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const urlPath = request.url.split('?')[0]!;
    if (urlPath === '/api' || urlPath.startsWith('/api/')) return reply.callNotFound();
    const full = pathInside(root, urlPath);
    const file = full ? await fileAt(full) : null;
    if (file) return sendFile(request, reply, root, file);
    // A missing file (a name with a file type) is a 404; any other path is a page of the app.
    if (!full || extname(urlPath).toLowerCase() in contentTypes) return reply.callNotFound();
    const page = await fileAt(index);
    if (!page) return reply.status(503).type('text/html; charset=utf-8').send(notBuilt);
    return sendFile(request, reply, root, page);
  });
}
