import type { Migration } from './migration';

/**
 * Accounts deleted from this database: a random id and when. Each one's keychain witness becomes a
 * tombstone (twoFactorWitness), written right after the deletion's commit; start-up reconciliation
 * writes any tombstone the keychain refused then, and rewrites one that went missing. The tombstone,
 * which a restore does not roll back, is what keeps a restored backup from bringing the account back.
 */
export const deletedAccounts: Migration = {
  version: 7,
  name: 'deleted accounts',
  up(db) {
    db.exec(`
      CREATE TABLE deleted_accounts (
        account_id TEXT PRIMARY KEY,
        deleted_at INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
