import { verify } from 'otplib';
import { TOTP_ACCEPTED_STEPS, TOTP_DIGITS, TOTP_PERIOD_SECONDS } from '../../src-shared/twoFactorRules';
import { TEST_RECOVERY_SCRYPT } from '../../test/support/cheapScrypt';
import { createFakeClock } from '../../test/support/fakeClock';
import { authenticatorCode } from '../../test/support/totpCodes';
import { call, openBenchBackend } from '../lib/benchBackend';
import { sized, type Figure } from '../lib/figure';
import { BENCH_PASSWORD, skipKdfHasher } from '../lib/hashers';
import { openDurableCommit } from '../lib/durableCommit';
import { summarize, timeMs } from '../lib/stats';
import { TWO_FACTOR_EMAIL, activateTwoFactor } from '../lib/twoFactorAccount';
import { openWalCommitCounter } from '../lib/walCommits';

/**
 * TOTP verification through dispatch: submitTwoFactorCode (validation, the challenge, the secret
 * from the keychain port, otplib, the replay check and its SQLite write, the session) against the
 * bare otplib verify the core makes (same window: one step either side). Each run is a fresh
 * sign-in challenge 30 s (one time step) after the previous one, so every code is new; only the
 * code submission is timed. In-memory keychain: a real keychain read adds its own IPC time.
 * A second row compares it with the floor of any durable replay check: the verify plus one
 * committed SQLite write with the app's pragmas (a single-row UPDATE on a scratch database, timed
 * right before each submission), measured alongside. That floor is one commit, and so is an
 * accepted code: since "Sign-in costs one durable commit" the signed_in log entry commits in the
 * transaction that advances the replay step. The figure checks this after the timed runs,
 * untimed, by counting the commits each submission leaves in the app's WAL (details).
 */
export const totpVerify: Figure = {
  id: 'totpVerify',
  title: 'TOTP verification vs bare otplib',
  async run({ mode }) {
    const runs = sized(mode, 200, 5);
    const clock = createFakeClock();
    const bench = await openBenchBackend({ hasher: skipKdfHasher, clock, recoveryCodeScrypt: TEST_RECOVERY_SCRYPT });
    const commit = openDurableCommit();
    const samples = { submit: [] as number[], bare: [] as number[], floor: [] as number[] };
    const commitsPerSubmit: number[] = [];
    try {
      const secret = await activateTwoFactor(bench.backend, clock.now);
      /** A fresh challenge, one time step after the last, and the code for it. */
      const challenge = async (): Promise<string> => {
        await call(bench.backend, 'signOut');
        clock.advance(TOTP_PERIOD_SECONDS * 1000);
        await call(bench.backend, 'signIn', { email: TWO_FACTOR_EMAIL, password: BENCH_PASSWORD });
        return authenticatorCode(secret, clock.now());
      };
      for (let i = -5; i < runs; i++) {
        const code = await challenge();
        const bare = () =>
          verify({
            secret,
            token: code,
            epoch: Math.floor(clock.now() / 1000),
            period: TOTP_PERIOD_SECONDS,
            digits: TOTP_DIGITS,
            algorithm: 'sha1',
            epochTolerance: TOTP_ACCEPTED_STEPS * TOTP_PERIOD_SECONDS,
          });
        const submit = () => call(bench.backend, 'submitTwoFactorCode', { code });
        const bareMs = await timeMs(bare);
        const commitMs = commit.time();
        const submitMs = await timeMs(submit);
        if (i >= 0) {
          samples.bare.push(bareMs);
          samples.floor.push(bareMs + commitMs);
          samples.submit.push(submitMs);
        }
      }
      // Untimed: how many durable commits one accepted code costs.
      const wal = openWalCommitCounter(bench.dataDir);
      try {
        for (let i = 0; i < 3; i++) {
          const code = await challenge();
          wal.reset();
          await call(bench.backend, 'submitTwoFactorCode', { code });
          commitsPerSubmit.push(wal.count());
        }
      } finally {
        wal.close();
      }
    } finally {
      commit.close();
      bench.cleanup();
    }
    return {
      rows: [
        {
          id: 'totp.submit',
          label: 'TOTP code through dispatch (submitTwoFactorCode)',
          unit: 'ms',
          samples: samples.submit,
          baseline: { label: 'bare otplib verify', samples: samples.bare },
          target: { on: 'ratio', max: 3 },
        },
        {
          id: 'totp.submitVsDurableFloor',
          label: 'TOTP code through dispatch, against verify + one durable write',
          unit: 'ms',
          samples: samples.submit,
          baseline: { label: 'bare otplib verify + one SQLite commit (WAL, synchronous=FULL)', samples: samples.floor },
        },
      ],
      details: {
        keychain: 'in-memory secret store',
        durableCommits: {
          perAcceptedCode: summarize(commitsPerSubmit).max,
          inFloor: 1,
          how: "transactions committed to the app's WAL by one submitTwoFactorCode (counted untimed, after the timed runs)",
        },
      },
    };
  },
};
