import { createScryptHasher, type PasswordHasher } from '../../src-main/core/security/passwordHasher';
import { TEST_SCRYPT } from './cheapScrypt';
import { createPausePoints } from './pausePoints';

/** The cheap test hasher, whose `hash` and `verify` answers a test can hold (see pausePoints). */
export function createPausableHasher(inner: PasswordHasher = createScryptHasher(TEST_SCRYPT)) {
  const points = createPausePoints<'hash' | 'verify'>();
  const hasher: PasswordHasher = {
    hash: (password) => points.pass('hash', () => inner.hash(password)),
    verify: (password, stored) => points.pass('verify', () => inner.verify(password, stored)),
    verifyNothing: (password) => inner.verifyNothing(password),
    needsRehash: (stored) => inner.needsRehash(stored),
  };
  return { hasher, hold: points.hold };
}
