import { challengeExpired, secondFactorLocked } from '../appError';
import type { CoreDependencies } from '../coreDependencies';
import type { TwoFactorRecord } from '../db/twoFactorRepository';
import type { SignInChallengeState } from '../session/signInChallenges';

type Deps = Pick<CoreDependencies, 'challenges' | 'twoFactor' | 'clock' | 'withTwoFactorLock' | 'restoreCheck'>;

export interface ChallengeContext {
  readonly challenge: SignInChallengeState;
  /** Read inside the lock. */
  readonly record: TwoFactorRecord;
  /** Throws CHALLENGE_EXPIRED if the challenge ended while `step` awaited (expired, replaced, cancelled). */
  assertStillCurrent(): void;
}

/**
 * Runs one second-step check under the account's two-factor lock, after the checks every code
 * needs: a live challenge (else CHALLENGE_EXPIRED, and it is dropped) and no lock on the second
 * factor (else SECOND_FACTOR_LOCKED with when to retry).
 */
export async function runChallengeStep<T>(deps: Deps, step: (context: ChallengeContext) => Promise<T>): Promise<T> {
  const { challenges, twoFactor, clock, withTwoFactorLock } = deps;
  await deps.restoreCheck.ready();
  const challenge = challenges.current();
  if (!challenge) throw challengeExpired();

  return withTwoFactorLock(challenge.accountId, async () => {
    const assertStillCurrent = () => {
      if (challenges.current() !== challenge) throw challengeExpired();
    };
    assertStillCurrent();
    const record = twoFactor.find(challenge.accountId);
    if (!record) {
      // Two-factor authentication was turned off meanwhile: start again with the password.
      challenges.discard(challenge);
      throw challengeExpired();
    }
    if (record.lockedUntil !== null && record.lockedUntil > clock.now()) {
      challenges.discard(challenge);
      throw secondFactorLocked(record.lockedUntil);
    }
    return step({ challenge, record, assertStillCurrent });
  });
}
