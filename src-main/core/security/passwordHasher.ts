import { randomBytes, timingSafeEqual } from 'node:crypto';
import {
  deriveScryptKey,
  formatScryptString,
  parseScryptString,
  SCRYPT_KEY_BYTES,
  SCRYPT_SALT_BYTES,
  type ScryptParameters,
  type ScryptString,
} from './scrypt';

/**
 * Password hashing with scrypt at OWASP's parameters (N=2^17, r=8, p=1). The
 * stored string names its parameters, `$scrypt$ln=17,r=8,p=1$<salt>$<key>`, so
 * they can be raised later: `needsRehash` tells the sign-in to upgrade a hash.
 * node:crypto runs scrypt on the libuv thread pool, so the event loop never blocks.
 */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(password: string, stored: string): Promise<boolean>;
  /** Spends the same time as a real verification and fails: for unknown emails. */
  verifyNothing(password: string): Promise<false>;
  needsRehash(stored: string): boolean;
}

export type { ScryptParameters } from './scrypt';

export const OWASP_SCRYPT: ScryptParameters = { logN: 17, r: 8, p: 1 };

/** A stored password hash: a scrypt string with its derived key. */
function parse(stored: string): (ScryptString & { readonly key: Buffer }) | null {
  const parsed = parseScryptString(stored);
  return parsed?.key ? { ...parsed, key: parsed.key } : null;
}

/** NIST SP 800-63B: normalise Unicode so the same password typed on another keyboard matches. */
function derive(password: string, salt: Buffer, params: ScryptParameters): Promise<Buffer> {
  return deriveScryptKey(password.normalize('NFKC'), salt, params);
}

export function createScryptHasher(params: ScryptParameters = OWASP_SCRYPT): PasswordHasher {
  const decoy = formatScryptString(params, Buffer.alloc(SCRYPT_SALT_BYTES), Buffer.alloc(SCRYPT_KEY_BYTES));

  async function verify(password: string, stored: string): Promise<boolean> {
    const parsed = parse(stored) ?? parse(decoy)!;
    const key = await derive(password, parsed.salt, parsed.params);
    return timingSafeEqual(key, parsed.key) && stored !== decoy;
  }

  return {
    async hash(password) {
      const salt = randomBytes(SCRYPT_SALT_BYTES);
      return formatScryptString(params, salt, await derive(password, salt, params));
    },
    verify,
    async verifyNothing(password) {
      await verify(password, decoy);
      return false;
    },
    needsRehash(stored) {
      const parsed = parse(stored);
      if (!parsed) return true;
      const { logN, r, p } = parsed.params;
      return logN < params.logN || r < params.r || p < params.p;
    },
  };
}
