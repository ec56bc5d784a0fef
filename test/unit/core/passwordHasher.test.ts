import { describe, expect, it, vi } from 'vitest';
import { createScryptHasher, OWASP_SCRYPT } from '../../../src-main/core/security/passwordHasher';
import { TEST_SCRYPT } from '../../support/cheapScrypt';
import { withKdfCalls } from '../../support/kdfCalls';

vi.mock('node:crypto', async (original) => (await import('../../support/kdfCalls')).withRecordedScrypt(await original()));

describe('scrypt password hasher', () => {
  const hasher = createScryptHasher(TEST_SCRYPT);

  it('stores a self-describing string with a random salt', async () => {
    const first = await hasher.hash('correct horse battery staple');
    const second = await hasher.hash('correct horse battery staple');
    expect(first).toMatch(/^\$scrypt\$ln=10,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(first).not.toEqual(second);
    expect(first).not.toContain('correct horse');
  });

  it('verifies the right password and rejects others', async () => {
    const stored = await hasher.hash('correct horse battery staple');
    await expect(hasher.verify('correct horse battery staple', stored)).resolves.toBe(true);
    await expect(hasher.verify('correct horse battery stapl', stored)).resolves.toBe(false);
    await expect(hasher.verify('Correct horse battery staple', stored)).resolves.toBe(false);
  });

  it('accepts any Unicode and never truncates', async () => {
    const long = 'ü'.repeat(1000) + 'x';
    const stored = await hasher.hash(long);
    await expect(hasher.verify(long, stored)).resolves.toBe(true);
    await expect(hasher.verify('ü'.repeat(1000) + 'y', stored)).resolves.toBe(false);
    const emoji = '🔐 パスワード 密码 пароль';
    await expect(hasher.verify(emoji, await hasher.hash(emoji))).resolves.toBe(true);
  });

  it('normalises Unicode (NFKC), so composed and decomposed forms match', async () => {
    const composed = 'café au lait au bureau';
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toEqual(composed);
    await expect(hasher.verify(decomposed, await hasher.hash(composed))).resolves.toBe(true);
  });

  it('treats a malformed stored hash as a mismatch, not a crash', async () => {
    await expect(hasher.verify('whatever password', 'not-a-hash')).resolves.toBe(false);
    await expect(hasher.verify('whatever password', '')).resolves.toBe(false);
  });

  it('verifyNothing always fails', async () => {
    await expect(hasher.verifyNothing('any password at all')).resolves.toBe(false);
  });

  it('asks for a rehash when stored parameters are weaker than current ones', async () => {
    const weak = await hasher.hash('correct horse battery staple');
    const stronger = createScryptHasher({ ...TEST_SCRYPT, logN: TEST_SCRYPT.logN + 1 });
    expect(stronger.needsRehash(weak)).toBe(true);
    expect(hasher.needsRehash(weak)).toBe(false);
    expect(hasher.needsRehash('garbage')).toBe(true);
  });

  it('uses the OWASP parameters by default, without blocking the event loop', async () => {
    expect(OWASP_SCRYPT).toEqual({ logN: 17, r: 8, p: 1 });
    const owasp = createScryptHasher();
    // Structure, not time: one call to the callback scrypt, which node runs on the libuv thread
    // pool (scryptSync would block the event loop and is not recorded here).
    const { result: stored, calls } = await withKdfCalls(() => owasp.hash('correct horse battery staple'));
    expect(calls).toEqual([{ N: 2 ** 17, r: 8, p: 1, keyLength: 32, saltBytes: 16 }]);
    expect(stored.startsWith('$scrypt$ln=17,r=8,p=1$')).toBe(true);
  });
});
