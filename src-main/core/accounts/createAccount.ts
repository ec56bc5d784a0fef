import type { OperationOutput, ValidatedInput } from '../../../src-shared/contract';
import { emailTaken } from '../appError';
import type { CoreDependencies } from '../coreDependencies';
import { isUniqueViolation } from '../db/sqliteErrors';
import { openSession, recordSignIn } from './startSession';

/** Creates a local account and signs it in. */
export async function createAccount(
  deps: Pick<CoreDependencies, 'accounts' | 'events' | 'sessions' | 'hasher' | 'clock' | 'transaction' | 'newId' | 'challenges'>,
  { name, email, password }: ValidatedInput<'createAccount'>,
): Promise<OperationOutput<'createAccount'>> {
  const { accounts, events, hasher, clock, transaction, newId } = deps;
  if (accounts.findByEmail(email)) throw emailTaken();
  const passwordHash = await hasher.hash(password);

  const id = newId();
  try {
    transaction(() => {
      const now = clock.now();
      accounts.insert({ id, name, email, passwordHash, createdAt: now });
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
