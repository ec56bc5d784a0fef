import type { Migration } from './migration';

export const twoFactorSchema: Migration = {
  version: 2,
  name: 'two-factor authentication',
  up(db) {
    db.exec(`
      -- Facts about this data directory, e.g. the installation id that namespaces its keychain entries.
      CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      -- One row per account with active two-factor authentication. The TOTP secret is NOT here:
      -- it lives only in the OS keychain.
      CREATE TABLE two_factor (
        account_id TEXT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
        activated_at INTEGER NOT NULL,
        -- RFC 6238 §5.2: only time steps strictly newer than this are accepted.
        last_accepted_step INTEGER NOT NULL,
        -- Consecutive wrong codes across challenges and restarts.
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        locked_until INTEGER,
        -- Names the keychain entry holding the plaintext of the current recovery code set.
        recovery_set_id TEXT NOT NULL,
        -- Self-describing scrypt parameters and the set's salt: $scrypt$ln=..,r=..,p=..$<salt>.
        recovery_kdf TEXT NOT NULL,
        recovery_generated_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE recovery_codes (
        account_id TEXT NOT NULL REFERENCES two_factor(account_id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        code_hash TEXT NOT NULL,
        used_at INTEGER,
        PRIMARY KEY (account_id, position)
      ) STRICT;
    `);
  },
};
