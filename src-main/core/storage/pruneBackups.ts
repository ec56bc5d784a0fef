import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { BACKUPS_KEPT, PARTIAL_SUFFIX, readBackupFiles } from './backupFiles';

/**
 * Keeps the newest BACKUPS_KEPT backups and deletes the older ones, plus any half-written copy a
 * crash left behind. Call it only when no backup is being written.
 */
export function pruneBackups(folder: string): void {
  for (const old of readBackupFiles(folder).slice(BACKUPS_KEPT)) rmSync(old.path, { force: true });
  const leftovers = readdirSync(folder).filter((name) => name.endsWith(PARTIAL_SUFFIX));
  for (const name of leftovers) rmSync(join(folder, name), { force: true });
}
