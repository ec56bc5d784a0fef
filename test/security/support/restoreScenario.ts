import { writeFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { OperationInput, OperationOutput } from '../../../src-shared/contract';
import type { OperationName } from '../../../src-shared/operations';
import type { Result } from '../../../src-shared/result';
import type { Backend } from '../../../src-main/core/composeBackend';
import type { Logger } from '../../../src-main/core/logger';
import type { SecretStore } from '../../../src-main/core/secrets/secretStore';
import { takeBackup } from '../../../src-main/core/storage/takeBackup';
import { expectOk } from '../../support/backendHarness';
import type { createFakeClock } from '../../support/fakeClock';
import { createFakeDesktop } from '../../support/fakeDesktop';
import { STEP_MS } from '../../support/twoFactorSteps';
import { databaseFile, startBackend } from './startBackend';

/**
 * The app on one data directory, started as it starts for real (openBackend), with a backup taken
 * and the database damaged when a test says: at the start after the damage the person answers
 * "Restore backup", and the backup is put in place before the backend opens.
 */
export function createRestoreScenario(dataDir: string, keychain: SecretStore, clock: ReturnType<typeof createFakeClock>, logger?: Logger) {
  let running: Backend | null = null;

  /** Quits the app once its background keychain work is done, as it would have been by then. */
  async function quit(): Promise<void> {
    await running?.idle();
    running?.close();
    running = null;
  }

  async function start() {
    await quit();
    const desktop = createFakeDesktop();
    desktop.answerRecoveryWith('restore');
    const opened = await startBackend(dataDir, desktop, clock, keychain, logger);
    if (!opened) throw new Error('expected the app to start');
    running = opened.backend;
    return {
      backend: opened.backend,
      call: <K extends OperationName>(op: K, payload: OperationInput<K>) =>
        opened.backend.dispatch(op, payload) as Promise<Result<OperationOutput<K>>>,
    };
  }

  return {
    start,
    quit,
    /** Backs up the database as it is now (the app closed), then moves to a later time step. */
    async backUp(): Promise<void> {
      await quit();
      await takeBackup(databaseFile(dataDir), dataDir, clock.now());
      clock.advance(STEP_MS);
    },
    /** The database is damaged; the next start moves it aside and restores the backup. */
    async damageAndRestore() {
      await quit();
      writeFileSync(databaseFile(dataDir), Buffer.alloc(8192, 0xab));
      const app = await start();
      expect(expectOk(await app.call('getStartupNotice', {})).notice?.restoredFrom).toEqual(expect.any(Number));
      return app;
    },
  };
}

export type RestoreScenarioApp = Awaited<ReturnType<ReturnType<typeof createRestoreScenario>['start']>>;
