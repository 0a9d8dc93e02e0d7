/** The HTTP server: security headers, the JSON API under /api with its OpenAPI document, and the web app. */
import { isIP } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import helmet from 'helmet';
import cookie from '@fastify/cookie';
import type { Db } from '../db/connection.ts';
import type { Clock } from '../services/round-clock.ts';
import { StyrkortError } from '../domain/errors.ts';
import { registerApi } from './api.ts';
import { handleError } from './errors.ts';
import { registerJsonBodyParser, registerTextChecks } from './input.ts';
import { registerWebApp } from './web-app.ts';

export interface ServerOptions {
  db: Db;
  logger?: boolean | object;
  /** Set behind TLS (or when STYRKORT_SECURE_COOKIES=1) so the session cookie is Secure. */
  secureCookies?: boolean;
  /** Proxies whose X-Forwarded-For is believed (addresses, CIDR ranges, loopback …); default from the environment. */
  trustedProxies?: string[];
  /** The clock of follow-up rounds (deadlines, reminders); the system clock when absent. */
  clock?: Clock;
}

const proxyPresets = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isProxyEntry(entry: string): boolean {
  if (proxyPresets.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128));
}

/**
 * The proxies whose X-Forwarded-For Styrkort believes (issue 10, defect 12): named explicitly in
 * STYRKORT_TRUSTED_PROXIES ("127.0.0.1,10.0.0.0/8"; also loopback, linklocal, uniquelocal), or
 * loopback only for STYRKORT_TRUST_PROXY=1 (a proxy on the same machine). A client's own
 * X-Forwarded-For is ignored unless its connection comes from one of them; behind a proxy that
 * appends ("spoofed, real"), the client is the rightmost address that is not a trusted proxy.
 */
export function trustedProxiesFromEnvironment(env: NodeJS.ProcessEnv = process.env): string[] {
  const listed = (env.STYRKORT_TRUSTED_PROXIES ?? '').split(',').map((entry) => entry.trim()).filter(Boolean);
  for (const entry of listed) {
    if (!isProxyEntry(entry)) {
      throw new StyrkortError('usage', `STYRKORT_TRUSTED_PROXIES: "${entry}" är varken en IP-adress, ett nät (t.ex. 10.0.0.0/8) eller loopback, linklocal eller uniquelocal`);
    }
  }
  if (listed.length > 0) return listed;
  return env.STYRKORT_TRUST_PROXY === '1' ? ['loopback'] : [];
}

export function buildServer({ db, logger = false, secureCookies = process.env.STYRKORT_SECURE_COOKIES === '1', trustedProxies = trustedProxiesFromEnvironment(), clock }: ServerOptions): FastifyInstance {
  const app = Fastify({
    logger: logger === false ? false : { ...(typeof logger === 'object' ? logger : {}), redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'] },
    bodyLimit: 1024 * 1024,
    // Never `true` (that believes any client's header): only the named proxies.
    trustProxy: trustedProxies.length > 0 ? trustedProxies : false,
  });
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((request, reply) => {
    handleError(new StyrkortError('not-found', `Sidan ${request.url} finns inte`), request, reply);
  });
  // Helmet's headers, worked out once: @fastify/helmet built Helmet anew for every request (its
  // directives parsed each time: 6 % of a cached plan read's CPU).
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      // upgrade-insecure-requests only behind TLS: over plain HTTP it would break every asset.
      directives: { defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", 'data:'], objectSrc: ["'none'"], frameAncestors: ["'none'"], upgradeInsecureRequests: secureCookies ? [] : null },
    },
    crossOriginEmbedderPolicy: false,
    frameguard: { action: 'deny' },
  });
  app.addHook('onRequest', (request, reply, done) => securityHeaders(request.raw, reply.raw, (error) => done(error as Error | undefined)));
  // The API speaks JSON only: text bodies get 415 with a Swedish message, not a confusing 400.
  app.removeContentTypeParser('text/plain');
  registerJsonBodyParser(app);
  registerTextChecks(app);
  app.register(cookie);
  app.register(registerApi, { db, secureCookies, clock });

  app.register(registerWebApp);
  return app;
}
