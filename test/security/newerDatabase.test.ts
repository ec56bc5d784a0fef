/**
 * A database from a newer Gatehouse (issue 4, Faults): refused with a clear message and left
 * untouched — same bytes, same modification time, no backup, nothing moved aside, no new files
 * beside it — whether it is in WAL or rollback-journal mode, and even when its schema uses SQL
 * this version's SQLite cannot parse (which would otherwise read as corruption).
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeBackend } from '../../src-main/core/composeBackend';
import { DatabaseOpenError, openDatabase, SUPPORTED_DATABASE_VERSION } from '../../src-main/core/db/openDatabase';
import { silentLogger } from '../../src-main/core/logger';
import { createMemorySecretStore } from '../../src-main/core/secrets/memorySecretStore';
import { createFakeClock } from '../support/fakeClock';
import { createFakeDesktop } from '../support/fakeDesktop';
import { recordSecurityCheck } from '../support/securityCheck';
import { databaseFile, fingerprint, startBackend } from './support/startBackend';

const FUTURE = SUPPORTED_DATABASE_VERSION + 1;

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'gatehouse-newer-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A database as a newer Gatehouse might leave it, in a fresh data directory. */
function futureDatabase(name: string, shape: (db: Database.Database) => void): string {
  const dataDir = join(root, name);
  mkdirSync(dataDir, { mode: 0o700 });
  openDatabase(dataDir).close();
  const db = new Database(databaseFile(dataDir));
  shape(db);
  db.pragma(`user_version = ${FUTURE}`);
  db.close(); // the last connection checkpoints and removes the WAL
  return dataDir;
}

const FUTURE_DATABASES: { name: string; shape: (db: Database.Database) => void }[] = [
  { name: 'WAL mode', shape: () => {} },
  // Switching this one to WAL, as opening used to do before checking the version, changes its header.
  { name: 'rollback-journal mode', shape: (db) => db.pragma('journal_mode = DELETE') },
  {
    name: 'a schema this SQLite cannot parse',
    shape: (db) => {
      db.pragma('journal_mode = DELETE');
      db.exec('CREATE TABLE future_things (x)');
      db.unsafeMode(true); // better-sqlite3's defensive mode forbids editing sqlite_master otherwise
      db.pragma('writable_schema = ON');
      db.prepare("UPDATE sqlite_master SET sql = 'CREATE TABLE future_things (x) WITH FUTURE OPTIONS' WHERE name = 'future_things'").run();
    },
  },
];

function expectRefused(error: unknown, file: string): void {
  expect(error).toBeInstanceOf(DatabaseOpenError);
  expect((error as DatabaseOpenError).reason).toBe('newer-version');
  expect((error as Error).message).toBe(
    `This Gatehouse data was saved by a newer version of Gatehouse (data version ${FUTURE}; this version understands up to ${SUPPORTED_DATABASE_VERSION}). ` +
      `Please install the latest Gatehouse. Your data at ${file} was not changed.`,
  );
}

describe('a database from a newer Gatehouse', () => {
  it('is refused with a clear message and left untouched, with no backup and nothing moved', async (ctx) => {
    let tried = 0;
    for (const { name, shape } of FUTURE_DATABASES) {
      const dataDir = futureDatabase(name, shape);
      const file = databaseFile(dataDir);
      const before = { file: fingerprint(file), listing: readdirSync(dataDir).sort() };
      expect(before.listing, name).toEqual(['gatehouse.db']);

      // As the app starts (the async start-up step) …
      const desktop = createFakeDesktop();
      const started = await startBackend(dataDir, desktop, createFakeClock()).then(
        () => null,
        (error: unknown) => error,
      );
      expectRefused(started, file);
      expect(desktop.recoveryReports, name).toEqual([]);
      expect({ file: fingerprint(file), listing: readdirSync(dataDir).sort() }, name).toEqual(before);

      // … and straight through composeBackend (openDatabase), which checks the version before anything writes.
      let composed: unknown = null;
      try {
        composeBackend({ dataDir, secretStore: createMemorySecretStore(), desktop: desktop.desktop, logger: silentLogger }).close();
      } catch (error) {
        composed = error;
      }
      expectRefused(composed, file);
      expect({ file: fingerprint(file), listing: readdirSync(dataDir).sort() }, name).toEqual(before);
      tried++;
    }
    recordSecurityCheck(ctx, { area: 'Faults', check: 'database from a newer version', tried, unit: 'future databases' });
  });
});
