import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseUtcStamp, utcStamp } from './utcStamp';

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
