import { backupsFolder, readBackupFiles, type BackupFile } from './backupFiles';
import { pruneBackups } from './pruneBackups';
import { takeBackup } from './takeBackup';

/** At most one automatic backup per this long. */
export const DAILY_BACKUP_INTERVAL_MS = 24 * 60 * 60 * 1000;

/**
 * Takes the daily backup if the newest backup (of any kind) is 24 hours old or more, then keeps
 * the last three. Resolves to the new backup, or null when none was due. A backup dated in the
 * future (the clock was wrong) does not hold new ones back for longer than a day either.
 */
export async function takeDailyBackup(databaseFile: string, dataDir: string, now: number): Promise<BackupFile | null> {
  const newest = readBackupFiles(backupsFolder(dataDir))[0];
  if (newest && Math.abs(now - newest.takenAt) < DAILY_BACKUP_INTERVAL_MS) return null;
  const backup = await takeBackup(databaseFile, dataDir, now);
  pruneBackups(backupsFolder(dataDir));
  return backup;
}
