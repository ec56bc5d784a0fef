import type { CoreDependencies } from '../coreDependencies';
import { syncWitness } from './syncWitness';
import type { ParsedSecretKey } from './twoFactorSecrets';

type Deps = Pick<
  CoreDependencies,
  | 'secrets'
  | 'accounts'
  | 'twoFactor'
  | 'twoFactorStates'
  | 'enrollments'
  | 'withTwoFactorLock'
  | 'withWitnessLock'
  | 'transaction'
  | 'logger'
>;

/**
 * Runs at every start. For each account with keychain entries, a two-factor history or a recorded
 * deletion, under its two-factor lock (so an activation or regeneration that starts meanwhile is
 * never mistaken for debris): first SQLite and the keychain witness are brought into agreement
 * (syncWitness: after a restored backup the witness's newer state wins; a deleted account's witness
 * becomes its tombstone). An account whose witness is a tombstone was deleted: if a restored backup
 * brought it back, it is deleted again, before anyone can sign in (restoreCheck waits for this pass).
 * Then the entries SQLite does not name are removed — what a crash between a keychain write and the
 * commit left: pending secrets (enrollments never survive a restart), TOTP secrets without a
 * two_factor row, recovery sets the row does not name, and every entry of an account that does not
 * exist (deleted, or created after a restored backup), except a deleted account's tombstone. Resolves
 * to the number of entries removed; rejects (SecretStoreUnavailableError) if the keychain can't be
 * reached, so a restored database stays unchecked.
 */
export async function reconcileSecrets(deps: Deps): Promise<number> {
  const byAccount = Map.groupBy(await deps.secrets.list(), (entry) => entry.accountId);
  const alsoVisited = [...deps.twoFactorStates.accountsWithHistory(), ...deps.accounts.deletedIds()];
  for (const accountId of alsoVisited) if (!byAccount.has(accountId)) byAccount.set(accountId, []);

  let removed = 0;
  let deletedAgain = 0;
  for (const [accountId, accountEntries] of byAccount) {
    removed += await deps.withTwoFactorLock(accountId, async () => {
      const tombstone = await syncWitness(deps, accountId);
      if (tombstone && deps.accounts.findById(accountId)) {
        // Its rows, log and code hashes go by cascade; its other keychain entries are debris below.
        deps.transaction(() => deps.accounts.delete(accountId, tombstone.deletedAt));
        deletedAgain += 1;
      }
      let count = 0;
      for (const entry of accountEntries) {
        if (isDebris(deps, entry, tombstone !== null) && (await deleteEntry(deps, entry))) count += 1;
      }
      return count;
    });
  }
  // Counts only: no id, name or email in the log.
  if (deletedAgain > 0) deps.logger.info(`restore check: ${deletedAgain} account(s) deleted since the backup were deleted again`);
  if (removed > 0) deps.logger.info(`reconciliation removed ${removed} leftover keychain entries`);
  return removed;
}

function isDebris(
  { accounts, twoFactor, enrollments }: Pick<Deps, 'accounts' | 'twoFactor' | 'enrollments'>,
  entry: ParsedSecretKey,
  tombstoned: boolean,
): boolean {
  const record = twoFactor.find(entry.accountId);
  switch (entry.kind) {
    case 'totp-pending':
      return !enrollments.isPendingFor(entry.accountId);
    case 'totp':
      return record === null;
    case 'recovery':
      return record === null || record.recoverySetId !== entry.setId;
    case 'witness':
      return !tombstoned && accounts.findById(entry.accountId) === null;
  }
}

function deleteEntry({ secrets }: Pick<Deps, 'secrets'>, entry: ParsedSecretKey): Promise<boolean> {
  switch (entry.kind) {
    case 'totp-pending':
      return secrets.deletePending(entry.accountId);
    case 'totp':
      return secrets.deleteTotp(entry.accountId);
    case 'recovery':
      return secrets.deleteRecovery(entry.accountId, entry.setId);
    case 'witness':
      return secrets.deleteWitness(entry.accountId);
  }
}
