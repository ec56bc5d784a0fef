import { makeDataDir } from './benchBackend';
import { hashOnce } from './hashers';
import { seedDatabase } from './seedDatabase';
import type { ScryptParameters } from '../../src-main/core/security/passwordHasher';

/**
 * A data directory with `count` accounts whose password is BENCH_PASSWORD, hashed once with
 * `params` (one scrypt for all of them: the stored string is valid for each account).
 */
export async function dataDirWithAccounts(
  count: number,
  params: ScryptParameters,
): Promise<{ dataDir: string; emails: readonly string[] }> {
  const dataDir = makeDataDir();
  const passwordHash = await hashOnce(params);
  const { emails } = seedDatabase(dataDir, { accounts: count, events: 0, heavyEvery: 1, passwordHash, before: Date.now() });
  return { dataDir, emails };
}
