import type { Database } from 'better-sqlite3';
import type { VersionedTwoFactorState } from '../twoFactor/twoFactorWitness';
import { toTwoFactorRecord, type TwoFactorRow } from './twoFactorRepository';

export type TwoFactorStateRepository = ReturnType<typeof createTwoFactorStateRepository>;

/**
 * An account's whole two-factor state with its version, read and written as one: what the keychain
 * witness mirrors. Also tells which accounts' state changed since it last asked: a trigger on the
 * version, local to this connection, reports each change, so no change can be missed.
 */
export function createTwoFactorStateRepository(db: Database) {
  const changed = new Set<string>();
  db.function('gatehouse_two_factor_changed', { deterministic: false }, (accountId: unknown) => {
    if (typeof accountId === 'string') changed.add(accountId);
    return null;
  });
  db.exec(`
    CREATE TEMP TRIGGER IF NOT EXISTS two_factor_changed_reports AFTER UPDATE OF two_factor_version ON main.accounts
    BEGIN
      SELECT gatehouse_two_factor_changed(NEW.id);
    END;
  `);
  const statements = {
    version: db.prepare<[string], { version: number }>('SELECT two_factor_version AS version FROM accounts WHERE id = ?'),
    row: db.prepare<[string], TwoFactorRow>('SELECT * FROM two_factor WHERE account_id = ?'),
    codes: db.prepare<[string], { code_hash: string; used_at: number | null }>(
      'SELECT code_hash, used_at FROM recovery_codes WHERE account_id = ? ORDER BY position',
    ),
    spent: db.prepare<[string], { step: number }>('SELECT step FROM totp_spent_steps WHERE account_id = ? ORDER BY step'),
    counted: db.prepare<[], { id: string }>('SELECT id FROM accounts WHERE two_factor_version > 0'),
    active: db.prepare<[], { account_id: string }>('SELECT account_id FROM two_factor'),
    deleteRow: db.prepare<[string]>('DELETE FROM two_factor WHERE account_id = ?'),
    insertRow: db.prepare(
      `INSERT INTO two_factor (account_id, activated_at, last_accepted_step, failed_attempts, locked_until,
                               recovery_set_id, recovery_kdf, recovery_generated_at)
       VALUES (@accountId, @activatedAt, @lastAcceptedStep, @failedAttempts, @lockedUntil, @recoverySetId, @recoveryKdf, @recoveryGeneratedAt)`,
    ),
    insertCode: db.prepare<[string, number, string, number | null]>(
      'INSERT INTO recovery_codes (account_id, position, code_hash, used_at) VALUES (?, ?, ?, ?)',
    ),
    insertSpent: db.prepare<[string, number]>('INSERT INTO totp_spent_steps (account_id, step) VALUES (?, ?)'),
    setVersion: db.prepare<[number, string]>('UPDATE accounts SET two_factor_version = ? WHERE id = ?'),
  };

  return {
    /** The account's versioned state, or null when there is no such account. */
    read(accountId: string): VersionedTwoFactorState | null {
      const account = statements.version.get(accountId);
      if (!account) return null;
      const row = statements.row.get(accountId);
      if (!row) return { version: account.version, state: null };
      const { accountId: _, ...record } = toTwoFactorRecord(row);
      const codes = statements.codes.all(accountId).map((code) => [code.code_hash, code.used_at] as const);
      const spentSteps = statements.spent.all(accountId).map((spent) => spent.step);
      return { version: account.version, state: { ...record, codes, spentSteps } };
    },
    /** Makes the account's state exactly `witness` (call inside a transaction). */
    replace(accountId: string, witness: VersionedTwoFactorState): void {
      statements.deleteRow.run(accountId); // its codes and spent steps go by cascade
      const { state } = witness;
      if (state) {
        const { activatedAt, lastAcceptedStep, failedAttempts, lockedUntil, recoverySetId, recoveryKdf, recoveryGeneratedAt } = state;
        statements.insertRow.run({
          accountId,
          activatedAt,
          lastAcceptedStep,
          failedAttempts,
          lockedUntil,
          recoverySetId,
          recoveryKdf,
          recoveryGeneratedAt,
        });
        state.codes.forEach(([codeHash, usedAt], position) => statements.insertCode.run(accountId, position, codeHash, usedAt));
        for (const step of state.spentSteps) statements.insertSpent.run(accountId, step);
      }
      statements.setVersion.run(witness.version, accountId);
      changed.delete(accountId); // nothing new to mirror: it came from the mirror
    },
    /** Accounts whose two-factor state is or was on: each has (or should have) a witness. */
    accountsWithHistory(): string[] {
      const ids = new Set(statements.counted.all().map((row) => row.id));
      for (const row of statements.active.all()) ids.add(row.account_id);
      return [...ids];
    },
    /**
     * Accounts whose state changed since the last call. A transaction that rolled back may leave an
     * account here that did not change after all: mirroring it again is harmless.
     */
    takeChanged(): string[] {
      const accountIds = [...changed];
      changed.clear();
      return accountIds;
    },
  };
}
