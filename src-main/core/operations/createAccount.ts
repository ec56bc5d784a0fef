import type { OperationOutput, ValidatedInput } from '../../../src-shared/contract';
import { emailTaken, weakPassword } from '../appError';
import type { CoreDependencies } from '../coreDependencies';
import { isUniqueViolation } from '../db/sqliteErrors';
import { openSession, recordSignIn } from '../session/openSession';

/**
 * Creates a local account and signs it in; its password must pass screening (passwordScreen).
 * Failed sign-ins recorded for its email while it had no account are dropped: they were someone
 * else's typos, and the new account starts with a clean slate instead of a wait it never earned.
 */
export async function createAccount(
  deps: Pick<
    CoreDependencies,
    'accounts' | 'events' | 'sessions' | 'hasher' | 'passwordScreen' | 'clock' | 'transaction' | 'newId' | 'challenges' | 'unknownEmails'
  >,
  { name, email, password }: ValidatedInput<'createAccount'>,
): Promise<OperationOutput<'createAccount'>> {
  const { accounts, events, hasher, clock, transaction, newId } = deps;
  if (accounts.findByEmail(email)) throw emailTaken();
  const problem = await deps.passwordScreen.screen(password, { name, email });
  if (problem) throw weakPassword('password', problem);
  const passwordHash = await hasher.hash(password);

  const id = newId();
  try {
    transaction(() => {
      const now = clock.now();
      accounts.insert({ id, name, email, passwordHash, createdAt: now });
      deps.unknownEmails.forget(deps.unknownEmails.tagOf(email));
      events.record(id, 'account_created', now);
      recordSignIn(deps, id);
    });
  } catch (error) {
    // Another request may have taken the email while we were hashing.
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  }

  return { session: openSession(deps, accounts.findById(id)!) };
}
