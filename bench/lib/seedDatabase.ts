import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE_NAME, openDatabase } from '../../src-main/core/db/openDatabase';

export interface SeedPlan {
  readonly accounts: number;
  readonly events: number;
  /** Every n-th event belongs to the first account (the one the bench signs in as): a long history. */
  readonly heavyEvery: number;
  /** One stored password hash shared by every account (computed once: scrypt per account would take hours). */
  readonly passwordHash: string;
  /** Every seeded timestamp is older than this (ms), so no sign-in throttle applies. */
  readonly before: number;
}

export interface SeededData {
  readonly emails: readonly string[];
  readonly heavyEventCount: number;
  readonly seedSeconds: number;
}

const EVENT_KINDS = ['signed_in', 'signed_out', 'profile_updated', 'sign_in_failed', 'password_changed'] as const;

/**
 * Writes accounts and security-log rows straight into the app's SQLite file (schema by the
 * app's own migrations), in one transaction with prepared statements: the fast way to a big
 * database. The log is chronological and interleaves all accounts, as a long-used one would.
 */
export function seedDatabase(dataDir: string, plan: SeedPlan): SeededData {
  const started = performance.now();
  openDatabase(dataDir).close();
  const db = new Database(join(dataDir, DATABASE_FILE_NAME));
  // Generation only: durability is pointless for a throwaway database; the app's own
  // connection reopens it with its usual pragmas (WAL, synchronous=FULL).
  db.pragma('synchronous = OFF');
  const insertAccount = db.prepare(
    'INSERT INTO accounts (id, name, email, email_key, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insertEvent = db.prepare('INSERT INTO security_events (account_id, kind, at, reason) VALUES (?, ?, ?, ?)');
  const ids: string[] = [];
  const emails: string[] = [];
  let heavyEventCount = 0;
  const firstAt = plan.before - plan.events * 1000 - plan.accounts * 60_000;

  db.transaction(() => {
    for (let i = 0; i < plan.accounts; i++) {
      const id = randomUUID();
      const email = `person${i}@example.com`;
      insertAccount.run(id, `Person ${i}`, email, email, plan.passwordHash, firstAt + i * 60_000);
      ids.push(id);
      emails.push(email);
    }
    const eventsStart = firstAt + plan.accounts * 60_000;
    for (let j = 0; j < plan.events; j++) {
      const heavy = j % plan.heavyEvery === 0 || ids.length === 1;
      if (heavy) heavyEventCount++;
      const accountId = heavy ? ids[0]! : ids[1 + (j % (ids.length - 1))]!;
      const kind = EVENT_KINDS[j % EVENT_KINDS.length]!;
      insertEvent.run(accountId, kind, eventsStart + j * 1000, kind === 'signed_out' ? 'user' : null);
    }
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { emails, heavyEventCount, seedSeconds: (performance.now() - started) / 1000 };
}
