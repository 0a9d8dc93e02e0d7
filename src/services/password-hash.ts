/**
 * Password hashes: argon2id at the library's cost (64 MiB, three passes, four lanes) — unless
 * STYRKORT_TEST_CHEAP_PASSWORD_HASHES=1, which only the test run sets (tests/helpers/global-setup.ts).
 * At the production cost one hash takes 0.15 CPU-s; a test run made 440 of them (the demo's seven
 * accounts for each demo load, and the logins that check them): 66 of its 810 CPU-seconds. A check
 * reads the cost written in the hash, so a hash made at production cost is always checked at it.
 */
import argon2 from 'argon2';

export const cheapPasswordHashesEnv = 'STYRKORT_TEST_CHEAP_PASSWORD_HASHES';

/** argon2's lowest cost: for tests only. */
const cheapestArgon2 = { memoryCost: 1024, timeCost: 1, parallelism: 1 } as const;

export function hashPassword(password: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id, ...(env[cheapPasswordHashesEnv] === '1' ? cheapestArgon2 : {}) });
}

export function verifyPassword(hash: string, password: string): Promise<boolean> {
  return argon2.verify(hash, password);
}
