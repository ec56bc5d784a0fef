import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../src-main/core/db/migrations';
import { runMigrations } from '../../../src-main/core/db/runMigrations';
import { createTwoFactorRepository } from '../../../src-main/core/db/twoFactorRepository';
import { createTwoFactorStateRepository } from '../../../src-main/core/db/twoFactorStateRepository';

describe('migration 006: two-factor state versions', () => {
  let dir: string;
  let db: Database.Database;
  const version = (id = 'a') => (db.prepare('SELECT two_factor_version AS v FROM accounts WHERE id = ?').get(id) as { v: number }).v;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'gatehouse-m006-'));
    db = new Database(join(dir, 'gatehouse.db'));
    db.pragma('foreign_keys = ON');
    runMigrations(db, MIGRATIONS.slice(0, 5));
    for (const id of ['a', 'b']) {
      db.prepare("INSERT INTO accounts (id, name, email, email_key, password_hash, created_at) VALUES (?, 'N', ?, ?, 'h', 1)").run(
        id,
        `${id}@x`,
        `${id}@x`,
      );
    }
    db.prepare(
      "INSERT INTO two_factor (account_id, activated_at, last_accepted_step, recovery_set_id, recovery_kdf, recovery_generated_at) VALUES ('a', 1, 100, 's', 'k', 1)",
    ).run();
    db.prepare("INSERT INTO recovery_codes (account_id, position, code_hash) VALUES ('a', 0, 'h0')").run();
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('upgrades a version-5 database: every account starts at version 0, its two-factor state intact', () => {
    expect(runMigrations(db, MIGRATIONS.slice(0, 6))).toEqual({ from: 5, to: 6 });
    expect(db.prepare('SELECT id, two_factor_version FROM accounts ORDER BY id').all()).toEqual([
      { id: 'a', two_factor_version: 0 },
      { id: 'b', two_factor_version: 0 },
    ]);
    // An account with two-factor authentication but no history counted yet still gets a witness.
    expect(createTwoFactorStateRepository(db).accountsWithHistory()).toEqual(['a']);
  });

  it('counts every change to an account’s two-factor state, only that account’s, and keeps counting after deactivation', () => {
    runMigrations(db, MIGRATIONS.slice(0, 6));
    const twoFactor = createTwoFactorRepository(db);
    const seen: number[] = [];
    const step = (change: () => void) => {
      const before = version();
      change();
      seen.push(version() - before);
    };
    step(() => twoFactor.recordFailure('a'));
    step(() => twoFactor.lock('a', 5));
    step(() => twoFactor.clearFailures('a'));
    step(() => twoFactor.acceptStep('a', 101));
    step(() => twoFactor.spendSteps('a', [110]));
    step(() => db.prepare("UPDATE recovery_codes SET used_at = 1 WHERE account_id = 'a'").run());
    step(() => twoFactor.delete('a'));
    expect(seen.every((delta) => delta > 0)).toBe(true);
    expect(version('b')).toBe(0);
    const states = createTwoFactorStateRepository(db);
    expect(states.read('a')).toEqual({ version: version(), state: null });
    expect(states.accountsWithHistory()).toEqual(['a']);
  });
});
