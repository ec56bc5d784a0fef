import type { OperationOutput, ValidatedInput } from '../../../src-shared/contract';
import { requireSignedIn } from '../accounts/sessionInfo';
import type { CoreDependencies } from '../coreDependencies';
import { requirePasswordConfirmation, type SudoDeps } from './confirmPassword';
import { requireActive } from './currentRecoveryCodes';
import { newRecoverySet, toRecoveryCodeSet } from './newRecoverySet';

type Deps = SudoDeps &
  Pick<CoreDependencies, 'twoFactor' | 'recoveryCodes' | 'secrets' | 'recoveryKdf' | 'newId' | 'transaction' | 'withTwoFactorLock' | 'cleanup'>;

/**
 * "Regenerate Codes": a new set; the old one stops working at the commit. Crash-safe order:
 * (a) keychain entry for the new set, (b) one transaction swapping hashes, salt and set id,
 * (c) delete the old entry. If (b) fails (e.g. a busy database) or the session ended, runInSession
 * deletes the new entry at once; after a crash, reconciliation deletes the entry the database
 * does not name.
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
    await deps.cleanup.run('the previous recovery codes', () => deps.secrets.deleteRecovery(account.id, old.recoverySetId));
    return { recoveryCodes: toRecoveryCodeSet(set.codes, new Set(), set.header.generatedAt) };
  });
}
