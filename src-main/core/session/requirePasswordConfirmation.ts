import { passwordConfirmationRequired } from '../appError';
import { checkPassword } from '../accounts/checkPassword';
import type { CoreDependencies } from '../coreDependencies';
import type { SignedIn } from './requireSignedIn';

export type SudoDeps = Pick<
  CoreDependencies,
  'accounts' | 'events' | 'hasher' | 'clock' | 'withAccountLock' | 'confirmations' | 'transaction' | 'bookkeeping'
>;

/**
 * A password confirmation ("sudo mode") for the signed-in session. With `password` it is checked
 * (wrong → WRONG_PASSWORD on the field "password", counted like a failed sign-in) and starts a
 * fresh 15-minute window; without it, a confirmation from the last 15 minutes must exist, or
 * PASSWORD_CONFIRMATION_REQUIRED. The access gate applies it to every `freshPassword` operation.
 */
export async function requirePasswordConfirmation(
  deps: SudoDeps,
  { account, session }: SignedIn,
  password: string | undefined,
): Promise<void> {
  if (password === undefined) {
    if (deps.confirmations.confirmedUntil(session) === null) throw passwordConfirmationRequired();
    return;
  }
  await deps.withAccountLock(account.id, async () => {
    const checked = await checkPassword(deps, account, password, 'password');
    deps.accounts.clearFailedSignIns(checked.id);
  });
  deps.confirmations.confirm(session);
}
