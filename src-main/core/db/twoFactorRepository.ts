import type { Database } from 'better-sqlite3';

export interface TwoFactorRecord {
  readonly accountId: string;
  readonly activatedAt: number;
  readonly lastAcceptedStep: number;
  readonly failedAttempts: number;
  readonly lockedUntil: number | null;
  readonly recoverySetId: string;
  readonly recoveryKdf: string;
  readonly recoveryGeneratedAt: number;
}

export interface TwoFactorRow {
  account_id: string;
  activated_at: number;
  last_accepted_step: number;
  failed_attempts: number;
  locked_until: number | null;
  recovery_set_id: string;
  recovery_kdf: string;
  recovery_generated_at: number;
}

export interface RecoverySetHeader {
  readonly setId: string;
  readonly kdf: string;
  readonly generatedAt: number;
}

export const toTwoFactorRecord = (row: TwoFactorRow): TwoFactorRecord => ({
  accountId: row.account_id,
  activatedAt: row.activated_at,
  lastAcceptedStep: row.last_accepted_step,
  failedAttempts: row.failed_attempts,
  lockedUntil: row.locked_until,
  recoverySetId: row.recovery_set_id,
  recoveryKdf: row.recovery_kdf,
  recoveryGeneratedAt: row.recovery_generated_at,
});

export type TwoFactorRepository = ReturnType<typeof createTwoFactorRepository>;

/** The two_factor row of an account (activation, replay guard, failure counter and lock) and its spent TOTP steps. */
export function createTwoFactorRepository(db: Database) {
  const statements = {
    byAccount: db.prepare<[string], TwoFactorRow>('SELECT * FROM two_factor WHERE account_id = ?'),
    insert: db.prepare(
      `INSERT INTO two_factor (account_id, activated_at, last_accepted_step, recovery_set_id, recovery_kdf, recovery_generated_at)
       VALUES (@accountId, @activatedAt, @lastAcceptedStep, @setId, @kdf, @generatedAt)`,
    ),
    delete: db.prepare<[string]>('DELETE FROM two_factor WHERE account_id = ?'),
    acceptStep: db.prepare<{ accountId: string; step: number }>(
      `UPDATE two_factor SET last_accepted_step = @step
       WHERE account_id = @accountId AND last_accepted_step < @step
         AND NOT EXISTS (SELECT 1 FROM totp_spent_steps WHERE account_id = @accountId AND step = @step)`,
    ),
    pruneSpent: db.prepare<[string, number]>('DELETE FROM totp_spent_steps WHERE account_id = ? AND step <= ?'),
    spend: db.prepare<{ accountId: string; step: number }>(
      `INSERT OR IGNORE INTO totp_spent_steps (account_id, step)
       SELECT account_id, @step FROM two_factor WHERE account_id = @accountId AND last_accepted_step < @step`,
    ),
    spent: db.prepare<[string], { step: number }>('SELECT step FROM totp_spent_steps WHERE account_id = ? ORDER BY step'),
    recordFailure: db.prepare<[string], { failed_attempts: number }>(
      'UPDATE two_factor SET failed_attempts = failed_attempts + 1 WHERE account_id = ? RETURNING failed_attempts',
    ),
    lock: db.prepare<[number, string]>('UPDATE two_factor SET locked_until = ?, failed_attempts = 0 WHERE account_id = ?'),
    clearFailures: db.prepare<[string]>('UPDATE two_factor SET failed_attempts = 0, locked_until = NULL WHERE account_id = ?'),
    replaceSet: db.prepare(
      `UPDATE two_factor SET recovery_set_id = @setId, recovery_kdf = @kdf, recovery_generated_at = @generatedAt
       WHERE account_id = @accountId`,
    ),
  };

  return {
    find(accountId: string): TwoFactorRecord | null {
      const row = statements.byAccount.get(accountId);
      return row ? toTwoFactorRecord(row) : null;
    },
    insert(accountId: string, activatedAt: number, lastAcceptedStep: number, set: RecoverySetHeader): void {
      statements.insert.run({ accountId, activatedAt, lastAcceptedStep, ...set });
    },
    /** Deletes the row and, by cascade, the recovery codes. */
    delete: (accountId: string): void => void statements.delete.run(accountId),
    /**
     * Accepts `step` only if it is newer than every accepted step and not spent: the final guard
     * against replay. Spent steps it leaves behind can never be accepted any more, so they go.
     */
    acceptStep(accountId: string, step: number): boolean {
      if (statements.acceptStep.run({ accountId, step }).changes !== 1) return false;
      statements.pruneSpent.run(accountId, step);
      return true;
    },
    /** Marks steps a code matched as never acceptable (those not newer than the last accepted step already are). */
    spendSteps(accountId: string, steps: readonly number[]): void {
      for (const step of steps) statements.spend.run({ accountId, step });
    },
    spentSteps: (accountId: string): number[] => statements.spent.all(accountId).map((row) => row.step),
    /** Counts one more consecutive failure; resolves to the new count. */
    recordFailure: (accountId: string): number => statements.recordFailure.get(accountId)?.failed_attempts ?? 0,
    /** Locks the second factor until `until` and starts the count afresh for after the lock. */
    lock: (accountId: string, until: number): void => void statements.lock.run(until, accountId),
    clearFailures: (accountId: string): void => void statements.clearFailures.run(accountId),
    replaceRecoverySet: (accountId: string, set: RecoverySetHeader): void => void statements.replaceSet.run({ accountId, ...set }),
  };
}
