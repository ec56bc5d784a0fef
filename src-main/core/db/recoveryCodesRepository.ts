import type { Database } from 'better-sqlite3';

export interface StoredRecoveryCode {
  readonly position: number;
  readonly codeHash: string;
  readonly usedAt: number | null;
}

interface CodeRow {
  position: number;
  code_hash: string;
  used_at: number | null;
}

export type RecoveryCodesRepository = ReturnType<typeof createRecoveryCodesRepository>;

/** Salted hashes of an account's recovery codes, one row per code, with when each was used. */
export function createRecoveryCodesRepository(db: Database) {
  const statements = {
    all: db.prepare<[string], CodeRow>('SELECT position, code_hash, used_at FROM recovery_codes WHERE account_id = ? ORDER BY position'),
    deleteAll: db.prepare<[string]>('DELETE FROM recovery_codes WHERE account_id = ?'),
    insert: db.prepare<[string, number, string]>('INSERT INTO recovery_codes (account_id, position, code_hash) VALUES (?, ?, ?)'),
    markUsed: db.prepare<[number, string, number]>(
      'UPDATE recovery_codes SET used_at = ? WHERE account_id = ? AND position = ? AND used_at IS NULL',
    ),
    countUnused: db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM recovery_codes WHERE account_id = ? AND used_at IS NULL'),
  };

  return {
    list: (accountId: string): StoredRecoveryCode[] =>
      statements.all.all(accountId).map((row) => ({ position: row.position, codeHash: row.code_hash, usedAt: row.used_at })),
    /** Replaces the account's codes with `hashes`, in display order. Call inside a transaction. */
    replaceAll(accountId: string, hashes: readonly string[]): void {
      statements.deleteAll.run(accountId);
      hashes.forEach((hash, position) => statements.insert.run(accountId, position, hash));
    },
    /** Uses a code once: false when it was already used, even by a request running at the same time. */
    markUsed: (accountId: string, position: number, at: number): boolean => statements.markUsed.run(at, accountId, position).changes === 1,
    countUnused: (accountId: string): number => statements.countUnused.get(accountId)?.n ?? 0,
  };
}
