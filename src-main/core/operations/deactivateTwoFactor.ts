import type { OperationOutput, ValidatedInput } from '../../../src-shared/contract';
import type { CoreDependencies } from '../coreDependencies';
import type { SignedIn } from '../session/requireSignedIn';
import { requireTwoFactorActive } from '../twoFactor/requireTwoFactorActive';

type Deps = Pick<CoreDependencies, 'events' | 'clock' | 'twoFactor' | 'secrets' | 'transaction' | 'withTwoFactorLock' | 'cleanup'>;

/**
 * "Deactivate", after the password pop-up (always asked; checked by the access gate, after
 * requireTwoFactorActive). The keychain is checked first so the
 * normal path leaves nothing behind; then (a) one transaction deletes the row, the code hashes
 * (cascade) and logs it — from here sign-in asks for no code — and (b) the keychain entries go
 * (bounded: a keychain that does not answer is not waited for). If (b) fails, start-up
 * reconciliation removes them (no two_factor row any more).
 */
export async function deactivateTwoFactor(
  deps: Deps,
  { account }: SignedIn,
  _input: ValidatedInput<'deactivateTwoFactor'>,
): Promise<OperationOutput<'deactivateTwoFactor'>> {
  await deps.withTwoFactorLock(account.id, async () => {
    const record = requireTwoFactorActive(deps, account.id);
    await deps.secrets.assertReachable();
    deps.transaction(() => {
      deps.twoFactor.delete(account.id);
      deps.events.record(account.id, 'two_factor_deactivated', deps.clock.now());
    });
    await deps.cleanup.run('the secrets of a deactivated second factor', async () => {
      await deps.secrets.deleteTotp(account.id);
      await deps.secrets.deleteRecovery(account.id, record.recoverySetId);
    });
  });
  return {};
}
