import { describe, expect, it } from 'vitest';
import { formatScryptString, parseScryptString } from '../../../src-main/core/security/scrypt';

describe('$scrypt$ strings (password hashes and recovery-code KDFs)', () => {
  const params = { logN: 15, r: 8, p: 1 };
  const salt = Buffer.alloc(16, 7);
  const key = Buffer.alloc(32, 9);

  it('round-trips a KDF (no key) and a password hash (with key)', () => {
    const kdf = formatScryptString(params, salt);
    expect(kdf).toMatch(/^\$scrypt\$ln=15,r=8,p=1\$[A-Za-z0-9+/]{22}$/);
    expect(parseScryptString(kdf)).toEqual({ params, salt, key: null });
    const hash = formatScryptString(params, salt, key);
    expect(hash).toMatch(/^\$scrypt\$ln=15,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(parseScryptString(hash)).toEqual({ params, salt, key });
  });

  it('refuses anything else', () => {
    const hash = formatScryptString(params, salt, key);
    for (const text of [
      '',
      'not-a-hash',
      hash.slice(0, -1),
      `${hash}$`,
      hash.replace('ln=15', 'ln=150'),
      hash.replace('$scrypt$', '$argon2$'),
    ]) {
      expect(parseScryptString(text), text).toBeNull();
    }
  });
});
