import { randomBytes, timingSafeEqual } from 'node:crypto';
import { deriveScryptKey, formatScryptString, parseScryptString, SCRYPT_SALT_BYTES, type ScryptParameters } from '../security/scrypt';

/**
 * Recovery codes are look-up secrets under 112 bits, so NIST SP 800-63B wants them stored with a
 * salted, slow hash. One salt per set: checking a code costs ONE scrypt whatever the number of
 * codes. N=2^15 (~80 ms idle on a 2-core CI machine, ~150 ms with the machine busy) keeps a check
 * under the 300 ms budget with room to spare; N=2^16 measured ~170 ms idle but over 300 ms under load.
 */
export const RECOVERY_SCRYPT: ScryptParameters = { logN: 15, r: 8, p: 1 };

export interface RecoveryCodeKdf {
  /** A new self-describing `$scrypt$ln=…,r=…,p=…$<salt>` for a new set. */
  newSetKdf(): string;
  hash(code: string, kdf: string): Promise<string>;
  /** Positions of the candidates equal to `hash`; compares all of them in constant time, no early exit. */
  matches(hash: string, candidates: readonly { position: number; codeHash: string }[]): number[];
}

/** A set's KDF: a scrypt string without a key. */
function parse(kdf: string): { params: ScryptParameters; salt: Buffer } {
  const parsed = parseScryptString(kdf);
  if (!parsed || parsed.key) throw new Error('unrecognised recovery code kdf');
  return parsed;
}

export function createRecoveryCodeKdf(params: ScryptParameters = RECOVERY_SCRYPT): RecoveryCodeKdf {
  return {
    newSetKdf() {
      return formatScryptString(params, randomBytes(SCRYPT_SALT_BYTES));
    },
    async hash(code, kdf) {
      const { params: stored, salt } = parse(kdf);
      return (await deriveScryptKey(code, salt, stored)).toString('base64');
    },
    matches(hash, candidates) {
      const wanted = Buffer.from(hash, 'base64');
      const found: number[] = [];
      for (const candidate of candidates) {
        const stored = Buffer.from(candidate.codeHash, 'base64');
        if (stored.length === wanted.length && timingSafeEqual(stored, wanted)) found.push(candidate.position);
      }
      return found;
    },
  };
}
