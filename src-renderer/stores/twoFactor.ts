import { defineStore } from 'pinia';
import { ref, watch } from 'vue';
import type { OperationOutput } from '../../src-shared/contract';
import { MESSAGES, type ApiError } from '../../src-shared/errors';
import type { ClipboardItem, RecoveryCodeSet, TwoFactorEnrollment, TwoFactorStatus } from '../../src-shared/models';
import { fail, ok, type Result } from '../../src-shared/result';
import { done, stillBusy } from './actionResults';
import { useSecurityEventsStore } from './securityEvents';
import { useSessionStore } from './session';

/** Why the recovery codes are on screen; the view words its lead by it. */
export type RecoveryCodesReason = 'activated' | 'viewed' | 'regenerated';

/** What the store is waiting for, if anything (one two-factor request at a time). */
export type TwoFactorTask =
  'status' | 'begin' | 'confirm' | 'cancel' | 'extend' | 'codes' | 'regenerate' | 'deactivate' | 'copy' | 'download';

/**
 * Two-factor authentication of the signed-in account: its status, a pending
 * enrollment (QR code and secret key), the recovery codes being shown, and how
 * many are left after a sign-in with one. Actions resolve to a Result (stores/actionResults.ts).
 * The secret key and the codes are dropped as soon as their view closes, and
 * whenever the account changes.
 */
export const useTwoFactorStore = defineStore('twoFactor', () => {
  const session = useSessionStore();
  const securityEvents = useSecurityEventsStore();

  const status = ref<TwoFactorStatus | null>(null);
  const statusError = ref<ApiError | null>(null);
  const enrollment = ref<TwoFactorEnrollment | null>(null);
  const recoveryCodes = ref<RecoveryCodeSet | null>(null);
  const recoveryCodesReason = ref<RecoveryCodesReason | null>(null);
  const busy = ref<TwoFactorTask | null>(null);
  /** After a sign-in with a recovery code: unused codes left, for the Dashboard's notice; null when there is nothing to say. */
  const recoveryCodesRemaining = ref<number | null>(null);

  function reset(): void {
    status.value = null;
    statusError.value = null;
    enrollment.value = null;
    closeRecoveryCodes();
  }

  // Never show one account's two-factor state (let alone its codes) to another.
  watch(
    () => session.account?.id,
    () => reset(),
  );
  // The notice is about this session's sign-in: signing out forgets it.
  watch(
    () => session.isSignedIn,
    (signedIn) => {
      if (!signedIn) recoveryCodesRemaining.value = null;
    },
  );

  // Main keeps the window out of screen capture from the moment it sends a secret; it learns here
  // when the last one is off screen (closed, cancelled, expired, or reset). Confirming an
  // enrollment swaps the QR code for the codes in one step, so that is no change.
  watch(
    () => enrollment.value !== null || recoveryCodes.value !== null,
    (shown, wasShown) => {
      if (wasShown && !shown) void session.request('markSecretsHidden', {});
    },
  );

  /** Runs one request at a time; a second one while busy is refused (the buttons are disabled anyway). */
  async function run<T>(task: TwoFactorTask, work: () => Promise<Result<T>>): Promise<Result<T>> {
    if (busy.value) return stillBusy();
    busy.value = task;
    try {
      return await work();
    } finally {
      busy.value = null;
    }
  }

  function afterChange(): void {
    if (securityEvents.loaded) void securityEvents.load();
  }

  async function fetchStatus(): Promise<Result<void>> {
    const result = await session.request('getTwoFactorStatus', {});
    if (!result.ok) {
      statusError.value = result.error;
      return result;
    }
    status.value = result.value.status;
    statusError.value = null;
    return done;
  }

  function loadStatus(): Promise<Result<void>> {
    return run('status', fetchStatus);
  }

  /** True when See/Regenerate Recovery Codes will not ask for the password again. */
  function passwordIsFresh(now = Date.now()): boolean {
    const until = status.value?.passwordConfirmedUntil;
    return typeof until === 'number' && now < until;
  }

  function beginEnrollment(password: string): Promise<Result<void>> {
    return run('begin', async () => {
      const result = await session.request('beginTwoFactorEnrollment', { password });
      if (!result.ok) return result;
      enrollment.value = result.value.enrollment;
      return done;
    });
  }

  function confirmEnrollment(code: string): Promise<Result<void>> {
    return run('confirm', async () => {
      const result = await session.request('confirmTwoFactorEnrollment', { code });
      if (!result.ok) {
        if (result.error.code === 'ENROLLMENT_EXPIRED' || result.error.code === 'TWO_FACTOR_ALREADY_ACTIVE') {
          enrollment.value = null;
          void fetchStatus();
        }
        return result;
      }
      enrollment.value = null;
      showCodes(result.value.recoveryCodes, 'activated');
      await fetchStatus();
      afterChange();
      return done;
    });
  }

  /** Discards the pending secret here at once, and in main. */
  async function cancelEnrollment(): Promise<Result<void>> {
    if (!enrollment.value) return done;
    enrollment.value = null;
    return run('cancel', async () => {
      const result = await session.request('cancelTwoFactorEnrollment', {});
      return result.ok ? done : result;
    });
  }

  /** "More time": main moves the end a full period on (a capped number of times). */
  function extendEnrollment(): Promise<Result<void>> {
    return run('extend', async () => {
      const result = await session.request('extendTwoFactorEnrollment', {});
      if (!result.ok) {
        if (result.error.code === 'ENROLLMENT_EXPIRED') enrollment.value = null;
        return result;
      }
      if (enrollment.value) enrollment.value = { ...enrollment.value, ...result.value };
      return done;
    });
  }

  /** An enrollment that ran out of time (a timer on the screen): forget it here, main discards it too. */
  function expireEnrollment(): void {
    enrollment.value = null;
    void session.request('cancelTwoFactorEnrollment', {});
  }

  function showCodes(codes: RecoveryCodeSet, reason: RecoveryCodesReason): void {
    recoveryCodes.value = codes;
    recoveryCodesReason.value = reason;
    if (status.value?.active) status.value = { ...status.value, recoveryCodesRemaining: codes.remaining };
  }

  /** Shows the current set (See Recovery Codes) or a new one (Regenerate Codes: the old set stops working). */
  function fetchCodes(
    operation: 'getRecoveryCodes' | 'regenerateRecoveryCodes',
    reason: 'viewed' | 'regenerated',
    password: string | undefined,
  ): Promise<Result<void>> {
    return run(reason === 'viewed' ? 'codes' : 'regenerate', async () => {
      const result = await session.request(operation, password === undefined ? {} : { password });
      if (!result.ok) return result;
      showCodes(result.value.recoveryCodes, reason);
      await fetchStatus();
      afterChange();
      return done;
    });
  }

  /** See Recovery Codes. Without a password main may answer PASSWORD_CONFIRMATION_REQUIRED. */
  function viewRecoveryCodes(password?: string): Promise<Result<void>> {
    return fetchCodes('getRecoveryCodes', 'viewed', password);
  }

  /** Regenerate Codes. Without a password main may answer PASSWORD_CONFIRMATION_REQUIRED. */
  function regenerateRecoveryCodes(password?: string): Promise<Result<void>> {
    return fetchCodes('regenerateRecoveryCodes', 'regenerated', password);
  }

  /**
   * See Recovery Codes / Regenerate Codes from the section: without a password while the
   * last confirmation is fresh. Fails with PASSWORD_CONFIRMATION_REQUIRED when the password
   * pop-up must ask (stale here, without a round trip, or so said main), else like the action.
   */
  async function withRecentPassword(flow: 'codes' | 'regenerate'): Promise<Result<void>> {
    if (!passwordIsFresh()) return fail({ code: 'PASSWORD_CONFIRMATION_REQUIRED', message: MESSAGES.passwordConfirmationRequired });
    return flow === 'codes' ? viewRecoveryCodes() : regenerateRecoveryCodes();
  }

  function closeRecoveryCodes(): void {
    recoveryCodes.value = null;
    recoveryCodesReason.value = null;
  }

  function deactivate(password: string): Promise<Result<void>> {
    return run('deactivate', async () => {
      const result = await session.request('deactivateTwoFactor', { password });
      if (!result.ok) return result;
      closeRecoveryCodes();
      status.value = { active: false, passwordConfirmedUntil: status.value?.passwordConfirmedUntil ?? null };
      await fetchStatus();
      afterChange();
      return done;
    });
  }

  /** Main puts the text on the clipboard; the renderer only names what. */
  function copy(item: ClipboardItem): Promise<Result<void>> {
    return run('copy', async () => {
      const result = await session.request('copyToClipboard', { item });
      return result.ok ? done : result;
    });
  }

  /** Saves the current codes with the native save dialog. */
  function download(): Promise<Result<OperationOutput<'downloadRecoveryCodes'>>> {
    return run('download', async () => {
      const result = await session.request('downloadRecoveryCodes', {});
      return result.ok ? ok(result.value) : result;
    });
  }

  /** A sign-in with a recovery code reported how many are left (stores/signIn). */
  function noteRecoveryCodesLeft(remaining: number): void {
    recoveryCodesRemaining.value = remaining;
  }

  function dismissRecoveryNotice(): void {
    recoveryCodesRemaining.value = null;
  }

  return {
    status,
    statusError,
    enrollment,
    recoveryCodes,
    recoveryCodesReason,
    busy,
    recoveryCodesRemaining,
    loadStatus,
    passwordIsFresh,
    beginEnrollment,
    confirmEnrollment,
    cancelEnrollment,
    extendEnrollment,
    expireEnrollment,
    viewRecoveryCodes,
    regenerateRecoveryCodes,
    withRecentPassword,
    closeRecoveryCodes,
    deactivate,
    copy,
    download,
    noteRecoveryCodesLeft,
    dismissRecoveryNotice,
    reset,
  };
});
