/** Login, logout and who am I. Logins are rate limited on top of the per-account lockout. */
import type { FastifyInstance } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBody, LoginRequest, SessionInfo } from '../../contract/api.ts';
import { StyrkortError } from '../../domain/errors.ts';
import { login, logout, type Session } from '../../services/auth-service.ts';
import { clearSessionCookie, sessionCookie, setSessionCookie } from '../auth.ts';
import type { ApiOptions } from '../api-options.ts';

function presentSession(session: Session) {
  return { user: session.user, csrfToken: session.csrfToken, expiresAt: session.expiresAt.toISOString() };
}

export async function sessionRoutes(parent: FastifyInstance, { db, secureCookies }: ApiOptions): Promise<void> {
  const app = parent.withTypeProvider<ZodTypeProvider>();
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => ({ statusCode: 429, code: 'rate-limited', message: `För många försök; vänta ${Math.ceil(context.ttl / 1000)} sekunder`, problems: [] }),
  });
  const tags = ['session'];

  app.post('/api/session', {
    config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
    schema: { tags, summary: 'Logga in', body: LoginRequest, response: { 200: SessionInfo, 400: ErrorBody, 401: ErrorBody } },
  }, async (request, reply) => {
    const session = await login(db, { ...request.body, source: request.ip });
    setSessionCookie(reply, session, secureCookies);
    return presentSession(session);
  });

  app.get('/api/session', { schema: { tags, summary: 'Vem är inloggad', response: { 200: SessionInfo, 401: ErrorBody } } }, async (request) => {
    if (!request.session) throw new StyrkortError('unauthenticated', 'Du är inte inloggad');
    return presentSession(request.session);
  });

  app.delete('/api/session', { schema: { tags, summary: 'Logga ut', response: { 204: z.null().describe('Utloggad') } } }, async (request, reply) => {
    const id = request.cookies[sessionCookie];
    if (id) await logout(db, id);
    clearSessionCookie(reply, secureCookies);
    reply.status(204).send(null);
  });
}
