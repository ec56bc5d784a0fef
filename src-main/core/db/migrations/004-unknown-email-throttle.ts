import type { Migration } from './migration';

/**
 * Failed sign-ins for emails that have no account, so they are throttled exactly like wrong
 * passwords for an account (same backoff, same hourly cap, across restarts) and the answers
 * cannot reveal which emails have an account. Emails are stored only as a keyed hash (HMAC-SHA-256
 * under a per-installation key in `meta`), never as text. Both tables are pruned as their rows age
 * out of the throttle's windows (see signInThrottle.ts).
 */
export const unknownEmailThrottle: Migration = {
  version: 4,
  name: 'throttle failed sign-ins for emails without an account',
  up(db) {
    db.exec(`
      -- Mirrors accounts.failed_sign_ins / last_failed_sign_in_at: the current streak per email.
      CREATE TABLE unknown_email_streaks (
        email_tag TEXT PRIMARY KEY,
        failed_sign_ins INTEGER NOT NULL,
        last_failed_at INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX unknown_email_streaks_by_time ON unknown_email_streaks(last_failed_at);

      -- Mirrors the 'sign_in_failed' security events: one row per failure, for the hourly cap.
      CREATE TABLE unknown_email_failures (
        id INTEGER PRIMARY KEY,
        email_tag TEXT NOT NULL,
        at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX unknown_email_failures_by_tag_time ON unknown_email_failures(email_tag, at);
      CREATE INDEX unknown_email_failures_by_time ON unknown_email_failures(at);
    `);
  },
};
