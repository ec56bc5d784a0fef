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
