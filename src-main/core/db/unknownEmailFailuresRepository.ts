import { createHmac, randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { emailKey } from './accountsRepository';

export interface UnknownEmailStreak {
  readonly failedSignIns: number;
  readonly lastFailedAt: number;
}

interface StreakRow {
  failed_sign_ins: number;
  last_failed_at: number;
}

const KEY_NAME = 'unknown_email_tag_key';

/**
 * This installation's key for tagging emails, created on first use. Random per data directory, so
 * tags from one installation say nothing about another's (no precomputed tables of addresses).
 */
function readTagKey(db: Database): Buffer {
  db.prepare<[string, string]>('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)').run(KEY_NAME, randomBytes(32).toString('base64'));
  return Buffer.from(db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?').get(KEY_NAME)!.value, 'base64');
}

export type UnknownEmailFailuresRepository = ReturnType<typeof createUnknownEmailFailuresRepository>;

/**
 * Failed sign-ins for emails with no account (tables of migration 004), addressed by a tag: the
 * HMAC-SHA-256 of the email's unique key, so the database never lists the addresses people typed.
 */
export function createUnknownEmailFailuresRepository(db: Database) {
  const key = readTagKey(db);
  const statements = {
    streak: db.prepare<[string], StreakRow>('SELECT failed_sign_ins, last_failed_at FROM unknown_email_streaks WHERE email_tag = ?'),
    countStreak: db.prepare<[{ tag: string; at: number }]>(
      `INSERT INTO unknown_email_streaks (email_tag, failed_sign_ins, last_failed_at) VALUES (@tag, 1, @at)
       ON CONFLICT (email_tag) DO UPDATE SET failed_sign_ins = failed_sign_ins + 1, last_failed_at = @at`,
    ),
    logFailure: db.prepare<[string, number]>('INSERT INTO unknown_email_failures (email_tag, at) VALUES (?, ?)'),
    nthRecent: db.prepare<[string, number, number], { at: number }>(
      'SELECT at FROM unknown_email_failures WHERE email_tag = ? AND at > ? ORDER BY at DESC LIMIT 1 OFFSET ?',
    ),
    pruneStreaks: db.prepare<[number]>('DELETE FROM unknown_email_streaks WHERE last_failed_at <= ?'),
    pruneFailures: db.prepare<[number]>('DELETE FROM unknown_email_failures WHERE at <= ?'),
    forgetStreak: db.prepare<[string]>('DELETE FROM unknown_email_streaks WHERE email_tag = ?'),
    forgetFailures: db.prepare<[string]>('DELETE FROM unknown_email_failures WHERE email_tag = ?'),
  };

  return {
    /** The tag the rows of `email` are filed under (case and surrounding spaces do not matter). */
    tagOf: (email: string): string => createHmac('sha256', key).update(emailKey(email)).digest('base64'),
    findStreak(tag: string): UnknownEmailStreak | null {
      const row = statements.streak.get(tag);
      return row ? { failedSignIns: row.failed_sign_ins, lastFailedAt: row.last_failed_at } : null;
    },
    /** One more failure for `tag`: the streak grows and the failure is logged for the hourly cap. */
    recordFailure(tag: string, at: number): void {
      statements.countStreak.run({ tag, at });
      statements.logFailure.run(tag, at);
    },
    /** When the n-th most recent failure of `tag` after `since` happened (n = 1 is the newest), or null. */
    nthMostRecentSince: (tag: string, since: number, n: number): number | null => statements.nthRecent.get(tag, since, n - 1)?.at ?? null,
    /** Drops streaks last failed at or before `streaksBefore` and failures at or before `failuresBefore`. */
    prune(streaksBefore: number, failuresBefore: number): void {
      statements.pruneStreaks.run(streaksBefore);
      statements.pruneFailures.run(failuresBefore);
    },
    /** Drops everything filed under `tag` (its email now belongs to an account). */
    forget(tag: string): void {
      statements.forgetStreak.run(tag);
      statements.forgetFailures.run(tag);
    },
  };
}
