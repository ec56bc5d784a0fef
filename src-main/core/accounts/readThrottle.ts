import type { CoreDependencies } from '../coreDependencies';
import type { AccountRecord } from '../db/accountsRepository';
import { HOUR_MS, MAX_FAILURES_PER_HOUR, nextAttemptAllowedAt } from '../security/signInThrottle';

/** When the next password attempt for `account` is allowed (epoch ms), or null if now. */
export function nextPasswordAttemptAt(
  { events, clock }: Pick<CoreDependencies, 'events' | 'clock'>,
  account: AccountRecord,
): number | null {
  const now = clock.now();
  return nextAttemptAllowedAt(
    {
      consecutiveFailures: account.failedSignIns,
      lastFailureAt: account.lastFailedSignInAt,
      hourlyLimitReachedBy: events.nthMostRecentPasswordFailureSince(account.id, now - HOUR_MS, MAX_FAILURES_PER_HOUR),
    },
    now,
  );
}

/** The same for an email with no account, known only by its tag (see unknownEmailFailuresRepository). */
export function nextUnknownEmailAttemptAt(
  { unknownEmails, clock }: Pick<CoreDependencies, 'unknownEmails' | 'clock'>,
  tag: string,
): number | null {
  const now = clock.now();
  const streak = unknownEmails.findStreak(tag);
  return nextAttemptAllowedAt(
    {
      consecutiveFailures: streak?.failedSignIns ?? 0,
      lastFailureAt: streak?.lastFailedAt ?? null,
      hourlyLimitReachedBy: unknownEmails.nthMostRecentSince(tag, now - HOUR_MS, MAX_FAILURES_PER_HOUR),
    },
    now,
  );
}
