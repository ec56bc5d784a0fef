import type { OperationOutput, ValidatedInput } from '../../../src-shared/contract';
import type { CoreDependencies } from '../coreDependencies';
import { checkPassword } from './checkPassword';
import { requireSignedIn } from './sessionInfo';

type Deps = Pick<CoreDependencies, 'accounts' | 'events' | 'sessions' | 'hasher' | 'clock' | 'withAccountLock' | 'transaction' | 'bookkeeping'>;

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
    const account = await checkPassword(deps, signedIn, currentPassword, 'currentPassword');
    const passwordHash = await hasher.hash(newPassword);
    transaction(() => {
      accounts.setPasswordHash(account.id, passwordHash);
      accounts.clearFailedSignIns(account.id);
      events.record(account.id, 'password_changed', clock.now());
    });
    return {};
  });
}
