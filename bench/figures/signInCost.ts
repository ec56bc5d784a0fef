import { randomBytes } from 'node:crypto';
import { createScryptHasher } from '../../src-main/core/security/passwordHasher';
import { call, openBenchBackend } from '../lib/benchBackend';
import { sized, type Figure } from '../lib/figure';
import { BENCH_PASSWORD, CHEAP_SCRYPT, PRODUCTION_SCRYPT, bareScrypt } from '../lib/hashers';
import { dataDirWithAccounts } from '../lib/signInAccounts';
import { samplePairMs } from '../lib/stats';

/**
 * Sign-in cost against the KDF floor: one sign-in through dispatch (validation, handler table,
 * database reads and writes, session, security log) against one bare scrypt call with the same
 * parameters, measured alternately.
 */
export const signInCost: Figure = {
  id: 'signInCost',
  title: 'Sign-in vs bare scrypt',
  async run({ mode }) {
    const runs = sized(mode, 9, 2);
    const params = sized(mode, PRODUCTION_SCRYPT, CHEAP_SCRYPT);
    const { dataDir, emails } = await dataDirWithAccounts(1, params);
    const bench = await openBenchBackend({ dataDir, hasher: createScryptHasher(params) });
    const salt = randomBytes(16);
    try {
      const samples = await samplePairMs(
        () => call(bench.backend, 'signIn', { email: emails[0], password: BENCH_PASSWORD }),
        () => bareScrypt(BENCH_PASSWORD, salt, params),
        runs,
      );
      return {
        rows: [
          {
            id: 'signIn.endToEnd',
            label: `One sign-in through dispatch (scrypt N=2^${params.logN})`,
            unit: 'ms',
            samples: samples.a,
            baseline: { label: 'bare scrypt, same parameters', samples: samples.b },
            target: { on: 'ratio', max: 1.15 },
          },
        ],
        details: { scrypt: params },
      };
    } finally {
      bench.cleanup();
    }
  },
};
