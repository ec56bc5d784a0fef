import type { SignInChallenge } from '../../../src-shared/models';
import { CHALLENGE_MAX_FAILURES, SECOND_FACTOR_MAX_FAILURES, TIME_LIMIT_MAX_EXTENSIONS } from '../../../src-shared/twoFactorRules';
import type { CoreDependencies } from '../coreDependencies';
import type { SignInChallengeState } from '../session/signInChallenges';

/**
 * What the second sign-in screen shows. Wrong codes left is the smaller of what this challenge
 * allows and what the account allows before its second factor locks (which also ends the challenge).
 */
export function toChallengeInfo(
  { accounts, twoFactor }: Pick<CoreDependencies, 'accounts' | 'twoFactor'>,
  challenge: SignInChallengeState,
): SignInChallenge | null {
  const account = accounts.findById(challenge.accountId);
  const record = twoFactor.find(challenge.accountId);
  if (!account || !record) return null;
  return {
    email: account.email,
    expiresAt: challenge.expiresAt,
    attemptsLeft: attemptsLeft(challenge.failures, record.failedAttempts),
    extensionsLeft: TIME_LIMIT_MAX_EXTENSIONS - challenge.extensions,
  };
}

export function attemptsLeft(challengeFailures: number, consecutiveFailures: number): number {
  return Math.max(0, Math.min(CHALLENGE_MAX_FAILURES - challengeFailures, SECOND_FACTOR_MAX_FAILURES - consecutiveFailures));
}
