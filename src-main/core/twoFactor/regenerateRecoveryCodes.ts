import type { OperationOutput, ValidatedInput } from '../../../src-shared/contract';
import { requireSignedIn } from '../accounts/sessionInfo';
import type { CoreDependencies } from '../coreDependencies';
import { requirePasswordConfirmation, type SudoDeps } from './confirmPassword';
import { requireActive } from './currentRecoveryCodes';
import { newRecoverySet, toRecoveryCodeSet } from './newRecoverySet';

type Deps = SudoDeps &
  Pick<CoreDependencies, 'twoFactor' | 'recoveryCodes' | 'secrets' | 'recoveryKdf' | 'newId' | 'transaction' | 'withTwoFactorLock' | 'logger'>;

/**
 * "Regenerate Codes": a new set; the old one stops working at the commit. Crash-safe order:
 * (a) keychain entry for the new set, (b) one transaction swapping hashes, salt and set id,
 * (c) delete the old entry. Reconciliation deletes whichever entry the database does not name.
 */
export async function regenerateRecoveryCodes(
  deps: Deps,
  { password }: ValidatedInput<'regenerateRecoveryCodes'>,
): Promise<OperationOutput<'regenerateRecoveryCodes'>> {
  requireActive(deps, requireSignedIn(deps).account.id);
  const { account } = await requirePasswordConfirmation(deps, password);

  return deps.withTwoFactorLock(account.id, async () => {
    const old = requireActive(deps, account.id);
    const set = await newRecoverySet(deps);
    await deps.secrets.writeRecovery(account.id, set.header.setId, set.codes);
    deps.transaction(() => {
      deps.twoFactor.replaceRecoverySet(account.id, set.header);
      deps.recoveryCodes.replaceAll(account.id, set.hashes);
      deps.events.record(account.id, 'recovery_codes_regenerated', deps.clock.now());
    });
    try {
      await deps.secrets.deleteRecovery(account.id, old.recoverySetId);
    } catch {
      deps.logger.warn('the previous recovery codes could not be removed from the keychain yet; they will be at the next start');
    }
    return { recoveryCodes: toRecoveryCodeSet(set.codes, new Set(), set.header.generatedAt) };
  });
}
