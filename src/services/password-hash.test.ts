import { describe, expect, it } from 'vitest';
import { cheapPasswordHashesEnv, hashPassword, verifyPassword } from './password-hash.ts';

describe('password hashes', () => {
  it('are argon2id at the library cost (64 MiB, three passes, four lanes) unless the test run asks for the cheapest', async () => {
    const production = await hashPassword('rätt-häst-batteri', {});
    expect(production).toMatch(/^\$argon2id\$v=19\$m=65536,p=4,t=3\$/);
    const cheap = await hashPassword('rätt-häst-batteri', { [cheapPasswordHashesEnv]: '1' });
    expect(cheap).toMatch(/^\$argon2id\$v=19\$m=1024,p=1,t=1\$/);
    // Any other value keeps the production cost: only the exact setting weakens it.
    expect(await hashPassword('rätt-häst-batteri', { [cheapPasswordHashesEnv]: 'true' })).toMatch(/m=65536,p=4,t=3/);
  });

  it('checks a password against a hash at the cost written in it', async () => {
    for (const env of [{}, { [cheapPasswordHashesEnv]: '1' }]) {
      const hash = await hashPassword('rätt-häst-batteri', env);
      expect(await verifyPassword(hash, 'rätt-häst-batteri')).toBe(true);
      expect(await verifyPassword(hash, 'rätt-häst-batterI')).toBe(false);
    }
  });
});
