import { MAX_DELAY_MS } from '../../src-main/core/security/signInThrottle';
import { createScryptHasher } from '../../src-main/core/security/passwordHasher';
import { createFakeClock } from '../../test/support/fakeClock';
import { openBenchBackend } from '../lib/benchBackend';
import { sized, type Figure } from '../lib/figure';
import { BENCH_PASSWORD, CHEAP_SCRYPT, PRODUCTION_SCRYPT } from '../lib/hashers';
import { dataDirWithAccounts } from '../lib/signInAccounts';
import { timeMs } from '../lib/stats';

const WRONG_PASSWORD = `not ${BENCH_PASSWORD}`;

/**
 * Account enumeration by timing: a sign-in with an email that has no account against one with a
 * wrong password for an account that exists, both through dispatch at the app's scrypt cost. The
 * tests assert the structure that makes them alike (one scrypt call each, same parameters:
 * test/security/enumeration.test.ts); this figure measures what it buys, median and p90. Each
 * pair runs at once, so both meet the same machine load, and which goes first alternates; the
 * clock moves past any backoff between pairs, so neither answers early with RATE_LIMITED.
 */
export const signInEnumeration: Figure = {
  id: 'signInEnumeration',
  title: 'Unknown email vs wrong password',
  async run({ mode }) {
    const runs = sized(mode, 40, 2);
    const params = sized(mode, PRODUCTION_SCRYPT, CHEAP_SCRYPT);
    const { dataDir, emails } = await dataDirWithAccounts(1, params);
    const clock = createFakeClock();
    const bench = await openBenchBackend({ dataDir, clock, hasher: createScryptHasher(params) });
    const samples = { wrong: [] as number[], unknown: [] as number[] };
    /** One failed sign-in, timed; anything but INVALID_CREDENTIALS means the figure measures the wrong thing. */
    const attempt = (email: string, into: number[] | null) => async () => {
      let code = '';
      const ms = await timeMs(async () => {
        const result = await bench.backend.dispatch('signIn', { email, password: WRONG_PASSWORD });
        code = result.ok ? 'OK' : result.error.code;
      });
      if (code !== 'INVALID_CREDENTIALS') throw new Error(`bench: signIn answered ${code}, expected INVALID_CREDENTIALS`);
      into?.push(ms);
    };
    try {
      for (let i = -1; i < runs; i++) {
        clock.advance(MAX_DELAY_MS);
        const wrong = attempt(emails[0]!, i < 0 ? null : samples.wrong);
        const unknown = attempt('nobody@example.com', i < 0 ? null : samples.unknown);
        await Promise.all(i % 2 === 0 ? [wrong(), unknown()] : [unknown(), wrong()]);
      }
      return {
        rows: [
          {
            id: 'enumeration.unknownEmail',
            label: `Failed sign-in, unknown email vs wrong password, at once (scrypt N=2^${params.logN})`,
            unit: 'ms',
            samples: samples.unknown,
            baseline: { label: 'wrong password for an existing account', samples: samples.wrong },
            target: { on: 'ratio', min: 0.9, max: 1.1 },
          },
        ],
        details: { scrypt: params, pairs: runs },
      };
    } finally {
      bench.cleanup();
    }
  },
};
