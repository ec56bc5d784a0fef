import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

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

export interface ScryptParameters {
  /** log2 of N, the CPU/memory cost. */
  readonly logN: number;
  readonly r: number;
  readonly p: number;
}

export const OWASP_SCRYPT: ScryptParameters = { logN: 17, r: 8, p: 1 };
const SALT_BYTES = 16;
const KEY_BYTES = 32;
const FORMAT = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]{22})\$([A-Za-z0-9+/]{43})$/;

interface ParsedHash {
  readonly params: ScryptParameters;
  readonly salt: Buffer;
  readonly key: Buffer;
}

function parse(stored: string): ParsedHash | null {
  const match = FORMAT.exec(stored);
  if (!match) return null;
  const [, logN, r, p, salt, key] = match as unknown as [string, string, string, string, string, string];
  return {
    params: { logN: Number(logN), r: Number(r), p: Number(p) },
    salt: Buffer.from(salt, 'base64'),
    key: Buffer.from(key, 'base64'),
  };
}

function format({ logN, r, p }: ScryptParameters, salt: Buffer, key: Buffer): string {
  const b64 = (bytes: Buffer) => bytes.toString('base64').replace(/=+$/, '');
  return `$scrypt$ln=${logN},r=${r},p=${p}$${b64(salt)}$${b64(key)}`;
}

function derive(password: string, salt: Buffer, { logN, r, p }: ScryptParameters): Promise<Buffer> {
  const N = 2 ** logN;
  // scrypt needs 128·N·r bytes; allow twice that so Node's default 32 MiB cap does not refuse.
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r };
  // NIST SP 800-63B: normalise Unicode so the same password typed on another keyboard matches.
  const normalized = password.normalize('NFKC');
  return new Promise((resolve, reject) => {
    scrypt(normalized, salt, KEY_BYTES, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export function createScryptHasher(params: ScryptParameters = OWASP_SCRYPT): PasswordHasher {
  const decoy = format(params, Buffer.alloc(SALT_BYTES), Buffer.alloc(KEY_BYTES));

  async function verify(password: string, stored: string): Promise<boolean> {
    const parsed = parse(stored) ?? parse(decoy)!;
    const key = await derive(password, parsed.salt, parsed.params);
    return timingSafeEqual(key, parsed.key) && stored !== decoy;
  }

  return {
    async hash(password) {
      const salt = randomBytes(SALT_BYTES);
      return format(params, salt, await derive(password, salt, params));
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
