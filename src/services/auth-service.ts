/**
 * Accounts and sessions: argon2id password hashes, random session ids stored only as hashes,
 * a CSRF token per session, and a lockout back-off on failed logins.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import argon2 from 'argon2';
import { roles, type Actor, type Role } from '../domain/access.ts';
import { StyrkortError } from '../domain/errors.ts';
import { lockSeconds } from '../domain/login-backoff.ts';
import type { Db } from '../db/connection.ts';
import { appendAudit } from '../db/audit-repository.ts';
import * as repo from '../db/user-repository.ts';

export const sessionHours = 8;

export interface SessionUser extends Actor {
  displayName: string | null;
}

export interface Session {
  id: string;
  csrfToken: string;
  expiresAt: Date;
  user: SessionUser;
}

const usernamePattern = /^[a-z0-9][a-z0-9._-]{1,63}$/;

export function hashSessionId(id: string): string {
  return createHash('sha256').update(id).digest('hex');
}

function toSessionUser(row: repo.UserRow): SessionUser {
  return { username: row.username, displayName: row.displayName, role: row.role as Role, unitKey: row.unitKey, municipality: row.municipalityCode };
}

/** Checks a new password against the rules every account shares. */
export function checkPassword(password: string): void {
  if (password.length < 12) throw new StyrkortError('validation', 'Lösenordet måste ha minst 12 tecken', [{ path: '$.password', message: 'Minst 12 tecken' }]);
  if (password.length > 200) throw new StyrkortError('validation', 'Lösenordet får ha högst 200 tecken', [{ path: '$.password', message: 'Högst 200 tecken' }]);
}

/** Creates an account (admins via the CLI; the demo creates its demo accounts). */
export async function createUser(
  db: Db,
  options: { username: string; password: string; role: string; unitKey?: string | null; municipality?: string | null; displayName?: string | null; isDemo?: boolean; actor: string },
): Promise<SessionUser> {
  if (!usernamePattern.test(options.username)) {
    throw new StyrkortError('validation', 'Användarnamnet får bara innehålla a–z, 0–9 och . _ - (2–64 tecken)', [{ path: '$.username', message: 'Ogiltigt användarnamn' }]);
  }
  if (!(roles as readonly string[]).includes(options.role)) {
    throw new StyrkortError('validation', `Okänd roll "${options.role}". Roller: ${roles.join(', ')}`, [{ path: '$.role', message: 'Okänd roll' }]);
  }
  checkPassword(options.password);
  const municipalityId = await scopeMunicipality(db, options.unitKey ?? null, options.municipality ?? null);
  if (await repo.findUser(db, options.username)) throw new StyrkortError('conflict', `Användaren ${options.username} finns redan`);
  const row = await repo.insertUser(db, {
    username: options.username,
    displayName: options.displayName ?? null,
    passwordHash: await argon2.hash(options.password, { type: argon2.argon2id }),
    role: options.role,
    municipalityId,
    unitKey: options.unitKey ?? null,
    isDemo: options.isDemo ? 1 : 0,
  });
  await appendAudit(db, { actor: options.actor, action: 'create', entityType: 'user', entityKey: row.username, before: null, after: { role: row.role, municipality: row.municipalityCode, unitKey: row.unitKey, isDemo: row.isDemo === 1 } });
  return toSessionUser(row);
}

/**
 * The municipality an account's scope names: the one given (its node, if any, must be one of its
 * nodes), or the one municipality that has the account's node. Node keys are per municipality, so
 * a key that several have needs the municipality. Neither node nor municipality: every municipality.
 */
async function scopeMunicipality(db: Db, unitKey: string | null, code: string | null): Promise<number | null> {
  const given = code === null ? null : await repo.findMunicipality(db, code);
  if (code !== null && !given) throw new StyrkortError('validation', `Kommunen ${code} finns inte`, [{ path: '$.municipality', message: 'Okänd kommun' }]);
  if (unitKey === null) return given?.id ?? null;
  const having = await repo.municipalitiesWithNode(db, unitKey);
  const match = given ? having.find((municipality) => municipality.id === given.id) : having.length === 1 ? having[0] : undefined;
  if (match) return match.id;
  if (having.length > 1 && !given) {
    throw new StyrkortError('validation', `Organisationsnoden "${unitKey}" finns i flera kommuner (${having.map((m) => m.code).join(', ')}); ange kommunen`, [{ path: '$.municipality', message: 'Ange kommun' }]);
  }
  throw new StyrkortError('validation', `Organisationsnoden "${unitKey}" finns inte${given ? ` i kommun ${given.code}` : ''}`, [{ path: '$.unit', message: 'Okänd nod' }]);
}

export async function changePassword(db: Db, options: { username: string; password: string; actor: string }): Promise<void> {
  const user = await repo.findUser(db, options.username);
  if (!user) throw new StyrkortError('not-found', `Användaren ${options.username} finns inte`);
  checkPassword(options.password);
  await repo.setPasswordHash(db, user.username, await argon2.hash(options.password, { type: argon2.argon2id }));
  await repo.deleteSessionsOf(db, user.id);
  await appendAudit(db, { actor: options.actor, action: 'update', entityType: 'user', entityKey: user.username, field: 'password', before: null, after: null });
}

export async function listUsers(db: Db) {
  return (await repo.listUsers(db)).map((row) => ({ ...toSessionUser(row), isDemo: row.isDemo === 1, createdAt: row.createdAt }));
}

// Verifying against a fixed hash when the user is unknown keeps the answer time the same.
let dummyHash: Promise<string> | undefined;

/** Logs in, or refuses with one message for every failure (no hint which part was wrong). */
export async function login(db: Db, options: { username: string; password: string; now?: Date }): Promise<Session> {
  const now = options.now ?? new Date();
  const username = options.username.trim().toLowerCase();
  const failures = await repo.getFailures(db, username);
  if (failures?.lockedUntil && failures.lockedUntil > now) {
    const seconds = Math.ceil((failures.lockedUntil.getTime() - now.getTime()) / 1000);
    throw new StyrkortError('unauthenticated', `För många misslyckade inloggningar. Försök igen om ${seconds} sekunder.`);
  }
  const user = await repo.findUser(db, username);
  dummyHash ??= argon2.hash('ingen-användare-har-detta-lösenord', { type: argon2.argon2id });
  const valid = await argon2.verify(user?.passwordHash ?? (await dummyHash), options.password);
  if (!user || !valid || user.disabledAt) {
    const count = (failures?.failures ?? 0) + 1;
    const lock = lockSeconds(count);
    await repo.recordFailure(db, username, now, lock ? new Date(now.getTime() + lock * 1000) : null, count);
    throw new StyrkortError('unauthenticated', 'Fel användarnamn eller lösenord');
  }
  await repo.clearFailures(db, username);
  await repo.deleteExpiredSessions(db, now);
  const id = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + sessionHours * 3600_000);
  await repo.insertSession(db, { idHash: hashSessionId(id), userId: user.id, csrfToken, expiresAt });
  return { id, csrfToken, expiresAt, user: toSessionUser(user) };
}

/** The session for a cookie value, or null when unknown or expired. */
export async function findSession(db: Db, id: string, now = new Date()): Promise<Session | null> {
  const row = await repo.findSession(db, hashSessionId(id), now);
  if (!row || row.user.disabledAt) return null;
  return { id, csrfToken: row.csrfToken, expiresAt: row.expiresAt, user: toSessionUser(row.user) };
}

export async function logout(db: Db, id: string): Promise<void> {
  await repo.deleteSession(db, hashSessionId(id));
}

/** Constant-time comparison of a presented CSRF token with the session's. */
export function isValidCsrfToken(session: Session, presented: string | undefined): boolean {
  if (!presented) return false;
  const a = Buffer.from(session.csrfToken);
  const b = Buffer.from(presented);
  return a.length === b.length && timingSafeEqual(a, b);
}
