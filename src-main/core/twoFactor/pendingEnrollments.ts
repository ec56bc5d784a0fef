import { ENROLLMENT_TTL_MS, TIME_LIMIT_MAX_EXTENSIONS } from '../../../src-shared/twoFactorRules';
import type { Clock } from '../clock';
import type { KeychainCleanup } from '../secrets/keychainCleanup';
import type { ActiveSession } from '../session/sessionManager';
import type { TwoFactorSecrets } from './twoFactorSecrets';

export interface PendingEnrollment {
  readonly accountId: string;
  readonly sessionId: number;
  /** Moved on by "More time" (extend). */
  readonly expiresAt: number;
  /** Time steps codes entered during this enrollment matched: none of them activates it later. */
  readonly spentSteps: Set<number>;
  /** Times "More time" extended this enrollment. */
  readonly extensions: number;
}

export type PendingEnrollments = ReturnType<typeof createPendingEnrollments>;

/**
 * The enrollment in progress (QR shown, no valid code yet). Its secret is in the keychain entry
 * totp-pending; this remembers whose it is and until when. It is discarded on cancel, when the
 * session ends, and after ENROLLMENT_TTL_MS: lazily on the next use, and by an unref'd timer so an
 * abandoned secret does not wait for the next click. Reconciliation removes any left by a crash or
 * by a keychain that did not answer the deletion.
 */
export function createPendingEnrollments(clock: Clock, secrets: TwoFactorSecrets, cleanup: KeychainCleanup) {
  let pending: { -readonly [K in keyof PendingEnrollment]: PendingEnrollment[K] } | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function armTimer(): void {
    clearTimeout(timer);
    timer = setTimeout(() => void discardIfExpired(), ENROLLMENT_TTL_MS + 1000);
    timer.unref?.();
  }

  /** Forgotten at once; the keychain deletion follows, bounded (see cleanUpKeychain). */
  async function discard(): Promise<void> {
    const dropped = pending;
    pending = null;
    clearTimeout(timer);
    if (!dropped) return;
    await cleanup.run('a discarded pending two-factor secret', () => secrets.deletePending(dropped.accountId));
  }

  return {
    start(session: ActiveSession): PendingEnrollment {
      pending = {
        accountId: session.accountId,
        sessionId: session.id,
        expiresAt: clock.now() + ENROLLMENT_TTL_MS,
        spentSteps: new Set(),
        extensions: 0,
      };
      armTimer();
      return pending;
    },
    /**
     * "More time": a full period from now, if `enrollment` is still the current, unexpired one and
     * has extensions left. False otherwise (nothing changes).
     */
    extend(enrollment: PendingEnrollment): boolean {
      if (!pending || pending !== enrollment || clock.now() >= pending.expiresAt) return false;
      if (pending.extensions >= TIME_LIMIT_MAX_EXTENSIONS) return false;
      pending.extensions += 1;
      pending.expiresAt = clock.now() + ENROLLMENT_TTL_MS;
      armTimer();
      return true;
    },
    /** The unexpired enrollment of `session`, or null. */
    forSession(session: ActiveSession): PendingEnrollment | null {
      if (!pending || pending.sessionId !== session.id || clock.now() >= pending.expiresAt) return null;
      return pending;
    },
    /** Whether `enrollment` is still the one in progress and unexpired (re-checked after waiting for a lock). */
    isCurrent(enrollment: PendingEnrollment): boolean {
      return pending === enrollment && clock.now() < enrollment.expiresAt;
    },
    /** Whether an unexpired enrollment uses the pending entry of `accountId` (reconciliation must leave it). */
    isPendingFor(accountId: string): boolean {
      return pending !== null && pending.accountId === accountId && clock.now() < pending.expiresAt;
    },
    /** Forgets the enrollment (only `which`, if given) and deletes its pending secret. */
    async discard(which?: PendingEnrollment): Promise<void> {
      if (which && pending !== which) return;
      await discard();
    },
    discardIfExpired,
  };

  async function discardIfExpired(): Promise<void> {
    if (pending && clock.now() >= pending.expiresAt) await discard();
  }
}
