import { defineStore } from 'pinia';
import { ref, watch } from 'vue';
import type { OperationOutput } from '../../src-shared/contract';
import { MESSAGES, type ApiError } from '../../src-shared/errors';
import type { SessionInfo, SignInChallenge } from '../../src-shared/models';
import { fail, ok, type Result } from '../../src-shared/result';
import { done, stillBusy } from './actionResults';
import { useSessionStore } from './session';
import { useTwoFactorStore } from './twoFactor';

export type SecondFactorMethod = 'authenticator' | 'recoveryCode';

/** Sign-in errors that stay on the sign-in screen when it is opened again (it says when to retry, or why you are back). */
const STICKY_ERRORS: ReadonlySet<string> = new Set(['RATE_LIMITED', 'SECOND_FACTOR_LOCKED']);
/** Errors after which the pending second step is gone: back to the sign-in screen with the message. */
const ENDS_CHALLENGE: ReadonlySet<string> = new Set(['CHALLENGE_EXPIRED', 'SECOND_FACTOR_LOCKED', 'NOT_SIGNED_IN']);
const CHALLENGE_EXPIRED: ApiError = { code: 'CHALLENGE_EXPIRED', message: MESSAGES.challengeExpired };

/**
 * Signing in: the password step and the waits main imposes after failures, then, for an account
 * with two-factor authentication, the second step (a code from the authenticator app or a
 * recovery code). The session it starts belongs to the session store.
 */
export const useSignInStore = defineStore('signIn', () => {
  const session = useSessionStore();
  const twoFactor = useTwoFactorStore();

  /** The password step is under way. */
  const pending = ref(false);
  /** Shown on the sign-in screen: the password step's error, or why the second step ended. */
  const error = ref<ApiError | null>(null);
  /** Epoch ms before which sign-in is refused (RATE_LIMITED, SECOND_FACTOR_LOCKED, a backoff). */
  const retryAt = ref<number | null>(null);

  /** The pending second step (a correct password for an account with two-factor authentication). */
  const challenge = ref<SignInChallenge | null>(null);
  const method = ref<SecondFactorMethod>('authenticator');
  const codePending = ref(false);
  const codeError = ref<ApiError | null>(null);

  /** Set when the second step ended with a message for the sign-in screen, so opening that screen keeps it. */
  let keepErrorOnce = false;
  let loading: Promise<void> | null = null;

  // A new challenge starts on the authenticator app with a clean form.
  watch(challenge, (next, previous) => {
    if (next && !previous) {
      method.value = 'authenticator';
      codeError.value = null;
    }
  });
  // However a session starts (here, or by creating an account), no second step is left pending.
  watch(
    () => session.isSignedIn,
    (signedIn) => {
      if (signedIn) challenge.value = null;
    },
    { flush: 'sync' },
  );

  /** Waits for the start-up session read, and resumes a second step main still holds. */
  function ensureLoaded(): Promise<void> {
    loading ??= session.ensureLoaded().then((found) => {
      if (found && !found.session && found.challenge) challenge.value = found.challenge;
    });
    return loading;
  }

  function isRateLimited(now = Date.now()): boolean {
    return retryAt.value !== null && now < retryAt.value;
  }

  /** The password step. Resolves to main's answer: a session (started here) or a second step to take. */
  async function signIn(input: { email: string; password: string }): Promise<Result<OperationOutput<'signIn'>>> {
    if (pending.value) return stillBusy();
    if (isRateLimited()) return fail({ code: 'RATE_LIMITED', message: 'Too many failed attempts.', retryAt: retryAt.value ?? 0 });
    pending.value = true;
    error.value = null;
    session.clearSignedOutMessage();
    try {
      const result = await session.request('signIn', input);
      if (result.ok) {
        retryAt.value = null;
        if (result.value.challenge) challenge.value = result.value.challenge;
        else start(result.value.session);
        return result;
      }
      error.value = result.error;
      // RATE_LIMITED and SECOND_FACTOR_LOCKED always say when to retry; a wrong password does when it starts the backoff.
      retryAt.value = result.error.retryAt ?? null;
      return result;
    } finally {
      pending.value = false;
    }
  }

  /** Called when the rate-limit countdown reaches zero. */
  function clearRateLimit(): void {
    retryAt.value = null;
    if (error.value && STICKY_ERRORS.has(error.value.code)) error.value = null;
  }

  /** Clears the error when the sign-in screen is opened afresh (a wait, or why the last step ended, stays). */
  function clearFormErrors(): void {
    const keep = keepErrorOnce || (error.value !== null && STICKY_ERRORS.has(error.value.code));
    keepErrorOnce = false;
    if (!keep) error.value = null;
  }

  function start(next: SessionInfo): void {
    retryAt.value = null;
    error.value = null;
    challenge.value = null;
    session.start(next);
  }

  /**
   * The second step is over without a session (cancelled, expired, locked). `failure`, if
   * given, is shown on the sign-in screen; its retryAt holds sign-in back until then.
   */
  function endChallenge(failure: ApiError | null = null): void {
    codeError.value = null;
    if (!challenge.value) return;
    session.rememberEmail(challenge.value.email);
    challenge.value = null;
    error.value = failure;
    if (failure?.retryAt !== undefined) retryAt.value = failure.retryAt;
    keepErrorOnce = failure !== null;
  }

  function chooseMethod(next: SecondFactorMethod): void {
    method.value = next;
    codeError.value = null;
  }

  function codeFailed<T>(failure: ApiError): Result<T> {
    if (ENDS_CHALLENGE.has(failure.code)) {
      endChallenge(failure.code === 'NOT_SIGNED_IN' ? CHALLENGE_EXPIRED : failure);
      // Main has usually dropped it already; make sure nothing is left pending.
      if (failure.code === 'SECOND_FACTOR_LOCKED') void session.request('cancelTwoFactorChallenge', {});
      return fail(failure);
    }
    codeError.value = failure;
    // Without the secret the authenticator app cannot work, but recovery codes still do.
    if (failure.code === 'SECRET_MISSING') method.value = 'recoveryCode';
    return fail(failure);
  }

  /** Sends a code of either kind; resolves to the session that started. */
  async function submit(operation: 'submitTwoFactorCode' | 'submitRecoveryCode', code: string): Promise<Result<SessionInfo>> {
    if (!challenge.value) return fail(CHALLENGE_EXPIRED);
    if (codePending.value) return stillBusy();
    codePending.value = true;
    codeError.value = null;
    try {
      const result = await session.request(operation, { code });
      if (!result.ok) return codeFailed(result.error);
      start(result.value.session);
      if ('recoveryCodesRemaining' in result.value) twoFactor.noteRecoveryCodesLeft(result.value.recoveryCodesRemaining);
      return ok(result.value.session);
    } finally {
      codePending.value = false;
    }
  }

  function submitCode(code: string): Promise<Result<SessionInfo>> {
    return submit('submitTwoFactorCode', code);
  }

  function submitRecoveryCode(code: string): Promise<Result<SessionInfo>> {
    return submit('submitRecoveryCode', code);
  }

  /** "Back to sign in": the challenge is dropped here at once and in main. */
  async function cancel(): Promise<Result<void>> {
    endChallenge();
    const result = await session.request('cancelTwoFactorChallenge', {});
    return result.ok ? done : result;
  }

  /** "More time" on this step: main moves the end a full period on (a capped number of times). */
  async function extend(): Promise<Result<SignInChallenge>> {
    if (!challenge.value) return fail(CHALLENGE_EXPIRED);
    if (codePending.value) return stillBusy();
    codePending.value = true;
    codeError.value = null;
    try {
      const result = await session.request('extendTwoFactorChallenge', {});
      if (!result.ok) return codeFailed(result.error);
      challenge.value = result.value.challenge;
      return ok(result.value.challenge);
    } finally {
      codePending.value = false;
    }
  }

  /** The challenge's time is up (a timer on the screen): back to sign in, saying why. */
  function expire(): void {
    endChallenge(CHALLENGE_EXPIRED);
    void session.request('cancelTwoFactorChallenge', {});
  }

  return {
    pending,
    error,
    retryAt,
    challenge,
    method,
    codePending,
    codeError,
    ensureLoaded,
    isRateLimited,
    signIn,
    clearRateLimit,
    clearFormErrors,
    chooseMethod,
    submitCode,
    submitRecoveryCode,
    cancel,
    extend,
    expire,
  };
});
