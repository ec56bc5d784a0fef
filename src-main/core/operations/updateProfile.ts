import type { OperationOutput, ValidatedInput } from '../../../src-shared/contract';
import type { CoreDependencies } from '../coreDependencies';
import type { SignedIn } from '../session/requireSignedIn';

/** Renames the signed-in account. */
export async function updateProfile(
  deps: Pick<CoreDependencies, 'accounts' | 'events' | 'clock' | 'transaction'>,
  { account }: SignedIn,
  { name }: ValidatedInput<'updateProfile'>,
): Promise<OperationOutput<'updateProfile'>> {
  if (name !== account.name) {
    deps.transaction(() => {
      deps.accounts.rename(account.id, name);
      deps.events.record(account.id, 'profile_updated', deps.clock.now());
    });
  }
  return { account: { id: account.id, name, email: account.email } };
}
