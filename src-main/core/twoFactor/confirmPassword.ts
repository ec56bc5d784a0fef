import { passwordConfirmationRequired } from '../appError';
import { checkPassword } from '../accounts/checkPassword';
import { requireSignedIn } from '../accounts/sessionInfo';
import type { CoreDependencies } from '../coreDependencies';
import type { AccountRecord } from '../db/accountsRepository';
import type { ActiveSession } from '../session/sessionManager';

export type SudoDeps = Pick<
  CoreDependencies,
  'accounts' | 'events' | 'sessions' | 'hasher' | 'clock' | 'withAccountLock' | 'confirmations' | 'transaction' | 'bookkeeping'
>;

/**
 * The signed-in account after a password confirmation ("sudo mode"). With `password` it is
 * checked (wrong → WRONG_PASSWORD on the field "password", counted like a failed sign-in) and
 * starts a fresh 15-minute window; without it, a confirmation from the last 15 minutes must
 * exist, or PASSWORD_CONFIRMATION_REQUIRED.
 */
export async function requirePasswordConfirmation(
  deps: SudoDeps,
  password: string | undefined,
): Promise<{ account: AccountRecord; session: ActiveSession }> {
  const { account, session } = requireSignedIn(deps);
  if (password === undefined) {
    if (deps.confirmations.confirmedUntil(session) === null) throw passwordConfirmationRequired();
    return { account, session };
  }
  await deps.withAccountLock(account.id, async () => {
    const checked = await checkPassword(deps, account, password, 'password');
    deps.accounts.clearFailedSignIns(checked.id);
  });
  deps.confirmations.confirm(session);
  return { account, session };
}
