import type { OperationOutput, ValidatedInput } from '../../../src-shared/contract';
import { weakPassword } from '../appError';
import type { CoreDependencies } from '../coreDependencies';
import { checkPassword } from '../accounts/checkPassword';
import type { SignedIn } from '../session/requireSignedIn';

type Deps = Pick<
  CoreDependencies,
  'accounts' | 'events' | 'hasher' | 'passwordScreen' | 'clock' | 'withAccountLock' | 'transaction' | 'bookkeeping'
>;

/**
 * Changes the signed-in account's password after checking the current one.
 * Wrong current passwords count towards the same backoff as failed sign-ins,
 * so an unlocked, unattended session cannot be used to guess the password.
 * The new password is screened first (passwordScreen): a refusal costs no password check.
 */
export async function changePassword(
  deps: Deps,
  { account: signedIn }: SignedIn,
  { currentPassword, newPassword }: ValidatedInput<'changePassword'>,
): Promise<OperationOutput<'changePassword'>> {
  const { accounts, events, hasher, clock, withAccountLock, transaction } = deps;
  const problem = await deps.passwordScreen.screen(newPassword, { name: signedIn.name, email: signedIn.email });
  if (problem) throw weakPassword('newPassword', problem);

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
