/**
 * Who is asking: the session cookie (httpOnly, SameSite=Lax, Secure behind TLS), CSRF protection
 * for cookie-authenticated writes, and the permission check every route calls.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { decide, decideOn, type Action, type Actor, type OrgParents, type Target } from '../domain/access.ts';
import { StyrkortError } from '../domain/errors.ts';
import type { Db } from '../db/connection.ts';
import { loadOrgParents } from '../db/organisation-repository.ts';
import { findSession, isValidCsrfToken, sessionHours, type Session } from '../services/auth-service.ts';
import { coalesced } from '../services/coalesce.ts';

export const sessionCookie = 'styrkort_session';
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    session: Session | null;
  }
}

/** Reads the session on every API request and refuses cookie writes without the CSRF token. */
export function registerAuth(app: FastifyInstance, db: Db): void {
  app.decorateRequest('session', null);
  // Requests with the same cookie at once share one lookup, read after each of them arrived (a logout that finished is seen).
  const sessionOf = coalesced((id: string) => findSession(db, id));
  app.addHook('onRequest', async (request) => {
    const id = request.cookies[sessionCookie];
    request.session = id ? await sessionOf(id) : null;
    if (request.session && !safeMethods.has(request.method) && request.url !== '/api/session') {
      if (!isValidCsrfToken(request.session, headerValue(request.headers['x-csrf-token']))) {
        throw new StyrkortError('forbidden', 'Begäran saknar giltig CSRF-token (rubriken X-CSRF-Token); ladda om sidan och försök igen');
      }
    }
  });
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export function setSessionCookie(reply: FastifyReply, session: Session, secure: boolean): void {
  reply.setCookie(sessionCookie, session.id, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: sessionHours * 3600 });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(sessionCookie, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}

/** The account a request comes from (null: not logged in): what services decide on. */
export function actorOf(request: FastifyRequest): Actor | null {
  return request.session?.user ?? null;
}

// One read of a municipality's organisation tree per request, however many checks it makes.
const treesOf = new WeakMap<FastifyRequest, Map<string, Promise<OrgParents>>>();

/**
 * Throws 401/403 unless the request's user may take the action: on the installation as a whole,
 * or on a target (a municipality and the nodes that own what is touched). Writes to plans, goals
 * and nodes are decided inside their services' transactions instead.
 */
export async function authorize(db: Db, request: FastifyRequest, action: Action, target?: Target): Promise<void> {
  const actor = actorOf(request);
  // A check on no node (reading a draft) is decided without the tree: no query for it.
  const parents = target && target.nodes.length > 0 ? await treeOf(db, request, target.municipality) : new Map<string, string | null>();
  const decision = target ? decideOn(actor, action, target, parents) : decide(actor, action);
  if (!decision.allowed) throw new StyrkortError(decision.reason, decision.message);
}

function treeOf(db: Db, request: FastifyRequest, municipality: string): Promise<OrgParents> {
  const trees = treesOf.get(request) ?? new Map<string, Promise<OrgParents>>();
  treesOf.set(request, trees);
  const tree = trees.get(municipality) ?? loadOrgParents(db, municipality);
  trees.set(municipality, tree);
  return tree;
}

/** The user name recorded in the audit trail. */
export function actorName(request: FastifyRequest): string {
  return request.session?.user.username ?? 'anonym';
}

/** The reason for a change, from the X-Reason header (URL-encoded, since headers are ASCII). */
export function reasonOf(request: FastifyRequest): string | null {
  const raw = headerValue(request.headers['x-reason']);
  if (!raw) return null;
  try {
    return decodeURIComponent(raw).slice(0, 2000);
  } catch {
    return raw.slice(0, 2000);
  }
}
