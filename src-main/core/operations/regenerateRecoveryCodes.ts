import type { OperationOutput, ValidatedInput } from '../../../src-shared/contract';
import type { CoreDependencies } from '../coreDependencies';
import type { SignedIn } from '../session/requireSignedIn';
import { requireTwoFactorActive } from '../twoFactor/requireTwoFactorActive';
import { newRecoverySet, toRecoveryCodeSet } from '../twoFactor/newRecoverySet';

type Deps = Pick<
  CoreDependencies,
  'events' | 'clock' | 'twoFactor' | 'recoveryCodes' | 'secrets' | 'recoveryKdf' | 'newId' | 'transaction' | 'withTwoFactorLock' | 'cleanup'
>;

/**
 * "Regenerate Codes" (after a password confirmed in the last 15 minutes, which the access gate
 * checks): a new set; the old one stops working at the commit. Crash-safe order:
 * (a) keychain entry for the new set, (b) one transaction swapping hashes, salt and set id,
 * (c) delete the old entry. If (b) fails (e.g. a busy database) or the session ended, runInSession
 * deletes the new entry at once; after a crash, reconciliation deletes the entry the database
 * does not name.
 */
export async function regenerateRecoveryCodes(
  deps: Deps,
  { account }: SignedIn,
  _input: ValidatedInput<'regenerateRecoveryCodes'>,
): Promise<OperationOutput<'regenerateRecoveryCodes'>> {
  return deps.withTwoFactorLock(account.id, async () => {
    const old = requireTwoFactorActive(deps, account.id);
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
