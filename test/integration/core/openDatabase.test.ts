import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../src-main/core/db/migrations';
import { DATABASE_FILE_NAME, DatabaseOpenError, openDatabase } from '../../../src-main/core/db/openDatabase';
import { runMigrations } from '../../../src-main/core/db/runMigrations';

describe('opening the database (real SQLite file)', () => {
  let root: string;
  let dataDir: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'gatehouse-db-'));
    dataDir = join(root, 'data');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('creates a private data folder and file with durable settings and the latest schema', () => {
    const db = openDatabase(dataDir);
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
    if (process.platform !== 'win32') {
      expect(statSync(dataDir).mode & 0o777).toBe(0o700);
      expect(statSync(join(dataDir, DATABASE_FILE_NAME)).mode & 0o777).toBe(0o600);
    }
  });

  it('reopens an existing database without migrating again', () => {
    openDatabase(dataDir).close();
    const db = openDatabase(dataDir);
    const latest = MIGRATIONS.at(-1)!.version;
    expect(runMigrations(db, MIGRATIONS)).toEqual({ from: latest, to: latest });
    db.close();
  });

  it('refuses a database from a newer Gatehouse and leaves it untouched', () => {
    openDatabase(dataDir).close();
    const file = join(dataDir, DATABASE_FILE_NAME);
    const raw = new Database(file);
    raw.pragma('user_version = 99');
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.close();
    const before = createHash('sha256').update(readFileSync(file)).digest('hex');

    let caught: unknown;
    try {
      openDatabase(dataDir);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DatabaseOpenError);
    expect((caught as DatabaseOpenError).reason).toBe('newer-version');
    expect((caught as Error).message).toMatch(/newer version of Gatehouse/);
    expect((caught as Error).message).toContain(file);
    expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(before);
  });

  it('applies migrations in one transaction: a failing step leaves the database as it was', () => {
    const db = new Database(join(root, 'partial.db'));
    const failing = [
      MIGRATIONS[0]!,
      { version: 2, name: 'broken', up: (d: Database.Database) => d.exec('CREATE TABLE half (x); SELECT nonsense FROM nowhere;') },
    ];
    expect(() => runMigrations(db, failing)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('reports a file that is not a database as unreadable', () => {
    const garbageDir = join(root, 'garbage');
    openDatabase(garbageDir).close();
    rmSync(join(garbageDir, `${DATABASE_FILE_NAME}-wal`), { force: true });
    rmSync(join(garbageDir, `${DATABASE_FILE_NAME}-shm`), { force: true });
    writeFileSync(join(garbageDir, DATABASE_FILE_NAME), 'this is not a database at all'.repeat(200));
    expect(() => openDatabase(garbageDir)).toThrow(DatabaseOpenError);
  });
});
