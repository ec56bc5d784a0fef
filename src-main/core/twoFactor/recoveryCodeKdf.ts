import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import type { ScryptParameters } from '../security/passwordHasher';

/**
 * Recovery codes are look-up secrets under 112 bits, so NIST SP 800-63B wants them stored with a
 * salted, slow hash. One salt per set: checking a code costs ONE scrypt whatever the number of
 * codes. N=2^15 (~80 ms idle on a 2-core CI machine, ~150 ms with the machine busy) keeps a check
 * under the 300 ms budget with room to spare; N=2^16 measured ~170 ms idle but over 300 ms under load.
 */
export const RECOVERY_SCRYPT: ScryptParameters = { logN: 15, r: 8, p: 1 };
const SALT_BYTES = 16;
const KEY_BYTES = 32;
const FORMAT = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]{22})$/;

export interface RecoveryCodeKdf {
  /** A new self-describing `$scrypt$ln=…,r=…,p=…$<salt>` for a new set. */
  newSetKdf(): string;
  hash(code: string, kdf: string): Promise<string>;
  /** Positions of the candidates equal to `hash`; compares all of them in constant time, no early exit. */
  matches(hash: string, candidates: readonly { position: number; codeHash: string }[]): number[];
}

function parse(kdf: string): { params: ScryptParameters; salt: Buffer } {
  const match = FORMAT.exec(kdf);
  if (!match) throw new Error('unrecognised recovery code kdf');
  const [, logN, r, p, salt] = match as unknown as [string, string, string, string, string];
  return { params: { logN: Number(logN), r: Number(r), p: Number(p) }, salt: Buffer.from(salt, 'base64') };
}

export function createRecoveryCodeKdf(params: ScryptParameters = RECOVERY_SCRYPT): RecoveryCodeKdf {
  return {
    newSetKdf() {
      const salt = randomBytes(SALT_BYTES).toString('base64').replace(/=+$/, '');
      return `$scrypt$ln=${params.logN},r=${params.r},p=${params.p}$${salt}`;
    },
    hash(code, kdf) {
      const { params: stored, salt } = parse(kdf);
      const N = 2 ** stored.logN;
      const options = { N, r: stored.r, p: stored.p, maxmem: 256 * N * stored.r };
      return new Promise((resolve, reject) => {
        scrypt(code, salt, KEY_BYTES, options, (error, key) => (error ? reject(error) : resolve(key.toString('base64'))));
      });
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
