import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../src-main/core/db/migrations';
import { runMigrations } from '../../../src-main/core/db/runMigrations';
import { createTwoFactorRepository } from '../../../src-main/core/db/twoFactorRepository';

describe('migration 005: spent TOTP time steps', () => {
  let dir: string;
  let db: Database.Database;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'gatehouse-m005-'));
    db = new Database(join(dir, 'gatehouse.db'));
    db.pragma('foreign_keys = ON');
    runMigrations(db, MIGRATIONS.slice(0, 4));
    db.prepare(
      "INSERT INTO accounts (id, name, email, email_key, password_hash, created_at) VALUES ('a', 'Ada', 'a@x', 'a@x', 'h', 1)",
    ).run();
    db.prepare(
      "INSERT INTO two_factor (account_id, activated_at, last_accepted_step, recovery_set_id, recovery_kdf, recovery_generated_at) VALUES ('a', 1, 100, 's', 'k', 1)",
    ).run();
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('upgrades a version-4 database with its two-factor row intact and adds one STRICT table', () => {
    expect(runMigrations(db, MIGRATIONS.slice(0, 5))).toEqual({ from: 4, to: 5 });
    expect(db.prepare('SELECT account_id, last_accepted_step FROM two_factor').all()).toEqual([
      { account_id: 'a', last_accepted_step: 100 },
    ]);
    expect(db.prepare("SELECT name, strict FROM pragma_table_list WHERE name = 'totp_spent_steps'").all()).toEqual([
      { name: 'totp_spent_steps', strict: 1 },
    ]);
  });

  it('keeps spent steps newer than the last accepted one, never accepts them, prunes them on acceptance, and goes with the row', () => {
    runMigrations(db, MIGRATIONS.slice(0, 5));
    const twoFactor = createTwoFactorRepository(db);
    twoFactor.spendSteps('a', [99, 100, 103, 105, 103]);
    expect(twoFactor.spentSteps('a')).toEqual([103, 105]);
    expect(twoFactor.acceptStep('a', 103)).toBe(false);
    expect(twoFactor.acceptStep('a', 104)).toBe(true);
    expect(twoFactor.spentSteps('a')).toEqual([105]);
    expect(twoFactor.acceptStep('a', 105)).toBe(false);
    twoFactor.delete('a');
    expect(db.prepare('SELECT count(*) AS n FROM totp_spent_steps').get()).toEqual({ n: 0 });
  });
});
