import type { Migration } from './migration';

export const initialSchema: Migration = {
  version: 1,
  name: 'accounts and security log',
  up(db) {
    db.exec(`
      CREATE TABLE accounts (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        email TEXT NOT NULL,
        -- Emails are unique regardless of case: the key is the lower-cased address.
        email_key TEXT NOT NULL UNIQUE,
        password_hash TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        failed_sign_ins INTEGER NOT NULL DEFAULT 0,
        last_failed_sign_in_at INTEGER
      ) STRICT;

      CREATE TABLE security_events (
        id INTEGER PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        at INTEGER NOT NULL,
        reason TEXT
      ) STRICT;

      -- Recent activity (newest first) and the hourly failure count both read by account.
      CREATE INDEX security_events_by_account_kind_time ON security_events(account_id, kind, at);
      CREATE INDEX security_events_by_account_time ON security_events(account_id, at);
    `);
  },
};
