import { describe, expect, test, vi } from 'vitest';
import { PRODUCTION_HASH_COST, hashPassword, verifyPassword } from './password';

describe('hashPassword', () => {
  test('when the tests run, then hashes are cheap (the setup file lowered the cost)', async () => {
    expect(await hashPassword('una-password-lunga')).toMatch(/^\$argon2id\$v=19\$m=1024,t=1,p=1\$/);
  });

  test('when nothing lowers the cost (production), then argon2id with OWASP minimum m=19 MiB, t=2, p=1', async () => {
    vi.resetModules();
    const fresh = await import('./password');

    const stored = await fresh.hashPassword('una-password-lunga');

    expect(PRODUCTION_HASH_COST).toEqual({ memoryCost: 19456, timeCost: 2, parallelism: 1 });
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    // A hash records its own parameters: a cheap-cost process verifies a production hash and back.
    expect(await verifyPassword(stored, 'una-password-lunga')).toBe(true);
    expect(await fresh.verifyPassword(await hashPassword('altra-password-lunga'), 'altra-password-lunga')).toBe(true);
  });
});
