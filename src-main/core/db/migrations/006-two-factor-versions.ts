import type { Migration } from './migration';

const COUNTED = [
  ['two_factor', 'INSERT', 'NEW'],
  ['two_factor', 'UPDATE', 'NEW'],
  ['two_factor', 'DELETE', 'OLD'],
  ['recovery_codes', 'INSERT', 'NEW'],
  ['recovery_codes', 'UPDATE', 'NEW'],
  ['recovery_codes', 'DELETE', 'OLD'],
  ['totp_spent_steps', 'INSERT', 'NEW'],
  ['totp_spent_steps', 'DELETE', 'OLD'],
] as const;

/**
 * A version per account that counts every change to its two-factor state (the two_factor row, its
 * recovery codes and spent TOTP steps), kept by triggers so no change can forget it, and surviving
 * deactivation. The same state is mirrored in the keychain with its version (twoFactorWitness):
 * after a backup is restored, a keychain copy with a higher version is newer than the database, and
 * what was spent since the backup stays spent.
 */
export const twoFactorVersions: Migration = {
  version: 6,
  name: 'two-factor state versions',
  up(db) {
    db.exec(`
      ALTER TABLE accounts ADD COLUMN two_factor_version INTEGER NOT NULL DEFAULT 0;
      -- Start-up reconciliation looks up the accounts with a history (version above 0) without a scan.
      CREATE INDEX accounts_by_two_factor_version ON accounts(two_factor_version);
    `);
    for (const [table, event, row] of COUNTED) {
      db.exec(`
        CREATE TRIGGER ${table}_${event.toLowerCase()}_counts AFTER ${event} ON ${table}
        BEGIN
          UPDATE accounts SET two_factor_version = two_factor_version + 1 WHERE id = ${row}.account_id;
        END;
      `);
    }
  },
};
