import type { Database } from 'better-sqlite3';
import type { SecurityEvent, SecurityEventKind, SignOutReason } from '../../../src-shared/models';

interface EventRow {
  id: number;
  kind: SecurityEventKind;
  at: number;
  reason: SignOutReason | null;
}

export type SecurityEventsRepository = ReturnType<typeof createSecurityEventsRepository>;

/** The per-account security log. It records what happened and when, never credentials. */
export function createSecurityEventsRepository(db: Database) {
  const statements = {
    insert: db.prepare<[string, string, number, string | null]>(
      'INSERT INTO security_events (account_id, kind, at, reason) VALUES (?, ?, ?, ?)',
    ),
    recent: db.prepare<[string, number], EventRow>(
      'SELECT id, kind, at, reason FROM security_events WHERE account_id = ? ORDER BY at DESC, id DESC LIMIT ?',
    ),
    nthRecentPasswordFailure: db.prepare<[string, number, number], { at: number }>(
      `SELECT at FROM security_events
       WHERE account_id = ? AND kind IN ('sign_in_failed', 'password_check_failed') AND at > ?
       ORDER BY at DESC LIMIT 1 OFFSET ?`,
    ),
  };

  return {
    record(accountId: string, kind: SecurityEventKind, at: number, reason?: SignOutReason): void {
      statements.insert.run(accountId, kind, at, reason ?? null);
    },
    recent(accountId: string, limit: number): SecurityEvent[] {
      return statements.recent
        .all(accountId, limit)
        .map(({ id, kind, at, reason }) => (reason ? { id, kind, at, reason } : { id, kind, at }));
    },
    /**
     * The time of the n-th most recent wrong password after `since` (n = 1 is the newest), at
     * sign-in or while signed in, or null: the hourly cap counts both.
     */
    nthMostRecentPasswordFailureSince(accountId: string, since: number, n: number): number | null {
      return statements.nthRecentPasswordFailure.get(accountId, since, n - 1)?.at ?? null;
    },
  };
}
