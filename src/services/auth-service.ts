/**
 * Accounts and sessions: argon2id password hashes, random session ids stored only as hashes,
 * a CSRF token per session, and a lockout back-off on failed logins.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { roles, type Actor, type Role } from '../domain/access.ts';
import { StyrkortError } from '../domain/errors.ts';
import { afterFailure, loginGate, sourceKey } from '../domain/login-backoff.ts';
import type { Db } from '../db/connection.ts';
import { appendAudit } from '../db/audit-repository.ts';
import * as failureRepo from '../db/login-failure-repository.ts';
import * as repo from '../db/user-repository.ts';
import { hashPassword, verifyPassword } from './password-hash.ts';

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
    passwordHash: await hashPassword(options.password),
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
export async function scopeMunicipality(db: Db, unitKey: string | null, code: string | null): Promise<number | null> {
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
  await repo.setPasswordHash(db, user.username, await hashPassword(options.password));
  await repo.deleteSessionsOf(db, user.id);
  await appendAudit(db, { actor: options.actor, action: 'update', entityType: 'user', entityKey: user.username, field: 'password', before: null, after: null });
}

export async function listUsers(db: Db) {
  return (await repo.listUsers(db)).map((row) => ({ ...toSessionUser(row), isDemo: row.isDemo === 1, createdAt: row.createdAt }));
}

// Verifying against a fixed hash when the user is unknown keeps the answer time the same.
let dummyHash: Promise<string> | undefined;

/**
 * Logs in, or refuses with one message for every failure (no hint which part was wrong). `source`
 * is the client's address (behind a trusted proxy, the one it reports): failures are counted per
 * account and source, so guessing from one address cannot lock the user out from another.
 */
export async function login(db: Db, options: { username: string; password: string; source?: string; now?: Date }): Promise<Session> {
  const now = options.now ?? new Date();
  const username = options.username.trim().toLowerCase();
  const source = sourceKey(options.source);
  await countAttempt(db, username, source, now);
  const user = await repo.findUser(db, username);
  dummyHash ??= hashPassword('ingen-användare-har-detta-lösenord');
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyHash), options.password);
  if (!user || !valid || user.disabledAt) throw new StyrkortError('unauthenticated', 'Fel användarnamn eller lösenord');
  await failureRepo.clearFailures(db, username, source);
  await failureRepo.deleteStaleFailures(db, new Date(now.getTime() - 24 * 3600_000));
  await repo.deleteExpiredSessions(db, now);
  const id = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + sessionHours * 3600_000);
  await repo.insertSession(db, { idHash: hashSessionId(id), userId: user.id, csrfToken, expiresAt });
  return { id, csrfToken, expiresAt, user: toSessionUser(user) };
}

/**
 * Refuses an attempt while its source or the account is locked; otherwise counts it as a failure
 * before the password is checked (a success clears it again), so parallel guesses are all counted.
 */
async function countAttempt(db: Db, username: string, source: string, now: Date): Promise<void> {
  for (let round = 0; round < 5; round += 1) {
    const failures = await failureRepo.findFailures(db, username);
    const current = failures.find((record) => record.source === source) ?? null;
    const gate = loginGate({ source: current, all: failures, now });
    if (!gate.allowed) throw new StyrkortError('unauthenticated', `För många misslyckade inloggningar. Försök igen om ${gate.seconds} sekunder.`);
    if (await failureRepo.replaceFailure(db, username, source, current, afterFailure(current, now))) return;
  }
  throw new StyrkortError('unauthenticated', 'För många inloggningsförsök på en gång; försök igen om en stund.');
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
