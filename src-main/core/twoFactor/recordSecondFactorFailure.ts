import { SECOND_FACTOR_LOCK_MS, SECOND_FACTOR_MAX_FAILURES } from '../../../src-shared/twoFactorRules';
import type { SecurityEventKind } from '../../../src-shared/models';
import type { CoreDependencies } from '../coreDependencies';

export type SecondFactorRejection = Extract<SecurityEventKind, 'two_factor_code_rejected' | 'recovery_code_rejected'>;

export type SecondFactorFailure =
  { readonly locked: false; readonly failures: number } | { readonly locked: true; readonly lockedUntil: number };

/**
 * Counts one wrong code for `accountId` in SQLite (a restart does not reset it) and logs `event`;
 * the SECOND_FACTOR_MAX_FAILURES-th in a row locks the second factor for SECOND_FACTOR_LOCK_MS.
 * `spentSteps`, the time steps the code matched, are spent in the same commit, so a refused code
 * is never accepted later. Shared by the sign-in step and by signed-in checks (deleting the
 * account), so both feed one lock. Committed through `bookkeeping`: a session that ended while
 * the code was checked does not buy a free guess.
 */
export function recordSecondFactorFailure(
  { twoFactor, events, clock, bookkeeping }: Pick<CoreDependencies, 'twoFactor' | 'events' | 'clock' | 'bookkeeping'>,
  accountId: string,
  event: SecondFactorRejection,
  spentSteps: readonly number[] = [],
): SecondFactorFailure {
  const now = clock.now();
  return bookkeeping(() => {
    twoFactor.spendSteps(accountId, spentSteps);
    const failures = twoFactor.recordFailure(accountId);
    events.record(accountId, event, now);
    if (failures < SECOND_FACTOR_MAX_FAILURES) return { locked: false as const, failures };
    twoFactor.lock(accountId, now + SECOND_FACTOR_LOCK_MS);
    events.record(accountId, 'second_factor_locked', now);
    return { locked: true as const, lockedUntil: now + SECOND_FACTOR_LOCK_MS };
  });
}
