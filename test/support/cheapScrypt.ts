import type { ScryptParameters } from '../../src-main/core/security/passwordHasher';

/** Cheap scrypt parameters so tests run fast; the OWASP cost is tested on its own. */
export const TEST_SCRYPT: ScryptParameters = { logN: 10, r: 8, p: 1 };
/** Cheap recovery-code hashing for tests; RECOVERY_SCRYPT is measured on its own. */
export const TEST_RECOVERY_SCRYPT: ScryptParameters = { logN: 8, r: 8, p: 1 };
