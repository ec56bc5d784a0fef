import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { backupFileName, backupsFolder, PARTIAL_SUFFIX, pruneBackups, readBackupFiles, type BackupFile } from './backupFiles';
import { copyDatabaseOnline } from './copyDatabaseOnline';

const isPosix = process.platform !== 'win32';

/**
 * Backs up the database in `sourceFile` into the data directory's backups folder (0700) as
 * `gatehouse-<UTC time>.db` (0600), through SQLite's online backup API.
 */
export async function takeBackup(sourceFile: string, dataDir: string, now: number): Promise<BackupFile> {
  const folder = backupsFolder(dataDir);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  if (isPosix) chmodSync(folder, 0o700);
  let n = 1;
  while (existsSync(join(folder, backupFileName(now, n)))) n++;
  const path = join(folder, backupFileName(now, n));
  await copyDatabaseOnline(sourceFile, path, path + PARTIAL_SUFFIX);
  return { path, takenAt: now };
}

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
