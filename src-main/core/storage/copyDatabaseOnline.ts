import { closeSync, linkSync, openSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';

/**
 * Copies the database in `sourceFile` to `targetFile` with SQLite's online backup API (a
 * consistent snapshot even while another connection writes, never a plain file copy, which could
 * catch a half-written page or miss what is still in the WAL). The copy is written under
 * `partialFile`, owner-only from its first byte, and made durable; only then does it get
 * `targetFile` as its name, so a crash never leaves a half copy that looks complete. An existing
 * `targetFile` is never overwritten: that throws EEXIST.
 */
export async function copyDatabaseOnline(sourceFile: string, targetFile: string, partialFile: string): Promise<void> {
  rmSync(partialFile, { force: true }); // a crashed copy's leftover; the name is never a finished one
  closeSync(openSync(partialFile, 'wx', 0o600));
  const source = new Database(sourceFile, { readonly: true, fileMustExist: true });
  try {
    await source.backup(partialFile);
  } catch (error) {
    rmSync(partialFile, { force: true });
    throw error;
  } finally {
    source.close();
  }
  try {
    settleAsStandalone(partialFile);
    linkSync(partialFile, targetFile); // fails if targetFile exists
  } finally {
    rmSync(partialFile, { force: true });
  }
}

/**
 * The copy inherits the source's WAL mode from its header. A backup or a restored file is a
 * single self-contained file: rollback-journal mode, so reading it never creates -wal/-shm files
 * beside it. The pragma commits durably (synchronous=FULL) before the file is renamed.
 */
function settleAsStandalone(file: string): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('synchronous = FULL');
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
}
