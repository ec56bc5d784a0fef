import Database from 'better-sqlite3';

function sqliteCode(error: unknown): string | null {
  return error instanceof Database.SqliteError ? error.code : null;
}

export const isUniqueViolation = (error: unknown): boolean => sqliteCode(error) === 'SQLITE_CONSTRAINT_UNIQUE';

/** Another connection holds the write lock longer than busy_timeout allows. */
export const isBusy = (error: unknown): boolean => /^SQLITE_(BUSY|LOCKED)/.test(sqliteCode(error) ?? '');
