import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAccountsRepository } from '../../../src-main/core/db/accountsRepository';
import { openDatabase } from '../../../src-main/core/db/openDatabase';

describe('migration 003: accounts listed from an index', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'gatehouse-m003-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('lists accounts in creation order by walking the covering index, without a sort', () => {
    const db = openDatabase(dir);
    const plan = db
      .prepare('EXPLAIN QUERY PLAN SELECT id, name, email FROM accounts ORDER BY created_at, id')
      .all()
      .map((row) => (row as { detail: string }).detail);
    expect(plan).toEqual(['SCAN accounts USING COVERING INDEX accounts_by_creation']);

    const accounts = createAccountsRepository(db);
    for (const [id, createdAt] of [
      ['b', 2],
      ['c', 1],
      ['a', 2],
    ] as const) {
      accounts.insert({ id, name: id.toUpperCase(), email: `${id}@example.com`, passwordHash: 'h', createdAt });
    }
    expect(accounts.list().map((account) => account.id)).toEqual(['c', 'a', 'b']);
    db.close();
  });
});
