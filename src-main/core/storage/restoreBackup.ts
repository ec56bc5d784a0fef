import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupFile } from './backupFiles';
import { copyDatabaseOnline } from './copyDatabaseOnline';

/**
 * Puts a copy of `backup` where the database belongs, through the online backup API into a fresh
 * file (the backup itself stays as it is, to be restored again if need be). `databaseFile` must
 * not exist: the damaged file was moved aside first, and nothing is ever written over a database.
 */
export async function restoreBackup(backup: BackupFile, databaseFile: string): Promise<void> {
  await copyDatabaseOnline(backup.path, databaseFile, `${databaseFile}.restoring`);
}

/**
 * A file in the data directory saying that the database was restored from a backup and its
 * two-factor state has not been checked against the keychain witness yet (see restoreCheck): until
 * it has, nobody signs in. Written, durably, before the backup is put in place; removed once checked.
 */
export const restoreMarkerFile = (dataDir: string): string => join(dataDir, 'two-factor-check-pending');

export function markRestored(dataDir: string): void {
  const fd = openSync(restoreMarkerFile(dataDir), 'w', 0o600);
  try {
    writeSync(
      fd,
      'The database was restored from a backup; its two-factor state is checked against the keychain before anyone signs in.\n',
    );
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
