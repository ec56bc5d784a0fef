import type { OperationOutput, ValidatedInput } from '../../../src-shared/contract';
import { rateLimited, wrongPassword } from '../appError';
import type { CoreDependencies } from '../coreDependencies';
import { nextPasswordAttemptAt } from './readThrottle';
import { requireSignedIn } from './sessionInfo';

type Deps = Pick<CoreDependencies, 'accounts' | 'events' | 'sessions' | 'hasher' | 'clock' | 'withAccountLock' | 'transaction'>;

/**
 * Changes the signed-in account's password after checking the current one.
 * Wrong current passwords count towards the same backoff as failed sign-ins,
 * so an unlocked, unattended session cannot be used to guess the password.
 */
export async function changePassword(
  deps: Deps,
  { currentPassword, newPassword }: ValidatedInput<'changePassword'>,
): Promise<OperationOutput<'changePassword'>> {
  const { accounts, events, hasher, clock, withAccountLock, transaction } = deps;
  const { account: signedIn } = requireSignedIn(deps);

  return withAccountLock(signedIn.id, async () => {
    const account = accounts.findById(signedIn.id) ?? signedIn;
    const retryAt = nextPasswordAttemptAt(deps, account);
    if (retryAt !== null) throw rateLimited(retryAt);

    if (!(await hasher.verify(currentPassword, account.passwordHash))) {
      accounts.recordFailedSignIn(account.id, clock.now());
      throw wrongPassword('currentPassword');
    }
    const passwordHash = await hasher.hash(newPassword);
    transaction(() => {
      accounts.setPasswordHash(account.id, passwordHash);
      accounts.clearFailedSignIns(account.id);
      events.record(account.id, 'password_changed', clock.now());
    });
    return {};
  });
}
