import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations';
import { DatabaseFromTheFutureError, runMigrations } from './runMigrations';

export const DATABASE_FILE_NAME = 'gatehouse.db';
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
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 3000');
    runMigrations(db, MIGRATIONS);
    return db;
  } catch (error) {
    db?.close();
    if (error instanceof DatabaseFromTheFutureError) {
      throw new DatabaseOpenError(
        `This Gatehouse data was saved by a newer version of Gatehouse (data version ${error.found}; this version understands up to ${error.supported}). ` +
          `Please install the latest Gatehouse. Your data at ${file} was not changed.`,
        'newer-version',
        file,
      );
    }
    throw new DatabaseOpenError(
      `Gatehouse could not open its database at ${file}. The file may be damaged or in use by another program.`,
      'unreadable',
      file,
    );
  }
}
