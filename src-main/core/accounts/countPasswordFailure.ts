import type { CoreDependencies } from '../coreDependencies';
import type { AccountRecord } from '../db/accountsRepository';
import { isStreakForgotten } from '../security/signInThrottle';

/**
 * Counts one wrong password for `account` at `now`. A streak that has gone quiet for
 * STREAK_FORGOTTEN_AFTER_MS starts again at one, exactly as for an email with no account (whose
 * forgotten streaks are pruned). Outside a transaction, losing the second write is harmless: the
 * streak was forgotten anyway.
 */
export function countPasswordFailure({ accounts }: Pick<CoreDependencies, 'accounts'>, account: AccountRecord, now: number): void {
  if (isStreakForgotten(account.lastFailedSignInAt, now)) accounts.clearFailedSignIns(account.id);
  accounts.recordFailedSignIn(account.id, now);
}
