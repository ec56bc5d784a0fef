import { randomBytes } from 'node:crypto';
import type { RecoveryCodeSet } from '../../src-shared/models';
import { TOTP_PERIOD_SECONDS } from '../../src-shared/twoFactorRules';
import { RECOVERY_SCRYPT } from '../../src-main/core/twoFactor/recoveryCodeKdf';
import { TEST_RECOVERY_SCRYPT } from '../../test/support/cheapScrypt';
import { createFakeClock } from '../../test/support/fakeClock';
import { call, openBenchBackend } from '../lib/benchBackend';
import { sized, type Figure } from '../lib/figure';
import { BENCH_PASSWORD, bareScrypt, skipKdfHasher } from '../lib/hashers';
import { timeMs } from '../lib/stats';
import { TWO_FACTOR_EMAIL, activateTwoFactor } from '../lib/twoFactorAccount';

/**
 * Signing in with a recovery code at the production cost (RECOVERY_SCRYPT): submitRecoveryCode
 * through dispatch (validation, the challenge, one scrypt for the whole set, the spend and its
 * commit, the session) against one bare scrypt call with the same parameters, timed right after.
 * The tests assert the structure (one scrypt call per check, whatever the set's size:
 * test/integration/core/twoFactor/recoveryCodeKdfCalls.test.ts); the 300 ms budget is checked here. The
 * password step costs no KDF (skipKdfHasher), so only the code is measured.
 */
export const recoveryCodeCheck: Figure = {
  id: 'recoveryCodeCheck',
  title: 'Recovery code check vs bare scrypt',
  async run({ mode }) {
    const params = sized(mode, RECOVERY_SCRYPT, TEST_RECOVERY_SCRYPT);
    const clock = createFakeClock();
    const bench = await openBenchBackend({ hasher: skipKdfHasher, clock, recoveryCodeScrypt: params });
    const salt = randomBytes(16);
    const samples = { submit: [] as number[], bare: [] as number[] };
    try {
      await activateTwoFactor(bench.backend, clock.now);
      const { recoveryCodes } = (await call(bench.backend, 'getRecoveryCodes', { password: BENCH_PASSWORD })) as {
        recoveryCodes: RecoveryCodeSet;
      };
      // Every code of the set once: the first warms up, the rest are timed.
      const codes = recoveryCodes.codes.slice(0, sized(mode, recoveryCodes.codes.length, 3)).map(({ code }) => code);
      for (const [index, code] of codes.entries()) {
        await call(bench.backend, 'signOut');
        clock.advance(TOTP_PERIOD_SECONDS * 1000);
        await call(bench.backend, 'signIn', { email: TWO_FACTOR_EMAIL, password: BENCH_PASSWORD });
        const submitMs = await timeMs(() => call(bench.backend, 'submitRecoveryCode', { code }));
        const bareMs = await timeMs(() => bareScrypt(code, salt, params));
        if (index === 0) continue;
        samples.submit.push(submitMs);
        samples.bare.push(bareMs);
      }
      return {
        rows: [
          {
            id: 'recoveryCode.check',
            label: `Sign-in step with a recovery code through dispatch (scrypt N=2^${params.logN})`,
            unit: 'ms',
            samples: samples.submit,
            baseline: { label: 'bare scrypt, same parameters', samples: samples.bare },
            target: { on: 'value', max: 300 },
          },
        ],
        details: { scrypt: params },
      };
    } finally {
      bench.cleanup();
    }
  },
};
