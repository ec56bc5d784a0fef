import type { CoreDependencies } from '../coreDependencies';
import { SecretStoreUnavailableError } from '../secrets/secretStore';
import type { ParsedSecretKey } from './twoFactorSecrets';

type Deps = Pick<CoreDependencies, 'secrets' | 'twoFactor' | 'enrollments' | 'withTwoFactorLock' | 'logger'>;

/**
 * Repairs what a crash between a keychain write and the database commit left behind; SQLite is
 * the source of truth. Removes: pending secrets (enrollments never survive a restart), TOTP
 * secrets of accounts without a two_factor row, and recovery code sets the row does not name.
 * Each account is decided under its two-factor lock, so an activation or regeneration that starts
 * meanwhile is never mistaken for debris. Resolves to the number of entries removed.
 */
export async function reconcileSecrets(deps: Deps): Promise<number> {
  let entries: ParsedSecretKey[];
  try {
    entries = await deps.secrets.list();
  } catch (error) {
    if (!(error instanceof SecretStoreUnavailableError)) throw error;
    deps.logger.warn('keychain unavailable at start-up; two-factor secrets were not reconciled');
    return 0;
  }

  const byAccount = Map.groupBy(entries, (entry) => entry.accountId);
  let removed = 0;
  for (const [accountId, accountEntries] of byAccount) {
    removed += await deps.withTwoFactorLock(accountId, async () => {
      let count = 0;
      for (const entry of accountEntries) {
        if (isDebris(deps, entry) && (await deleteEntry(deps, entry))) count += 1;
      }
      return count;
    });
  }
  if (removed > 0) deps.logger.info(`reconciliation removed ${removed} leftover keychain entries`);
  return removed;
}

function isDebris({ twoFactor, enrollments }: Pick<Deps, 'twoFactor' | 'enrollments'>, entry: ParsedSecretKey): boolean {
  const record = twoFactor.find(entry.accountId);
  switch (entry.kind) {
    case 'totp-pending':
      return !enrollments.isPendingFor(entry.accountId);
    case 'totp':
      return record === null;
    case 'recovery':
      return record === null || record.recoverySetId !== entry.setId;
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
  }
}
