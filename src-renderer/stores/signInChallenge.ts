import { defineStore } from 'pinia';
import { ref, watch } from 'vue';
import { MESSAGES, type ApiError } from '../../src-shared/errors';
import { useSessionStore } from './session';

export type SecondFactorMethod = 'authenticator' | 'recoveryCode';

/** Errors after which the pending sign-in is gone: back to the sign-in screen with the message. */
const ENDS_CHALLENGE: ReadonlySet<string> = new Set(['CHALLENGE_EXPIRED', 'SECOND_FACTOR_LOCKED', 'NOT_SIGNED_IN']);

/**
 * The second sign-in step: a code from the authenticator app or a recovery code.
 * The pending challenge itself lives in the session store (signIn and getSession set it).
 */
export const useSignInChallengeStore = defineStore('signInChallenge', () => {
  const session = useSessionStore();

  const method = ref<SecondFactorMethod>('authenticator');
  const pending = ref(false);
  const error = ref<ApiError | null>(null);
  /** After a recovery-code sign-in: unused codes left, for the Dashboard's notice; null when there is nothing to say. */
  const recoveryCodesRemaining = ref<number | null>(null);

  // A new challenge starts on the authenticator app with a clean form; signing out forgets the notice.
  watch(
    () => session.challenge,
    (next, previous) => {
      if (next && !previous) {
        method.value = 'authenticator';
        error.value = null;
      }
    },
  );
  watch(
    () => session.isSignedIn,
    (signedIn) => {
      if (!signedIn) recoveryCodesRemaining.value = null;
    },
  );

  function chooseMethod(next: SecondFactorMethod): void {
    method.value = next;
    error.value = null;
  }

  function fail(failure: ApiError): false {
    if (ENDS_CHALLENGE.has(failure.code)) {
      const shown = failure.code === 'NOT_SIGNED_IN' ? { code: 'CHALLENGE_EXPIRED' as const, message: MESSAGES.challengeExpired } : failure;
      error.value = null;
      session.endChallenge(shown);
      // Main has usually dropped it already; make sure nothing is left pending.
      if (failure.code === 'SECOND_FACTOR_LOCKED') void session.request('cancelTwoFactorChallenge', {});
      return false;
    }
    error.value = failure;
    // Without the secret the authenticator app cannot work, but recovery codes still do.
    if (failure.code === 'SECRET_MISSING') method.value = 'recoveryCode';
    return false;
  }

  /** Sends a code of either kind; resolves to true when the session has started. */
  async function submit(operation: 'submitTwoFactorCode' | 'submitRecoveryCode', code: string): Promise<boolean> {
    if (pending.value || !session.challenge) return false;
    pending.value = true;
    error.value = null;
    try {
      const result = await session.request(operation, { code });
      if (!result.ok) return fail(result.error);
      session.completeSignIn(result.value.session);
      if ('recoveryCodesRemaining' in result.value) recoveryCodesRemaining.value = result.value.recoveryCodesRemaining;
      return true;
    } finally {
      pending.value = false;
    }
  }

  function submitCode(code: string): Promise<boolean> {
    return submit('submitTwoFactorCode', code);
  }

  function submitRecoveryCode(code: string): Promise<boolean> {
    return submit('submitRecoveryCode', code);
  }

  /** "Back to sign in": the challenge is dropped here at once and in main. */
  async function cancel(): Promise<void> {
    error.value = null;
    session.endChallenge();
    await session.request('cancelTwoFactorChallenge', {});
  }

  /** "More time" on this step: main moves the end a full period on (a capped number of times). */
  async function extend(): Promise<boolean> {
    if (pending.value || !session.challenge) return false;
    pending.value = true;
    error.value = null;
    try {
      const result = await session.request('extendTwoFactorChallenge', {});
      if (!result.ok) return fail(result.error);
      session.challenge = result.value.challenge;
      return true;
    } finally {
      pending.value = false;
    }
  }

  /** The challenge's time is up (a timer on the screen): back to sign in, saying why. */
  function expire(): void {
    error.value = null;
    session.endChallenge({ code: 'CHALLENGE_EXPIRED', message: MESSAGES.challengeExpired });
    void session.request('cancelTwoFactorChallenge', {});
  }

  function dismissRecoveryNotice(): void {
    recoveryCodesRemaining.value = null;
  }

  return {
    method,
    pending,
    error,
    recoveryCodesRemaining,
    chooseMethod,
    submitCode,
    submitRecoveryCode,
    cancel,
    extend,
    expire,
    dismissRecoveryNotice,
  };
});
