import { MESSAGES } from '../../../src-shared/errors';
import { CHALLENGE_MAX_FAILURES } from '../../../src-shared/twoFactorRules';
import { challengeExpired, invalidCode, secondFactorLocked, type AppError } from '../appError';
import type { CoreDependencies } from '../coreDependencies';
import { attemptsLeft } from './toChallengeInfo';
import { recordSecondFactorFailure, type SecondFactorRejection } from './recordSecondFactorFailure';
import type { SignInChallengeState } from '../session/signInChallenges';

type Deps = Pick<CoreDependencies, 'twoFactor' | 'events' | 'challenges' | 'clock' | 'bookkeeping'>;

export interface Rejection {
  readonly event: SecondFactorRejection;
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
  const outcome = recordSecondFactorFailure(deps, challenge.accountId, rejection.event, rejection.spentSteps);
  if (outcome.locked) {
    deps.challenges.discard(challenge);
    return secondFactorLocked(outcome.lockedUntil);
  }
  challenge.failures += 1;
  if (challenge.failures >= CHALLENGE_MAX_FAILURES) {
    deps.challenges.discard(challenge);
    return challengeExpired(MESSAGES.challengeFailedTooOften);
  }
  return invalidCode({
    message: rejection.message,
    attemptsLeft: attemptsLeft(challenge.failures, outcome.failures),
    ...(rejection.clockDriftMinutes === undefined ? {} : { clockDriftMinutes: rejection.clockDriftMinutes }),
  });
}
