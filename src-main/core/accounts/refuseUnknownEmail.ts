import { invalidCredentials, rateLimited } from '../appError';
import type { CoreDependencies } from '../coreDependencies';
import { HOUR_MS, STREAK_FORGOTTEN_AFTER_MS } from '../security/signInThrottle';
import { nextUnknownEmailAttemptAt } from './readThrottle';

type Deps = Pick<CoreDependencies, 'unknownEmails' | 'hasher' | 'clock' | 'withAccountLock' | 'transaction'>;

/**
 * Sign-in with an email that has no account. It must be indistinguishable from a wrong password:
 * the same hash cost, the same error, and the same throttle — failures are counted per email in
 * SQLite under a keyed hash and fed to the same rule, so INVALID_CREDENTIALS carries the same
 * retryAt and RATE_LIMITED comes at the same moments, across restarts too. Always throws.
 */
export async function refuseUnknownEmail(deps: Deps, email: string, password: string): Promise<never> {
  const { unknownEmails, hasher, clock, withAccountLock, transaction } = deps;
  const tag = unknownEmails.tagOf(email);
  // One at a time per email, as for an account: a burst must meet the same backoff.
  // Account ids are UUIDs, so this key never collides with one.
  return withAccountLock(`unknown-email:${tag}`, async () => {
    const retryAt = nextUnknownEmailAttemptAt(deps, tag);
    if (retryAt !== null) throw rateLimited(retryAt);
    await hasher.verifyNothing(password);
    transaction(() => {
      const now = clock.now();
      // Prune first: a forgotten streak is deleted here, so this failure starts a new one at 1.
      pruneUnknownEmails(deps, now);
      unknownEmails.recordFailure(tag, now);
    });
    throw invalidCredentials(nextUnknownEmailAttemptAt(deps, tag));
  });
}

/**
 * Drops unknown-email records that no longer change any answer: forgotten streaks and failures
 * older than the hourly window. Every failed sign-in runs it, whichever kind, so the table stays
 * bounded by recent activity and both kinds of failure make the same writes.
 */
export function pruneUnknownEmails({ unknownEmails }: Pick<CoreDependencies, 'unknownEmails'>, now: number): void {
  unknownEmails.prune(now - STREAK_FORGOTTEN_AFTER_MS, now - HOUR_MS);
}
