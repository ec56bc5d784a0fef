import { rateLimited, wrongPassword } from '../appError';
import type { CoreDependencies } from '../coreDependencies';
import type { AccountRecord } from '../db/accountsRepository';
import { countPasswordFailure } from './countPasswordFailure';
import { nextPasswordAttemptAt } from './readThrottle';

type Deps = Pick<CoreDependencies, 'accounts' | 'events' | 'hasher' | 'clock' | 'bookkeeping'>;

/**
 * Checks a signed-in person's password (Change password, confirming for two-factor changes).
 * Call it inside withAccountLock. A wrong password counts towards the same backoff as failed
 * sign-ins and the same hourly cap (it is logged as password_check_failed), so an unlocked,
 * unattended session cannot be used to guess it; while the backoff runs the answer is
 * RATE_LIMITED. Resolves to the fresh account record.
 */
export async function checkPassword(deps: Deps, signedIn: AccountRecord, password: string, field: string): Promise<AccountRecord> {
  const account = deps.accounts.findById(signedIn.id) ?? signedIn;
  const retryAt = nextPasswordAttemptAt(deps, account);
  if (retryAt !== null) throw rateLimited(retryAt);
  if (!(await deps.hasher.verify(password, account.passwordHash))) {
    // Counted even if the session ended meanwhile: ending it must not buy a free guess.
    deps.bookkeeping(() => {
      const now = deps.clock.now();
      countPasswordFailure(deps, account, now);
      deps.events.record(account.id, 'password_check_failed', now);
    });
    throw wrongPassword(field);
  }
  return account;
}
