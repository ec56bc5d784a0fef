import type { OperationOutput, ValidatedInput } from '../../../src-shared/contract';
import { invalidCredentials, rateLimited } from '../appError';
import type { CoreDependencies } from '../coreDependencies';
import { nextPasswordAttemptAt } from './readThrottle';
import { toSessionInfo } from './sessionInfo';

type Deps = Pick<CoreDependencies, 'accounts' | 'events' | 'sessions' | 'hasher' | 'clock' | 'withAccountLock' | 'transaction'>;

/**
 * Email and password sign-in. An unknown email and a wrong password give the
 * same error and cost the same hash; failures are counted in SQLite and
 * throttled (see signInThrottle); a hash with outdated parameters is upgraded.
 */
export async function signIn(deps: Deps, { email, password }: ValidatedInput<'signIn'>): Promise<OperationOutput<'signIn'>> {
  const { accounts, events, sessions, hasher, clock, withAccountLock, transaction } = deps;
  const candidate = accounts.findByEmail(email);
  if (!candidate) {
    await hasher.verifyNothing(password);
    throw invalidCredentials();
  }

  return withAccountLock(candidate.id, async () => {
    // Re-read inside the lock: an attempt queued behind us must see our failure.
    const account = accounts.findById(candidate.id);
    if (!account) {
      await hasher.verifyNothing(password);
      throw invalidCredentials();
    }
    const retryAt = nextPasswordAttemptAt(deps, account);
    if (retryAt !== null) throw rateLimited(retryAt);

    if (!(await hasher.verify(password, account.passwordHash))) {
      transaction(() => {
        const now = clock.now();
        accounts.recordFailedSignIn(account.id, now);
        events.record(account.id, 'sign_in_failed', now);
      });
      const failed = accounts.findById(account.id);
      throw invalidCredentials(failed && nextPasswordAttemptAt(deps, failed));
    }

    const upgradedHash = hasher.needsRehash(account.passwordHash) ? await hasher.hash(password) : null;
    transaction(() => {
      accounts.clearFailedSignIns(account.id);
      if (upgradedHash) accounts.setPasswordHash(account.id, upgradedHash);
    });
    const session = sessions.start(account.id);
    events.record(account.id, 'signed_in', clock.now());
    return { session: toSessionInfo(account, session) };
  });
}
