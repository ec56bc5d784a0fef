import { scrypt, type ScryptOptions } from 'node:crypto';

/**
 * The self-describing scrypt strings Gatehouse stores, shared by the password hasher and the
 * recovery-code KDF: `$scrypt$ln=…,r=…,p=…$<salt>` names the parameters and the salt (a recovery
 * code set's KDF), and a password hash appends `$<key>`. Salt and key are unpadded base64 of 16
 * and 32 bytes. Naming the parameters lets them be raised later without breaking stored strings.
 */
export interface ScryptParameters {
  /** log2 of N, the CPU/memory cost. */
  readonly logN: number;
  readonly r: number;
  readonly p: number;
}

export interface ScryptString {
  readonly params: ScryptParameters;
  readonly salt: Buffer;
  /** Null for a KDF string without a derived key. */
  readonly key: Buffer | null;
}

export const SCRYPT_SALT_BYTES = 16;
export const SCRYPT_KEY_BYTES = 32;
const FORMAT = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]{22})(?:\$([A-Za-z0-9+/]{43}))?$/;

const base64 = (bytes: Buffer): string => bytes.toString('base64').replace(/=+$/, '');

/** The parts of `text`, or null when it is not such a string. */
export function parseScryptString(text: string): ScryptString | null {
  const match = FORMAT.exec(text);
  if (!match) return null;
  const [, logN, r, p, salt, key] = match as unknown as [string, string, string, string, string, string | undefined];
  return {
    params: { logN: Number(logN), r: Number(r), p: Number(p) },
    salt: Buffer.from(salt, 'base64'),
    key: key === undefined ? null : Buffer.from(key, 'base64'),
  };
}

export function formatScryptString({ logN, r, p }: ScryptParameters, salt: Buffer, key: Buffer | null = null): string {
  return `$scrypt$ln=${logN},r=${r},p=${p}$${base64(salt)}${key ? `$${base64(key)}` : ''}`;
}

/** Derives SCRYPT_KEY_BYTES on the libuv thread pool, so the event loop never blocks. */
export function deriveScryptKey(secret: string, salt: Buffer, { logN, r, p }: ScryptParameters): Promise<Buffer> {
  const N = 2 ** logN;
  // scrypt needs 128·N·r bytes; allow twice that so Node's default 32 MiB cap does not refuse.
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r };
  return new Promise((resolve, reject) => {
    scrypt(secret, salt, SCRYPT_KEY_BYTES, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}
