import type { OperationOutput } from '../../../src-shared/contract';
import { challengeExpired, extensionLimitReached } from '../appError';
import type { CoreDependencies } from '../coreDependencies';
import { toChallengeInfo } from '../twoFactor/toChallengeInfo';

/**
 * "More time" on the second sign-in step (WCAG 2.2.1): the challenge runs a full period from now.
 * Each challenge allows TIME_LIMIT_MAX_EXTENSIONS; the next one is refused, and so is extending an
 * expired or cancelled challenge. Wrong codes stay capped per challenge and per account, so more
 * time never means more guesses.
 */
export async function extendTwoFactorChallenge(
  deps: Pick<CoreDependencies, 'challenges' | 'accounts' | 'twoFactor'>,
): Promise<OperationOutput<'extendTwoFactorChallenge'>> {
  const challenge = deps.challenges.current();
  if (!challenge) throw challengeExpired();
  if (!deps.challenges.extend(challenge)) throw extensionLimitReached();
  const info = toChallengeInfo(deps, challenge);
  if (!info) {
    // The account or its two-factor record went away meanwhile: start again with the password.
    deps.challenges.discard(challenge);
    throw challengeExpired();
  }
  return { challenge: info };
}
