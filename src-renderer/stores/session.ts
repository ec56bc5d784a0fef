import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { OperationInput, OperationOutput } from '../../src-shared/contract';
import type { ApiError } from '../../src-shared/errors';
import {
  SESSION_IDLE_TIMEOUT_MS,
  type AccountSummary,
  type SessionInfo,
  type SignInChallenge,
  type SignOutReason,
} from '../../src-shared/models';
import { OPERATION_NAMES, type OperationName } from '../../src-shared/operations';
import type { Result } from '../../src-shared/result';
import { callGatehouse } from '../api/gatehouseApi';
import { useAccountsStore } from './accounts';

/** Why the renderer no longer has a session, as shown on the sign-in screen. */
export type SignedOutCause = 'user' | 'inactivity' | 'screen_locked' | 'account_deleted' | 'unknown';

export const SIGNED_OUT_MESSAGES: Readonly<Record<SignedOutCause, string>> = {
  user: 'You have signed out.',
  inactivity: `You were signed out after ${Math.round(SESSION_IDLE_TIMEOUT_MS / 60_000)} minutes of inactivity.`,
  screen_locked: 'You were signed out because your screen was locked.',
  account_deleted: 'Your account was deleted from this computer.',
  unknown: 'You were signed out.',
};

/** Check the session this long after main said it would end. */
const EXPIRY_GRACE_MS = 1_000;
/** Never check more often than this, even if the clocks disagree. */
const MIN_CHECK_DELAY_MS = 2_000;
/** After a failed check (e.g. STORAGE_BUSY), try again after this long. */
const RETRY_CHECK_DELAY_MS = 30_000;
/** A session that vanishes this close to (or after) its expiry ended for inactivity. */
const EXPIRY_TOLERANCE_MS = 5_000;
const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;

/** Main says why a session ended; the sign-in screen words it. */
function causeFrom(reason: SignOutReason | undefined): SignedOutCause | null {
  switch (reason) {
    case 'user':
    case 'inactivity':
    case 'screen_locked':
      return reason;
    case 'app_quit':
    case 'window_closed':
      return 'unknown';
    default:
      return null;
  }
}

/** Operations that do not act within a session: they neither need one nor move its `expiresAt`. */
const OUTSIDE_SESSION: ReadonlySet<OperationName> = new Set<OperationName>([
  'listAccounts',
  'createAccount',
  'signIn',
  'signOut',
  'getSession',
  'submitTwoFactorCode',
  'submitRecoveryCode',
  'cancelTwoFactorChallenge',
  'getStartupNotice',
  'markSecretsHidden',
]);

/** Signed-in operations, after which main has moved `expiresAt`: re-read the session. */
const REFRESH_AFTER: ReadonlySet<OperationName> = new Set(OPERATION_NAMES.filter((name) => !OUTSIDE_SESSION.has(name)));

/** Sign-in errors that stay on the sign-in screen when it is opened again (it says when to retry, or why you are back). */
const STICKY_SIGN_IN_ERRORS: ReadonlySet<string> = new Set(['RATE_LIMITED', 'SECOND_FACTOR_LOCKED']);

export const useSessionStore = defineStore('session', () => {
  const session = ref<SessionInfo | null>(null);
  /** True once the first getSession has answered. */
  const loaded = ref(false);
  /** Why the last session ended; null while signed in or when nobody signed out. */
  const signedOutCause = ref<SignedOutCause | null>(null);
  /** The email of the account that was signed in last, to offer it again on the sign-in screen. */
  const lastEmail = ref<string | null>(null);
  /** A failure while reading the session at start-up (shown on the sign-in screen). */
  const loadError = ref<ApiError | null>(null);

  /** The pending second sign-in step (a correct password for an account with two-factor authentication). */
  const challenge = ref<SignInChallenge | null>(null);

  const signInPending = ref(false);
  const signInError = ref<ApiError | null>(null);
  /** Epoch ms before which sign-in is refused (RATE_LIMITED). */
  const retryAt = ref<number | null>(null);

  const createPending = ref(false);
  const createError = ref<ApiError | null>(null);

  const signOutPending = ref(false);
  const signOutError = ref<ApiError | null>(null);

  const account = computed(() => session.value?.account ?? null);
  const isSignedIn = computed(() => session.value !== null);
  const signedOutMessage = computed(() => (signedOutCause.value ? SIGNED_OUT_MESSAGES[signedOutCause.value] : null));

  /** Bumped whenever the session is replaced or ended, so late getSession replies are ignored. */
  let epoch = 0;
  let expiryTimer: ReturnType<typeof setTimeout> | undefined;
  let loading: Promise<void> | null = null;
  let refreshing: Promise<void> | null = null;
  /** Set when the second step ended with a message for the sign-in screen, so opening that screen keeps it. */
  let keepSignInErrorOnce = false;

  /**
   * Every store calls main through here: NOT_SIGNED_IN from any operation ends
   * the local session, and successful signed-in calls refresh the expiry.
   */
  async function request<K extends OperationName>(
    operation: K,
    input: OperationInput<K>,
  ): Promise<Result<OperationOutput<K>>> {
    const result = await callGatehouse(operation, input);
    if (!result.ok) {
      if (result.error.code === 'NOT_SIGNED_IN' && session.value) {
        endSession(inferCause());
        void learnWhySessionEnded();
      }
    } else if (REFRESH_AFTER.has(operation) && session.value) {
      void refresh();
    }
    return result;
  }

  /** After NOT_SIGNED_IN, ask main for the real reason (screen lock, inactivity) to word the notice. */
  async function learnWhySessionEnded(): Promise<void> {
    const ended = epoch;
    const result = await callGatehouse('getSession', {});
    const cause = result.ok && !result.value.session ? causeFrom(result.value.endedReason) : null;
    if (cause && ended === epoch) signedOutCause.value = cause;
  }

  function inferCause(): SignedOutCause {
    const current = session.value;
    if (current && Date.now() >= current.expiresAt - EXPIRY_TOLERANCE_MS) return 'inactivity';
    return 'unknown';
  }

  function clearTimer(): void {
    if (expiryTimer !== undefined) clearTimeout(expiryTimer);
    expiryTimer = undefined;
  }

  function scheduleCheck(delayMs: number): void {
    clearTimer();
    const delay = Math.min(Math.max(delayMs, MIN_CHECK_DELAY_MS), MAX_TIMER_DELAY_MS);
    expiryTimer = setTimeout(() => {
      expiryTimer = undefined;
      void refresh();
    }, delay);
  }

  function keep(next: SessionInfo): void {
    session.value = next;
    scheduleCheck(next.expiresAt + EXPIRY_GRACE_MS - Date.now());
  }

  function startSession(next: SessionInfo): void {
    epoch += 1;
    challenge.value = null;
    signedOutCause.value = null;
    loadError.value = null;
    signOutError.value = null;
    keep(next);
  }

  function endSession(cause: SignedOutCause): void {
    epoch += 1;
    clearTimer();
    lastEmail.value = session.value?.account.email ?? lastEmail.value;
    session.value = null;
    signedOutCause.value = cause;
  }

  /**
   * Reads the session once at start-up; later calls wait for the same answer. `reply` is that
   * read when it was already sent (src-renderer/startupReads.ts), so it is not sent twice.
   */
  function ensureLoaded(reply?: Promise<Result<OperationOutput<'getSession'>>>): Promise<void> {
    loading ??= (async () => {
      const started = epoch;
      const result = await (reply ?? request('getSession', {}));
      if (started === epoch) {
        if (result.ok) {
          if (result.value.session) keep(result.value.session);
          else challenge.value = result.value.challenge ?? null;
        } else if (result.error.code !== 'NOT_SIGNED_IN') {
          loadError.value = result.error;
        }
      }
      loaded.value = true;
    })();
    return loading;
  }

  /** Asks main whether the session is still alive (timer, focus, after activity). */
  function refresh(): Promise<void> {
    refreshing ??= (async () => {
      const started = epoch;
      const result = await request('getSession', {});
      if (started !== epoch) return;
      if (result.ok) {
        if (result.value.session) keep(result.value.session);
        else if (session.value) endSession(causeFrom(result.value.endedReason) ?? inferCause());
      } else if (session.value) {
        scheduleCheck(RETRY_CHECK_DELAY_MS);
      }
    })().finally(() => {
      refreshing = null;
    });
    return refreshing;
  }

  function isRateLimited(now = Date.now()): boolean {
    return retryAt.value !== null && now < retryAt.value;
  }

  async function signIn(input: { email: string; password: string }): Promise<boolean> {
    if (signInPending.value || isRateLimited()) return false;
    signInPending.value = true;
    signInError.value = null;
    signedOutCause.value = null;
    try {
      const result = await request('signIn', input);
      if (result.ok) {
        retryAt.value = null;
        if (result.value.challenge) {
          challenge.value = result.value.challenge;
          return false;
        }
        startSession(result.value.session);
        return true;
      }
      signInError.value = result.error;
      // RATE_LIMITED and SECOND_FACTOR_LOCKED always say when to retry; a wrong password does when it starts the backoff.
      retryAt.value = result.error.retryAt ?? null;
      return false;
    } finally {
      signInPending.value = false;
    }
  }

  /** Called when the rate-limit countdown reaches zero. */
  function clearRateLimit(): void {
    retryAt.value = null;
    if (signInError.value && STICKY_SIGN_IN_ERRORS.has(signInError.value.code)) signInError.value = null;
  }

  /** The second step succeeded: the session starts. */
  function completeSignIn(next: SessionInfo): void {
    retryAt.value = null;
    signInError.value = null;
    startSession(next);
  }

  /**
   * The second step is over without a session (cancelled, expired, locked). `error`, if
   * given, is shown on the sign-in screen; its retryAt holds sign-in back until then.
   */
  function endChallenge(error: ApiError | null = null): void {
    if (!challenge.value) return;
    lastEmail.value = challenge.value.email;
    challenge.value = null;
    signInError.value = error;
    if (error?.retryAt !== undefined) retryAt.value = error.retryAt;
    keepSignInErrorOnce = error !== null;
  }

  async function createAccount(input: { name: string; email: string; password: string }): Promise<boolean> {
    if (createPending.value) return false;
    createPending.value = true;
    createError.value = null;
    try {
      const result = await request('createAccount', input);
      if (result.ok) {
        useAccountsStore().remember(result.value.session.account);
        startSession(result.value.session);
        return true;
      }
      createError.value = result.error;
      return false;
    } finally {
      createPending.value = false;
    }
  }

  async function signOut(): Promise<boolean> {
    if (signOutPending.value) return false;
    signOutPending.value = true;
    signOutError.value = null;
    try {
      const result = await request('signOut', {});
      if (result.ok) {
        endSession('user');
        return true;
      }
      // NOT_SIGNED_IN has already ended the session in request().
      if (result.error.code !== 'NOT_SIGNED_IN') signOutError.value = result.error;
      return result.error.code === 'NOT_SIGNED_IN';
    } finally {
      signOutPending.value = false;
    }
  }

  /** The account was deleted (main has signed it out): nothing of it is offered again. */
  function accountDeleted(): void {
    endSession('account_deleted');
    lastEmail.value = null;
  }

  /** After a rename: the account menu and every view show the new name at once. */
  function updateAccount(next: AccountSummary): void {
    if (session.value?.account.id === next.id) session.value = { ...session.value, account: next };
    useAccountsStore().remember(next);
  }

  /** Clears form errors when a sign-in or create-account screen is opened afresh. */
  function clearFormErrors(): void {
    const keep = keepSignInErrorOnce || (signInError.value !== null && STICKY_SIGN_IN_ERRORS.has(signInError.value.code));
    keepSignInErrorOnce = false;
    if (!keep) signInError.value = null;
    createError.value = null;
  }

  function clearSignedOutMessage(): void {
    signedOutCause.value = null;
  }

  return {
    session,
    loaded,
    signedOutCause,
    lastEmail,
    loadError,
    challenge,
    signInPending,
    signInError,
    retryAt,
    createPending,
    createError,
    signOutPending,
    signOutError,
    account,
    isSignedIn,
    signedOutMessage,
    request,
    ensureLoaded,
    refresh,
    isRateLimited,
    signIn,
    clearRateLimit,
    completeSignIn,
    endChallenge,
    createAccount,
    signOut,
    accountDeleted,
    updateAccount,
    clearFormErrors,
    clearSignedOutMessage,
  };
});
