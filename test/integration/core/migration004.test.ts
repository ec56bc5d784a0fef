import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../src-main/core/db/migrations';
import { openDatabase } from '../../../src-main/core/db/openDatabase';
import { runMigrations } from '../../../src-main/core/db/runMigrations';
import { createUnknownEmailFailuresRepository } from '../../../src-main/core/db/unknownEmailFailuresRepository';

describe('migration 004: failed sign-ins for emails without an account', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'gatehouse-m004-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('upgrades a version-3 database with its accounts intact and adds two STRICT tables', () => {
    const db = new Database(join(dir, 'gatehouse.db'));
    db.pragma('foreign_keys = ON');
    runMigrations(db, MIGRATIONS.slice(0, 3));
    db.prepare(
      "INSERT INTO accounts (id, name, email, email_key, password_hash, created_at) VALUES ('a', 'Ada', 'a@x', 'a@x', 'h', 1)",
    ).run();
    expect(runMigrations(db, MIGRATIONS.slice(0, 4))).toEqual({ from: 3, to: 4 });
    expect(db.prepare('SELECT id FROM accounts').all()).toEqual([{ id: 'a' }]);
    const tables = db.prepare("SELECT name, strict FROM pragma_table_list WHERE name LIKE 'unknown_email_%' ORDER BY name").all();
    expect(tables).toEqual([
      { name: 'unknown_email_failures', strict: 1 },
      { name: 'unknown_email_streaks', strict: 1 },
    ]);
    db.close();
  });

  it('files failures under a keyed tag that is not the email, the same for any case, and keeps the key across opens', () => {
    const first = openDatabase(dir);
    const tag = createUnknownEmailFailuresRepository(first).tagOf('Nobody@Example.com ');
    expect(createUnknownEmailFailuresRepository(first).tagOf('nobody@example.com')).toBe(tag);
    expect(tag).not.toMatch(/nobody|example/i);
    expect(createUnknownEmailFailuresRepository(first).tagOf('somebody@example.com')).not.toBe(tag);
    first.close();

    const second = openDatabase(dir);
    expect(createUnknownEmailFailuresRepository(second).tagOf('nobody@example.com')).toBe(tag);
    second.close();
    // Another installation has another key, so its tags say nothing about this one's.
    const otherDir = mkdtempSync(join(tmpdir(), 'gatehouse-m004-other-'));
    const other = openDatabase(otherDir);
    expect(createUnknownEmailFailuresRepository(other).tagOf('nobody@example.com')).not.toBe(tag);
    other.close();
    rmSync(otherDir, { recursive: true, force: true });
  });

  it('counts a streak, finds the n-th most recent failure, prunes by age and forgets a tag', () => {
    const db = openDatabase(dir);
    const repo = createUnknownEmailFailuresRepository(db);
    const [a, b] = [repo.tagOf('a@example.com'), repo.tagOf('b@example.com')];
    for (const at of [10, 20, 30]) repo.recordFailure(a, at);
    repo.recordFailure(b, 25);
    expect(repo.findStreak(a)).toEqual({ failedSignIns: 3, lastFailedAt: 30 });
    expect([1, 2, 3, 4].map((n) => repo.nthMostRecentSince(a, 0, n))).toEqual([30, 20, 10, null]);
    expect(repo.nthMostRecentSince(a, 20, 2)).toBeNull();

    // Failures at or before 20 and streaks last failed at or before 25 go.
    repo.prune(25, 20);
    expect(repo.findStreak(b)).toBeNull();
    expect(repo.findStreak(a)).toEqual({ failedSignIns: 3, lastFailedAt: 30 });
    expect(db.prepare('SELECT email_tag AS tag, at FROM unknown_email_failures ORDER BY at').all()).toEqual([
      { tag: b, at: 25 },
      { tag: a, at: 30 },
    ]);

    repo.forget(a);
    expect(repo.findStreak(a)).toBeNull();
    expect(repo.nthMostRecentSince(a, 0, 1)).toBeNull();
    expect(db.prepare('SELECT count(*) AS n FROM unknown_email_failures').get()).toEqual({ n: 1 });
    db.close();
  });

  it('prunes and reads the hourly window through indexes, without scanning or sorting', () => {
    const db = openDatabase(dir);
    const plan = (sql: string) =>
      db
        .prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .all()
        .map((row) => (row as { detail: string }).detail);
    expect(plan('DELETE FROM unknown_email_failures WHERE at <= 1')).toEqual([
      expect.stringMatching(/^SEARCH unknown_email_failures USING (COVERING )?INDEX unknown_email_failures_by_time/),
    ]);
    expect(plan('DELETE FROM unknown_email_streaks WHERE last_failed_at <= 1')).toEqual([
      expect.stringMatching(/^SEARCH unknown_email_streaks USING (COVERING )?INDEX unknown_email_streaks_by_time/),
    ]);
    expect(plan("SELECT at FROM unknown_email_failures WHERE email_tag = 't' AND at > 1 ORDER BY at DESC LIMIT 1 OFFSET 99")).toEqual([
      expect.stringMatching(/^SEARCH unknown_email_failures USING (COVERING )?INDEX unknown_email_failures_by_tag_time/),
    ]);
    db.close();
  });
});
