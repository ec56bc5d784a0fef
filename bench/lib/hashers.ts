import { scrypt } from 'node:crypto';
import { createScryptHasher, OWASP_SCRYPT, type PasswordHasher, type ScryptParameters } from '../../src-main/core/security/passwordHasher';
import { TEST_SCRYPT } from '../../test/support/cheapScrypt';

/** The app's parameters (N=2^17, r=8, p=1) and the tests' cheap ones (N=2^10). */
export const PRODUCTION_SCRYPT = OWASP_SCRYPT;
export const CHEAP_SCRYPT = TEST_SCRYPT;

export const BENCH_PASSWORD = 'correct horse battery staple';

/** One stored hash in the app's own format, computed once and shared by seeded accounts. */
export const hashOnce = (params: ScryptParameters, password = BENCH_PASSWORD): Promise<string> => createScryptHasher(params).hash(password);

/** The KDF floor: the bare scrypt call the hasher makes, with the same parameters and key length. */
export function bareScrypt(password: string, salt: Buffer, { logN, r, p }: ScryptParameters): Promise<Buffer> {
  const N = 2 ** logN;
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, 32, { N, r, p, maxmem: 256 * N * r }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** A well-formed stored hash that matches no password: for accounts nobody signs in to with scrypt. */
export const PLACEHOLDER_HASH = '$scrypt$ln=17,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/**
 * A hasher with no KDF at all: every password is right, nothing is ever rehashed. With it, a
 * sign-in costs exactly what Gatehouse adds around scrypt (the "non-KDF part").
 */
export const skipKdfHasher: PasswordHasher = {
  hash: async () => PLACEHOLDER_HASH,
  verify: async () => true,
  verifyNothing: async () => false,
  needsRehash: () => false,
};
