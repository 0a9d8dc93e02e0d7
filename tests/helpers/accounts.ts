/**
 * Test accounts, stored as createUser stores them (an argon2id hash, an audit event) but hashed at
 * argon2's lowest cost (src/services/password-hash.ts), whatever the environment says, and once per
 * password: at the production cost (64 MiB, three passes) each account takes 0.2 s to make and each
 * login as long to check, 1–2 s on a busy machine, and API tests make and log in dozens. A login
 * checks the hash with the cost written in it, so it runs the real check.
 */
import { cheapPasswordHashesEnv, hashPassword } from '../../src/services/password-hash.ts';
import type { Db } from '../../src/db/connection.ts';
import { appendAudit } from '../../src/db/audit-repository.ts';
import { insertUser } from '../../src/db/user-repository.ts';
import { scopeMunicipality } from '../../src/services/auth-service.ts';

const hashes = new Map<string, Promise<string>>();

function cheapHash(password: string): Promise<string> {
  let hash = hashes.get(password);
  if (!hash) {
    hash = hashPassword(password, { [cheapPasswordHashesEnv]: '1' });
    hashes.set(password, hash);
  }
  return hash;
}

/** Adds an account that logs in with `password`, scoped to a municipality as createUser scopes it. */
export async function addTestAccount(db: Db, account: { username: string; password: string; role: string; unitKey: string | null; municipality?: string | null; actor?: string }): Promise<void> {
  const municipalityId = await scopeMunicipality(db, account.unitKey, account.municipality ?? null);
  const row = await insertUser(db, { username: account.username, displayName: null, passwordHash: await cheapHash(account.password), role: account.role, municipalityId, unitKey: account.unitKey, isDemo: 0 });
  await appendAudit(db, { actor: account.actor ?? 'test', action: 'create', entityType: 'user', entityKey: row.username, before: null, after: { role: row.role, municipality: row.municipalityCode, unitKey: row.unitKey, isDemo: false } });
}
