import { SIGN_IN_CHALLENGE_TTL_MS } from '../../../src-shared/twoFactorRules';
import type { Clock } from '../clock';

export interface SignInChallengeState {
  readonly accountId: string;
  readonly expiresAt: number;
  /** Wrong codes entered in this challenge. */
  failures: number;
}

export type SignInChallenges = ReturnType<typeof createSignInChallenges>;

/**
 * The pending second sign-in step, in memory only: one at a time (one person at the keyboard),
 * replaced by a new password sign-in, gone after SIGN_IN_CHALLENGE_TTL_MS or a restart.
 */
export function createSignInChallenges(clock: Clock) {
  let current: SignInChallengeState | null = null;

  return {
    start(accountId: string): SignInChallengeState {
      current = { accountId, expiresAt: clock.now() + SIGN_IN_CHALLENGE_TTL_MS, failures: 0 };
      return current;
    },
    /** The unexpired challenge, or null; an expired one is dropped. */
    current(): SignInChallengeState | null {
      if (current && clock.now() >= current.expiresAt) current = null;
      return current;
    },
    /** Drops `challenge` if it is still the current one (or any challenge when called without one). */
    discard(challenge?: SignInChallengeState): void {
      if (!challenge || current === challenge) current = null;
    },
  };
}
