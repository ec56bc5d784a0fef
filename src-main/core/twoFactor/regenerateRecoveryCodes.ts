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
    try {
      deps.transaction(() => {
        deps.twoFactor.replaceRecoverySet(account.id, set.header);
        deps.recoveryCodes.replaceAll(account.id, set.hashes);
        deps.events.record(account.id, 'recovery_codes_regenerated', deps.clock.now());
      });
    } catch (error) {
      // The old set is still the current one (e.g. the database was busy): drop the unused new entry now.
      await deleteUnusedSet(deps, account.id, set.header.setId);
      throw error;
    }
    try {
      await deps.secrets.deleteRecovery(account.id, old.recoverySetId);
    } catch {
      deps.logger.warn('the previous recovery codes could not be removed from the keychain yet; they will be at the next start');
    }
    return { recoveryCodes: toRecoveryCodeSet(set.codes, new Set(), set.header.generatedAt) };
  });
}

/** Best effort: if this fails too, start-up reconciliation removes the entry the database does not name. */
async function deleteUnusedSet({ secrets, logger }: Pick<Deps, 'secrets' | 'logger'>, accountId: string, setId: string): Promise<void> {
  try {
    await secrets.deleteRecovery(accountId, setId);
  } catch {
    logger.warn('regeneration failed and its keychain entry could not be removed yet; it will be at the next start');
  }
}
