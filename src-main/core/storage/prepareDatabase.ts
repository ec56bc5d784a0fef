import { join } from 'node:path';
import type { StartupNotice } from '../../../src-shared/models';
import { DATABASE_FILE_NAME, newerVersionError, SUPPORTED_DATABASE_VERSION } from '../db/openDatabase';
import type { DamagedDatabaseReport, RecoveryChoice } from '../desktop/desktopIntegration';
import type { Logger } from '../logger';
import { backupsFolder, listBackups, pruneBackups } from './backupFiles';
import { checkDatabaseFile } from './checkDatabaseFile';
import { findDamagedAside, moveDamagedAside } from './moveDamagedAside';
import { markRestored, restoreBackup } from './restoreBackup';
import { takeBackup } from './takeBackup';

export interface PrepareOptions {
  readonly now: () => number;
  readonly logger: Logger;
  /** Asked once a damaged database has been moved aside. */
  readonly chooseRecovery: (report: DamagedDatabaseReport) => Promise<RecoveryChoice>;
}

/** Ready to be opened (with what the person should be told), or the person chose to quit. */
export type PreparedDatabase = { readonly outcome: 'ready'; readonly notice: StartupNotice | null } | { readonly outcome: 'quit' };

/**
 * The start-up step before the database is opened for writing (composeBackend), async because
 * SQLite's online backup is:
 * - a database from a newer Gatehouse is refused (DatabaseOpenError), untouched, with no backup;
 * - a healthy one that is about to be migrated is backed up first;
 * - a damaged one is moved aside first, so nothing can write over it, then the person chooses:
 *   restore the newest good backup, start with no accounts, or quit.
 */
export async function prepareDatabase(dataDir: string, options: PrepareOptions): Promise<PreparedDatabase> {
  const file = join(dataDir, DATABASE_FILE_NAME);
  const check = checkDatabaseFile(file, SUPPORTED_DATABASE_VERSION);
  switch (check.state) {
    case 'missing': {
      // The person quit at the recovery question last time: the damaged copy is still aside, unanswered.
      const earlier = findDamagedAside(file);
      return earlier ? askAndRecover(dataDir, file, earlier, options) : { outcome: 'ready', notice: null };
    }
    case 'newer':
      throw newerVersionError(file, check.version);
    case 'healthy':
      // Version 0 is a file that never got a schema: there is nothing in it to lose.
      if (check.version > 0 && check.version < SUPPORTED_DATABASE_VERSION) {
        await takeBackup(file, dataDir, options.now());
        pruneBackups(backupsFolder(dataDir));
      }
      return { outcome: 'ready', notice: null };
    case 'damaged':
      return recover(dataDir, file, check.finding, options);
  }
}

async function recover(dataDir: string, file: string, finding: string, options: PrepareOptions): Promise<PreparedDatabase> {
  const movedTo = moveDamagedAside(file, options.now());
  options.logger.warn(`database damaged (${finding}); moved aside`);
  return askAndRecover(dataDir, file, movedTo, options);
}

async function askAndRecover(dataDir: string, file: string, movedTo: string, options: PrepareOptions): Promise<PreparedDatabase> {
  const newestBackup = listBackups(dataDir, SUPPORTED_DATABASE_VERSION)[0] ?? null;
  const choice = await options.chooseRecovery({ movedTo, newestBackup: newestBackup && { takenAt: newestBackup.takenAt } });
  if (choice === 'quit') return { outcome: 'quit' };
  if (choice === 'restore' && newestBackup) {
    // Before the backup is in place: its two-factor state is checked against the keychain before anyone signs in.
    markRestored(dataDir);
    await restoreBackup(newestBackup, file);
    options.logger.info('database restored from a backup');
    return { outcome: 'ready', notice: { movedTo, restoredFrom: newestBackup.takenAt } };
  }
  return { outcome: 'ready', notice: { movedTo, restoredFrom: null } };
}
