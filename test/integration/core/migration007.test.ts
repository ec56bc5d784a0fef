import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAccountsRepository } from '../../../src-main/core/db/accountsRepository';
import { MIGRATIONS } from '../../../src-main/core/db/migrations';
import { runMigrations } from '../../../src-main/core/db/runMigrations';

describe('migration 007: deleted accounts', () => {
  let dir: string;
  let db: Database.Database;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'gatehouse-m007-'));
    db = new Database(join(dir, 'gatehouse.db'));
    db.pragma('foreign_keys = ON');
    runMigrations(db, MIGRATIONS.slice(0, 6));
    for (const id of ['a', 'b']) {
      db.prepare("INSERT INTO accounts (id, name, email, email_key, password_hash, created_at) VALUES (?, 'N', ?, ?, 'h', 1)").run(
        id,
        `${id}@x`,
        `${id}@x`,
      );
    }
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('upgrades a version-6 database with no deletion recorded, its accounts intact', () => {
    expect(runMigrations(db, MIGRATIONS.slice(0, 7))).toEqual({ from: 6, to: 7 });
    expect(db.prepare('SELECT id FROM accounts ORDER BY id').all()).toEqual([{ id: 'a' }, { id: 'b' }]);
    expect(createAccountsRepository(db).deletedIds()).toEqual([]);
  });

  it('records each deletion with its time, once, and only the deleted account', () => {
    runMigrations(db, MIGRATIONS.slice(0, 7));
    const accounts = createAccountsRepository(db);
    accounts.delete('a', 1_000);
    accounts.delete('a', 2_000); // deleted again (after a restore brought it back): the first time stays
    expect(accounts.deletedIds()).toEqual(['a']);
    expect({ a: accounts.deletedAt('a'), b: accounts.deletedAt('b') }).toEqual({ a: 1_000, b: null });
    expect(accounts.findById('a')).toBeNull();
    expect(accounts.findById('b')).not.toBeNull();
  });
});
