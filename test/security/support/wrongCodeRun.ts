import { expect } from 'vitest';
import type { ApiError } from '../../../src-shared/errors';
import { MESSAGES } from '../../../src-shared/errors';
import {
  CHALLENGE_MAX_FAILURES,
  SECOND_FACTOR_LOCK_MS,
  SECOND_FACTOR_MAX_FAILURES,
  SIGN_IN_CHALLENGE_TTL_MS,
  TIME_LIMIT_MAX_EXTENSIONS,
} from '../../../src-shared/twoFactorRules';
import { ADA, expectOk, type BackendHarness } from '../../support/backendHarness';

type CodeOperation = 'submitTwoFactorCode' | 'submitRecoveryCode';

export interface WrongCode {
  readonly code: string;
  /** Asserts what INVALID_CODE says for this code, apart from attemptsLeft (checked by the run). */
  readonly expectInvalid: (error: ApiError) => void;
}

export interface WrongCodeRun {
  readonly harness: BackendHarness;
  readonly operation: CodeOperation;
  readonly total: number;
  nextWrongCode(): Promise<WrongCode>;
  /** The owner's right second factors at this moment: each must be refused while the lock holds. */
  rightFactors(): Promise<readonly { operation: CodeOperation; code: string }[]>;
  /** The owner's authenticator code now: used to sign in once each lock has expired. */
  ownerCode(): Promise<string>;
  /** Restart the backend after these wrong codes (0-based), wherever they fall in a challenge. */
  readonly reopenAfter: ReadonlySet<number>;
  /** Also restart while every n-th lock holds. */
  readonly reopenWhileLockedEvery: number;
}

export interface WrongCodeStats {
  wrongCodes: number;
  locks: number;
  challengesCancelled: number;
  reopens: number;
  refusedWhileLocked: number;
  ownerSignIns: number;
}

const password = { email: ADA.email, password: ADA.password };

/**
 * Drives `total` wrong codes through dispatch against a model of the documented rules: attemptsLeft
 * counts down, the CHALLENGE_MAX_FAILURES-th wrong code in a challenge cancels it, the
 * SECOND_FACTOR_MAX_FAILURES-th in a row locks the second factor (kept across restarts). While
 * locked the password and every right factor are refused; once the lock expires the owner gets in.
 */
export async function driveWrongCodes(run: WrongCodeRun): Promise<WrongCodeStats> {
  const { harness } = run;
  const stats: WrongCodeStats = { wrongCodes: 0, locks: 0, challengesCancelled: 0, reopens: 0, refusedWhileLocked: 0, ownerSignIns: 0 };
  let streak = 0;
  let challengeFailures: number | null = null;

  for (let index = 0; index < run.total; index += 1) {
    if (challengeFailures === null) {
      expect(await harness.call('signIn', password)).toEqual({
        ok: true,
        value: {
          challenge: {
            email: ADA.email,
            expiresAt: harness.clock.now() + SIGN_IN_CHALLENGE_TTL_MS,
            attemptsLeft: Math.min(CHALLENGE_MAX_FAILURES, SECOND_FACTOR_MAX_FAILURES - streak),
            extensionsLeft: TIME_LIMIT_MAX_EXTENSIONS,
          },
        },
      });
      challengeFailures = 0;
    }
    const wrong = await run.nextWrongCode();
    const result = await harness.call(run.operation, { code: wrong.code });
    stats.wrongCodes += 1;
    streak += 1;
    challengeFailures += 1;
    if (result.ok) throw new Error(`wrong code ${index} was accepted`);

    if (streak === SECOND_FACTOR_MAX_FAILURES) {
      const lockedUntil = harness.clock.now() + SECOND_FACTOR_LOCK_MS;
      expect(result.error).toEqual({ code: 'SECOND_FACTOR_LOCKED', message: MESSAGES.secondFactorLocked, retryAt: lockedUntil });
      stats.locks += 1;
      [streak, challengeFailures] = [0, null];
      if (stats.locks % run.reopenWhileLockedEvery === 0) {
        harness.reopen();
        stats.reopens += 1;
      }
      stats.refusedWhileLocked += await expectLockedUntil(run, lockedUntil);
      stats.ownerSignIns += 1;
    } else if (challengeFailures === CHALLENGE_MAX_FAILURES) {
      expect(result.error).toEqual({ code: 'CHALLENGE_EXPIRED', message: MESSAGES.challengeFailedTooOften });
      stats.challengesCancelled += 1;
      challengeFailures = null;
    } else {
      expect(result.error).toMatchObject({
        code: 'INVALID_CODE',
        attemptsLeft: Math.min(CHALLENGE_MAX_FAILURES - challengeFailures, SECOND_FACTOR_MAX_FAILURES - streak),
      });
      wrong.expectInvalid(result.error);
    }

    if (run.reopenAfter.has(index)) {
      harness.reopen();
      stats.reopens += 1;
      challengeFailures = null; // The challenge lives in memory only; the streak is in SQLite.
    }
  }
  return stats;
}

/** While locked (up to its last millisecond) nothing gets in; at `lockedUntil` the owner does. Returns the refusals. */
async function expectLockedUntil(run: WrongCodeRun, lockedUntil: number): Promise<number> {
  const { harness } = run;
  let refused = 0;
  for (const at of [harness.clock.now(), lockedUntil - 1]) {
    harness.clock.set(at);
    for (const factor of await run.rightFactors()) {
      // The lock ended the challenge, and no new one can start: the right factor has nowhere to go.
      expect(await harness.call(factor.operation, { code: factor.code })).toEqual({
        ok: false,
        error: { code: 'CHALLENGE_EXPIRED', message: MESSAGES.challengeExpired },
      });
      refused += 1;
    }
    expect(await harness.call('signIn', password)).toEqual({
      ok: false,
      error: { code: 'SECOND_FACTOR_LOCKED', message: MESSAGES.secondFactorLocked, retryAt: lockedUntil },
    });
    refused += 1;
  }
  harness.clock.set(lockedUntil);
  expectOk(await harness.call('signIn', password));
  const { session } = expectOk(await harness.call('submitTwoFactorCode', { code: await run.ownerCode() }));
  expect(session.account.email).toBe(ADA.email);
  expectOk(await harness.call('signOut', {}));
  return refused;
}
