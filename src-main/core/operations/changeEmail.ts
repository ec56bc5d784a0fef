import type { OperationOutput, ValidatedInput } from '../../../src-shared/contract';
import { MESSAGES } from '../../../src-shared/errors';
import { AppError, emailTaken } from '../appError';
import type { CoreDependencies } from '../coreDependencies';
import { emailKey } from '../db/accountsRepository';
import { isUniqueViolation } from '../db/sqliteErrors';
import { checkPassword } from '../accounts/checkPassword';
import type { SignedIn } from '../session/requireSignedIn';

type Deps = Pick<
  CoreDependencies,
  'accounts' | 'events' | 'hasher' | 'clock' | 'transaction' | 'bookkeeping' | 'withAccountLock' | 'twoFactor' | 'unknownEmails'
>;

/**
 * Changes the signed-in account's email after checking its password (a wrong one counts like a
 * failed sign-in). Emails stay unique regardless of case (the UNIQUE email_key decides, even against
 * a request racing this one); changing only the case of one's own email is allowed. Failed sign-ins
 * recorded for the new email while it had no account are dropped, as when an account is created.
 * The TOTP secret does not depend on the email, so two-factor authentication keeps working; only the
 * label in the authenticator app stays as it was, which the screen explains (`twoFactorActive`).
 */
export async function changeEmail(
  deps: Deps,
  { account: signedIn }: SignedIn,
  { email, password }: ValidatedInput<'changeEmail'>,
): Promise<OperationOutput<'changeEmail'>> {
  if (email === signedIn.email)
    throw new AppError({ code: 'INVALID_INPUT', message: MESSAGES.sameEmail, fields: { email: MESSAGES.sameEmail } });
  const owner = deps.accounts.findByEmail(email);
  if (owner && owner.id !== signedIn.id) throw emailTaken();

  return deps.withAccountLock(signedIn.id, async () => {
    const account = await checkPassword(deps, signedIn, password, 'password');
    try {
      deps.transaction(() => {
        if (account.failedSignIns > 0) deps.accounts.clearFailedSignIns(account.id);
        deps.accounts.changeEmail(account.id, email);
        if (emailKey(email) !== emailKey(account.email)) deps.unknownEmails.forget(deps.unknownEmails.tagOf(email));
        deps.events.record(account.id, 'email_changed', deps.clock.now());
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw emailTaken();
      throw error;
    }
    return { account: { id: account.id, name: account.name, email }, twoFactorActive: deps.twoFactor.find(account.id) !== null };
  });
}
