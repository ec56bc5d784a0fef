import type { CoreDependencies } from '../coreDependencies';
import { isTombstone, type AccountTombstone } from './twoFactorWitness';

type Deps = Pick<CoreDependencies, 'secrets' | 'accounts' | 'twoFactorStates' | 'transaction' | 'withWitnessLock' | 'logger'>;

/**
 * Brings one account's two-factor state in SQLite and its witness in the keychain into agreement;
 * the higher version wins.
 * - SQLite ahead (after every change, and after a crash or a keychain failure right after a commit):
 *   the witness is rewritten.
 * - The witness ahead: SQLite was rolled back, by a restored backup. It gets the witness's state, so
 *   a recovery code used, a set replaced, a TOTP step accepted or spent, a failure counted, a lock
 *   set or two-factor authentication turned on or off since the backup stays so.
 * - The account deleted (SQLite records it): the witness becomes its tombstone, if it is not yet one.
 * - A tombstone is never overwritten; it is returned, and reconcileSecrets deletes the account again
 *   if a restored backup brought it back.
 * - No such account in SQLite, and no deletion recorded (created after the backup): nothing here;
 *   reconciliation removes its entries. Throws SecretStoreUnavailableError when the keychain can't
 *   be reached.
 */
export async function syncWitness(deps: Deps, accountId: string): Promise<AccountTombstone | null> {
  return deps.withWitnessLock(accountId, async () => {
    const witness = await deps.secrets.readWitness(accountId);
    if (witness && isTombstone(witness)) return witness;
    // No await from here to the commit or the write: the state compared is the state acted on.
    const current = deps.twoFactorStates.read(accountId);
    if (current === null) {
      const deletedAt = deps.accounts.deletedAt(accountId);
      if (deletedAt === null) return null;
      await deps.secrets.writeTombstone(accountId, { deletedAt });
      return { deletedAt };
    }
    if (witness && witness.version > current.version) {
      deps.transaction(() => deps.twoFactorStates.replace(accountId, witness));
      deps.logger.info('two-factor state brought forward from the keychain: the database was older (restored from a backup?)');
      return null;
    }
    const witnessBehind = witness ? witness.version < current.version : current.version > 0 || current.state !== null;
    if (witnessBehind) await deps.secrets.writeWitness(accountId, current);
    return null;
  });
}
