import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations';
import { DatabaseFromTheFutureError, runMigrations } from './runMigrations';

export const DATABASE_FILE_NAME = 'gatehouse.db';
/** The newest schema version this Gatehouse understands. */
export const SUPPORTED_DATABASE_VERSION = MIGRATIONS.at(-1)?.version ?? 0;
/**
 * How long a write waits for another connection's lock before failing with SQLITE_BUSY (shown as
 * STORAGE_BUSY, "try again in a moment"). Our own writes are milliseconds long, so a lock held
 * this long belongs to something else; the person should hear about it rather than wait.
 */
export const BUSY_TIMEOUT_MS = 2_000;
const isPosix = process.platform !== 'win32';

/** Opening the database failed; `message` is written for the person using the app. */
export class DatabaseOpenError extends Error {
  override readonly name = 'DatabaseOpenError';
  constructor(
    message: string,
    readonly reason: 'newer-version' | 'unreadable',
    readonly file: string,
  ) {
    super(message);
  }
}

/** The refusal of a database written by a newer Gatehouse: nothing was changed. */
export function newerVersionError(file: string, found: number, supported = SUPPORTED_DATABASE_VERSION): DatabaseOpenError {
  return new DatabaseOpenError(
    `This Gatehouse data was saved by a newer version of Gatehouse (data version ${found}; this version understands up to ${supported}). ` +
      `Please install the latest Gatehouse. Your data at ${file} was not changed.`,
    'newer-version',
    file,
  );
}

/**
 * Opens (creating if needed) the database in `dataDir`, private to this OS user,
 * with durable settings, and migrates it to the current schema.
 */
export function openDatabase(dataDir: string): Database.Database {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, DATABASE_FILE_NAME);
  if (isPosix) {
    chmodSync(dataDir, 0o700);
    // Create the file ourselves so it is never readable by others, not even for a moment.
    closeSync(openSync(file, 'a', 0o600));
    chmodSync(file, 0o600);
  }

  let db: Database.Database | undefined;
  try {
    db = new Database(file);
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // Before anything writes: switching a newer Gatehouse's file to WAL would already change it.
    const found = db.pragma('user_version', { simple: true }) as number;
    if (found > SUPPORTED_DATABASE_VERSION) throw new DatabaseFromTheFutureError(found, SUPPORTED_DATABASE_VERSION);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    runMigrations(db, MIGRATIONS);
    return db;
  } catch (error) {
    db?.close();
    if (error instanceof DatabaseFromTheFutureError) throw newerVersionError(file, error.found, error.supported);
    throw new DatabaseOpenError(
      `Gatehouse could not open its database at ${file}. The file may be damaged or in use by another program.`,
      'unreadable',
      file,
    );
  }
}
