import { MESSAGES } from '../../../src-shared/errors';
import type { SecurityEventKind } from '../../../src-shared/models';
import { CHALLENGE_MAX_FAILURES, SECOND_FACTOR_LOCK_MS, SECOND_FACTOR_MAX_FAILURES } from '../../../src-shared/twoFactorRules';
import { challengeExpired, invalidCode, secondFactorLocked, type AppError } from '../appError';
import type { CoreDependencies } from '../coreDependencies';
import { attemptsLeft } from './challengeInfo';
import type { SignInChallengeState } from './signInChallenges';

type Deps = Pick<CoreDependencies, 'twoFactor' | 'events' | 'challenges' | 'clock' | 'transaction'>;

export interface Rejection {
  readonly event: Extract<SecurityEventKind, 'two_factor_code_rejected' | 'recovery_code_rejected'>;
  readonly message: string;
  readonly clockDriftMinutes?: number;
  /** Time steps the code matched: spent in the same transaction as the failure, never accepted later. */
  readonly spentSteps?: readonly number[];
}

/**
 * Records a wrong code at sign-in and returns the error to throw. Consecutive failures are
 * counted in SQLite (a restart does not reset them); the 10th locks the second factor for
 * 15 minutes. Within one challenge, the 5th wrong code cancels it: the password is needed again.
 */
export function rejectSecondFactor(deps: Deps, challenge: SignInChallengeState, rejection: Rejection): AppError {
  const { twoFactor, events, challenges, clock, transaction } = deps;
  const accountId = challenge.accountId;
  const now = clock.now();
  const outcome = transaction(() => {
    twoFactor.spendSteps(accountId, rejection.spentSteps ?? []);
    const failures = twoFactor.recordFailure(accountId);
    events.record(accountId, rejection.event, now);
    if (failures < SECOND_FACTOR_MAX_FAILURES) return { locked: false as const, failures };
    twoFactor.lock(accountId, now + SECOND_FACTOR_LOCK_MS);
    events.record(accountId, 'second_factor_locked', now);
    return { locked: true as const, failures };
  });

  if (outcome.locked) {
    challenges.discard(challenge);
    return secondFactorLocked(now + SECOND_FACTOR_LOCK_MS);
  }
  challenge.failures += 1;
  if (challenge.failures >= CHALLENGE_MAX_FAILURES) {
    challenges.discard(challenge);
    return challengeExpired(MESSAGES.challengeFailedTooOften);
  }
  return invalidCode({
    message: rejection.message,
    attemptsLeft: attemptsLeft(challenge.failures, outcome.failures),
    ...(rejection.clockDriftMinutes === undefined ? {} : { clockDriftMinutes: rejection.clockDriftMinutes }),
  });
}
