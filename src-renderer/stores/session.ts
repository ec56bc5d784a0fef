import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { actsInSession } from '../../src-shared/access';
import type { OperationInput, OperationOutput } from '../../src-shared/contract';
import type { ApiError } from '../../src-shared/errors';
import { SESSION_IDLE_TIMEOUT_MS, type AccountSummary, type SessionInfo, type SignOutReason } from '../../src-shared/models';
import type { OperationName } from '../../src-shared/operations';
import type { Result } from '../../src-shared/result';
import { callGatehouse } from '../api/gatehouseApi';
import { done, stillBusy } from './actionResults';

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

/**
 * The signed-in session: whether there is one, until when, and why it ended. Every store calls
 * main through `request`, which keeps this in step with main's answers. Signing in (stores/signIn)
 * and creating an account (stores/accounts) start a session here.
 */
export const useSessionStore = defineStore('session', () => {
  const session = ref<SessionInfo | null>(null);
  /** True once the first getSession has answered. */
  const loaded = ref(false);
  /** Why the last session ended; null while signed in or when nobody signed out. */
  const signedOutCause = ref<SignedOutCause | null>(null);
  /** The email of the account that was signed in (or signing in) last, to offer it again on the sign-in screen. */
  const lastEmail = ref<string | null>(null);
  /** A failure while reading the session at start-up (shown on the sign-in screen). */
  const loadError = ref<ApiError | null>(null);

  const signOutPending = ref(false);
  const signOutError = ref<ApiError | null>(null);

  const account = computed(() => session.value?.account ?? null);
  const isSignedIn = computed(() => session.value !== null);
  const signedOutMessage = computed(() => (signedOutCause.value ? SIGNED_OUT_MESSAGES[signedOutCause.value] : null));

  /** Bumped whenever the session is replaced or ended, so late replies about the old one are ignored. */
  let epoch = 0;
  let expiryTimer: ReturnType<typeof setTimeout> | undefined;
  let loading: Promise<OperationOutput<'getSession'> | null> | null = null;
  let refreshing: Promise<void> | null = null;

  /**
   * Every store calls main through here: NOT_SIGNED_IN from any operation ends the local session,
   * and a successful call that acts within the session (src-shared/access.ts) moves its expiry to
   * the one the reply carries.
   */
  async function request<K extends OperationName>(operation: K, input: OperationInput<K>): Promise<Result<OperationOutput<K>>> {
    const started = epoch;
    const result = await callGatehouse(operation, input);
    if (!result.ok) {
      if (result.error.code === 'NOT_SIGNED_IN' && session.value) {
        endSession(inferCause());
        void learnWhySessionEnded();
      }
    } else if (actsInSession(operation) && result.sessionExpiresAt !== undefined && started === epoch) {
      moveExpiry(result.sessionExpiresAt);
    }
    return result;
  }

  /** Replies to calls that overlapped may arrive in any order: the latest expiry is the one main holds. */
  function moveExpiry(expiresAt: number): void {
    const current = session.value;
    if (current && expiresAt > current.expiresAt) keep({ ...current, expiresAt });
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

  /** A session main has just started (signed in, or a new account). */
  function start(next: SessionInfo): void {
    epoch += 1;
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
   * Resolves to main's answer (which may hold a pending second sign-in step, for stores/signIn),
   * or null when it failed or a session started or ended meanwhile.
   */
  function ensureLoaded(reply?: Promise<Result<OperationOutput<'getSession'>>>): Promise<OperationOutput<'getSession'> | null> {
    loading ??= (async () => {
      const started = epoch;
      const result = await (reply ?? request('getSession', {}));
      const current = started === epoch;
      if (current && result.ok && result.value.session) keep(result.value.session);
      if (current && !result.ok && result.error.code !== 'NOT_SIGNED_IN') loadError.value = result.error;
      loaded.value = true;
      return current && result.ok ? result.value : null;
    })();
    return loading;
  }

  /** Asks main whether the session is still alive (timer, focus). */
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

  /** Ends the session; a session main had already ended (NOT_SIGNED_IN) counts as signed out too. */
  async function signOut(): Promise<Result<void>> {
    if (signOutPending.value) return stillBusy();
    signOutPending.value = true;
    signOutError.value = null;
    try {
      const result = await request('signOut', {});
      if (result.ok) {
        endSession('user');
        return done;
      }
      // NOT_SIGNED_IN has already ended the session in request().
      if (result.error.code === 'NOT_SIGNED_IN') return done;
      signOutError.value = result.error;
      return result;
    } finally {
      signOutPending.value = false;
    }
  }

  /** The account was deleted (main has signed it out): nothing of it is offered again. */
  function accountDeleted(): void {
    endSession('account_deleted');
    lastEmail.value = null;
  }

  /** After a rename or a new email: the account menu and every view show it at once. */
  function updateAccount(next: AccountSummary): void {
    if (session.value?.account.id === next.id) session.value = { ...session.value, account: next };
  }

  /** A sign-in that ended before the session started: offer its email again. */
  function rememberEmail(email: string): void {
    lastEmail.value = email;
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
    signOutPending,
    signOutError,
    account,
    isSignedIn,
    signedOutMessage,
    request,
    ensureLoaded,
    refresh,
    start,
    signOut,
    accountDeleted,
    updateAccount,
    rememberEmail,
    clearSignedOutMessage,
  };
});
