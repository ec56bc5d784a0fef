import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { checkDatabaseFile } from './checkDatabaseFile';
import { parseUtcStamp, utcStamp } from './utcStamp';

// The backups folder: naming, listing and pruning its files (taking one: takeBackup.ts).

/** Backups live in their own folder inside the data directory. */
export const backupsFolder = (dataDir: string): string => join(dataDir, 'backups');

/** How many backups are kept. */
export const BACKUPS_KEPT = 3;

const BACKUP_NAME = /^gatehouse-(\d{8}T\d{9}Z)(?:-\d+)?\.db$/;
/** A backup being written: it only gets a backup's name once it is complete. */
export const PARTIAL_SUFFIX = '.partial';

export interface BackupFile {
  readonly path: string;
  /** When it was taken (epoch ms, from its name). */
  readonly takenAt: number;
}

/** `gatehouse-<UTC time>.db`, plus `-n` when two are taken in the same millisecond. */
export function backupFileName(takenAt: number, n = 1): string {
  return `gatehouse-${utcStamp(takenAt)}${n === 1 ? '' : `-${n}`}.db`;
}

/** The complete backups in `folder` by name (partial ones and other files are ignored), newest first. */
export function readBackupFiles(folder: string): BackupFile[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const backups: BackupFile[] = [];
  for (const name of names) {
    const stamp = BACKUP_NAME.exec(name)?.[1];
    const takenAt = stamp === undefined ? null : parseUtcStamp(stamp);
    if (takenAt !== null) backups.push({ path: join(folder, name), takenAt });
  }
  // Names sort by time; the -n suffix orders backups from the same millisecond.
  return backups.sort((a, b) => b.takenAt - a.takenAt || b.path.localeCompare(a.path, 'en', { numeric: true }));
}

/**
 * Keeps the newest BACKUPS_KEPT backups and deletes the older ones, plus any half-written copy a
 * crash left behind. Call it only when no backup is being written.
 */
export function pruneBackups(folder: string): void {
  for (const old of readBackupFiles(folder).slice(BACKUPS_KEPT)) rmSync(old.path, { force: true });
  const leftovers = readdirSync(folder).filter((name) => name.endsWith(PARTIAL_SUFFIX));
  for (const name of leftovers) rmSync(join(folder, name), { force: true });
}

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
