import { join } from 'node:path';
import { systemClock } from '../clock';
import { composeBackend, type Backend, type BackendOptions } from '../composeBackend';
import { DATABASE_FILE_NAME } from '../db/openDatabase';
import { consoleLogger } from '../logger';
import { prepareDatabase } from './prepareDatabase';
import { takeDailyBackup } from './takeBackup';

export interface OpenedBackend {
  readonly backend: Backend;
  /**
   * Takes the daily backup if one is due (at most one a day, the last three kept). Call it once
   * the window is up: it runs on its own read-only connection, in steps, and never rejects
   * (a failure is logged; the next start tries again).
   */
  takeDailyBackup(): Promise<void>;
}

/**
 * How the app starts its backend: prepareDatabase (refuse a newer database, back up before a
 * migration, move a damaged one aside and ask what to do), then composeBackend. Resolves to null
 * when the person chose to quit. Throws DatabaseOpenError like composeBackend.
 */
export async function openBackend(options: BackendOptions): Promise<OpenedBackend | null> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? consoleLogger;
  const prepared = await prepareDatabase(options.dataDir, {
    now: () => clock.now(),
    logger,
    chooseRecovery: (report) => options.desktop.chooseDatabaseRecovery(report),
  });
  if (prepared.outcome === 'quit') return null;
  const backend = composeBackend({ ...options, startupNotice: prepared.notice });
  const file = join(options.dataDir, DATABASE_FILE_NAME);
  return {
    backend,
    takeDailyBackup: () =>
      takeDailyBackup(file, options.dataDir, clock.now()).then(
        () => undefined,
        (error: unknown) => logger.error(`daily backup failed: ${error instanceof Error ? error.name : typeof error}`),
      ),
  };
}
