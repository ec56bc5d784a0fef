import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { backupFileName, backupsFolder, PARTIAL_SUFFIX, type BackupFile } from './backupFiles';
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
