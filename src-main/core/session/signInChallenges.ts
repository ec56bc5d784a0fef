import { SIGN_IN_CHALLENGE_TTL_MS, TIME_LIMIT_MAX_EXTENSIONS } from '../../../src-shared/twoFactorRules';
import type { Clock } from '../clock';

export interface SignInChallengeState {
  readonly accountId: string;
  expiresAt: number;
  /** Wrong codes entered in this challenge. */
  failures: number;
  /** Times "More time" extended this challenge. */
  extensions: number;
}

export type SignInChallenges = ReturnType<typeof createSignInChallenges>;

/**
 * The pending second sign-in step, in memory only: one at a time (one person at the keyboard),
 * replaced by a new password sign-in, gone after SIGN_IN_CHALLENGE_TTL_MS or a restart.
 */
export function createSignInChallenges(clock: Clock) {
  let current: SignInChallengeState | null = null;

  /** The unexpired challenge, or null; an expired one is dropped. */
  function live(): SignInChallengeState | null {
    if (current && clock.now() >= current.expiresAt) current = null;
    return current;
  }

  return {
    start(accountId: string): SignInChallengeState {
      current = { accountId, expiresAt: clock.now() + SIGN_IN_CHALLENGE_TTL_MS, failures: 0, extensions: 0 };
      return current;
    },
    /**
     * "More time": a full period from now, if `challenge` is still current and unexpired and has
     * extensions left. False otherwise (nothing changes).
     */
    extend(challenge: SignInChallengeState): boolean {
      if (live() !== challenge || challenge.extensions >= TIME_LIMIT_MAX_EXTENSIONS) return false;
      challenge.extensions += 1;
      challenge.expiresAt = clock.now() + SIGN_IN_CHALLENGE_TTL_MS;
      return true;
    },
    current: live,
    /** Drops `challenge` if it is still the current one (or any challenge when called without one). */
    discard(challenge?: SignInChallengeState): void {
      if (!challenge || current === challenge) current = null;
    },
  };
}
