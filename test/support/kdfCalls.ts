import type * as NodeCrypto from 'node:crypto';

/** One scrypt call as the app made it: cost parameters and sizes, never the password or salt. */
export interface KdfCall {
  readonly N: number;
  readonly r: number;
  readonly p: number;
  readonly keyLength: number;
  readonly saltBytes: number;
}

/** Every scrypt call since the last clear, oldest first. */
export const kdfCalls: KdfCall[] = [];

type ScryptCallback = (error: Error | null, key: Buffer) => void;

/**
 * node:crypto with scrypt recorded, for `vi.mock('node:crypto', …)`. scrypt is the process
 * boundary of the KDF (it runs on libuv's thread pool), so counting there proves how many KDF
 * calls a path makes without touching the code under test; the real scrypt still runs.
 */
export function withRecordedScrypt(crypto: typeof NodeCrypto): typeof NodeCrypto {
  function scrypt(password: NodeCrypto.BinaryLike, salt: NodeCrypto.BinaryLike, keylen: number, ...rest: unknown[]): void {
    const callback = rest.pop() as ScryptCallback;
    const options = (rest[0] ?? {}) as NodeCrypto.ScryptOptions;
    kdfCalls.push({
      N: options.N ?? options.cost ?? 16384,
      r: options.r ?? options.blockSize ?? 8,
      p: options.p ?? options.parallelization ?? 1,
      keyLength: keylen,
      saltBytes: typeof salt === 'string' ? Buffer.byteLength(salt) : salt.byteLength,
    });
    crypto.scrypt(password, salt, keylen, options, callback);
  }
  return { ...crypto, scrypt: scrypt as typeof NodeCrypto.scrypt, default: { ...crypto, scrypt } } as typeof NodeCrypto;
}

/** What `work` resolves to and the scrypt calls it made. Run one at a time: the list is shared. */
export async function withKdfCalls<T>(work: () => Promise<T>): Promise<{ result: T; calls: KdfCall[] }> {
  kdfCalls.length = 0;
  const result = await work();
  return { result, calls: kdfCalls.splice(0) };
}
