import { backupsFolder, readBackupFiles, type BackupFile } from './backupFiles';
import { checkDatabaseFile } from './checkDatabaseFile';

/**
 * The backups that can be restored, newest first: each is read and checked (quick_check), and one
 * that is damaged, empty or from a newer Gatehouse is left out.
 */
export function listBackups(dataDir: string, supportedVersion: number): BackupFile[] {
  return readBackupFiles(backupsFolder(dataDir)).filter((backup) => {
    try {
      return checkDatabaseFile(backup.path, supportedVersion).state === 'healthy';
    } catch {
      return false; // unreadable (permissions, I/O): not something to offer
    }
  });
}
