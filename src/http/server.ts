/** The HTTP server: security headers, the JSON API under /api with its OpenAPI document, and the web app. */
import Fastify, { type FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';
import cookie from '@fastify/cookie';
import type { Db } from '../db/connection.ts';
import type { Clock } from '../services/round-clock.ts';
import { StyrkortError } from '../domain/errors.ts';
import { registerApi } from './api.ts';
import { handleError } from './errors.ts';
import { registerWebApp } from './web-app.ts';

export interface ServerOptions {
  db: Db;
  logger?: boolean | object;
  /** Set behind TLS (or when STYRKORT_SECURE_COOKIES=1) so the session cookie is Secure. */
  secureCookies?: boolean;
  /** The clock of follow-up rounds (deadlines, reminders); the system clock when absent. */
  clock?: Clock;
}

export function buildServer({ db, logger = false, secureCookies = process.env.STYRKORT_SECURE_COOKIES === '1', clock }: ServerOptions): FastifyInstance {
  const app = Fastify({
    logger: logger === false ? false : { ...(typeof logger === 'object' ? logger : {}), redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'] },
    bodyLimit: 1024 * 1024,
    trustProxy: process.env.STYRKORT_TRUST_PROXY === '1',
  });
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((request, reply) => {
    handleError(new StyrkortError('not-found', `Sidan ${request.url} finns inte`), request, reply);
  });
  app.register(helmet, {
    contentSecurityPolicy: {
      // upgrade-insecure-requests only behind TLS: over plain HTTP it would break every asset.
      directives: { defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", 'data:'], objectSrc: ["'none'"], frameAncestors: ["'none'"], upgradeInsecureRequests: secureCookies ? [] : null },
    },
    crossOriginEmbedderPolicy: false,
    frameguard: { action: 'deny' },
  });
  // The API speaks JSON only: text bodies get 415 with a Swedish message, not a confusing 400.
  app.removeContentTypeParser('text/plain');
  app.register(cookie);
  app.register(registerApi, { db, secureCookies, clock });

  app.register(registerWebApp);
  return app;
}
