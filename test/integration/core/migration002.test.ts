import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../src-main/core/db/migrations';
import { readInstallationId } from '../../../src-main/core/db/metaRepository';
import { openDatabase } from '../../../src-main/core/db/openDatabase';
import { runMigrations } from '../../../src-main/core/db/runMigrations';

describe('migration 002: two-factor authentication', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'gatehouse-m002-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('upgrades a version-1 database with its accounts intact', () => {
    const db = new Database(join(dir, 'gatehouse.db'));
    db.pragma('foreign_keys = ON');
    runMigrations(db, MIGRATIONS.slice(0, 1));
    db.prepare(
      "INSERT INTO accounts (id, name, email, email_key, password_hash, created_at) VALUES ('a', 'Ada', 'a@x', 'a@x', 'h', 1)",
    ).run();
    expect(runMigrations(db, MIGRATIONS.slice(0, 2))).toEqual({ from: 1, to: 2 });
    expect(db.prepare('SELECT id FROM accounts').all()).toEqual([{ id: 'a' }]);
    const strict = db
      .prepare("SELECT name, strict FROM pragma_table_list WHERE name IN ('meta', 'two_factor', 'recovery_codes') ORDER BY name")
      .all();
    expect(strict).toEqual([
      { name: 'meta', strict: 1 },
      { name: 'recovery_codes', strict: 1 },
      { name: 'two_factor', strict: 1 },
    ]);
    db.close();
  });

  it('cascades: deleting an account removes its two_factor row and codes; deleting the row removes the codes', () => {
    const db = openDatabase(dir);
    db.prepare(
      "INSERT INTO accounts (id, name, email, email_key, password_hash, created_at) VALUES ('a', 'Ada', 'a@x', 'a@x', 'h', 1)",
    ).run();
    const activate = () => {
      db.prepare(
        "INSERT INTO two_factor (account_id, activated_at, last_accepted_step, recovery_set_id, recovery_kdf, recovery_generated_at) VALUES ('a', 1, 0, 's', 'k', 1)",
      ).run();
      db.prepare("INSERT INTO recovery_codes (account_id, position, code_hash) VALUES ('a', 0, 'h0'), ('a', 1, 'h1')").run();
    };
    activate();
    db.prepare("DELETE FROM two_factor WHERE account_id = 'a'").run();
    expect(db.prepare('SELECT count(*) AS n FROM recovery_codes').get()).toEqual({ n: 0 });
    activate();
    db.prepare("DELETE FROM accounts WHERE id = 'a'").run();
    expect(db.prepare('SELECT (SELECT count(*) FROM two_factor) + (SELECT count(*) FROM recovery_codes) AS n').get()).toEqual({ n: 0 });
    expect(() => db.prepare("INSERT INTO recovery_codes (account_id, position, code_hash) VALUES ('nobody', 0, 'h')").run()).toThrow(
      /FOREIGN KEY/,
    );
    db.close();
  });

  it('creates the installation id once and keeps it across opens', () => {
    const first = openDatabase(dir);
    const id = readInstallationId(first, () => 'first-id');
    first.close();
    const second = openDatabase(dir);
    expect(readInstallationId(second, () => 'second-id')).toBe(id);
    expect(id).toBe('first-id');
    second.close();
  });
});
