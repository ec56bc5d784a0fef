import { existsSync, rmSync } from 'node:fs';
import { MESSAGES } from '../../../src-shared/errors';
import { secretStoreUnavailable } from '../appError';

export type RestoreCheck = ReturnType<typeof createRestoreCheck>;

/**
 * Start-up reconciliation, and the gate a restored database passes before anyone signs in. After a
 * restore (`markerFile` exists) the database may be older than the keychain witnesses: until one
 * reconciliation pass has brought every account's two-factor state up to date (and deleted again
 * every account deleted since the backup: its witness is a tombstone), sign-in and the
 * second step refuse with SECRET_STORE_UNAVAILABLE ("restoreNeedsKeychain") and try the pass again
 * each time. The marker survives restarts, so an unchecked database stays gated.
 */
export function createRestoreCheck(markerFile: string, reconcile: () => Promise<unknown>) {
  let pending = existsSync(markerFile);
  let running: Promise<void> | null = null;

  /** One reconciliation pass (joined if one is running); rejects if it could not finish. */
  function run(): Promise<void> {
    running ??= reconcile()
      .then(() => {
        if (!pending) return;
        rmSync(markerFile, { force: true });
        pending = false;
      })
      .finally(() => {
        running = null;
      });
    return running;
  }

  return {
    run,
    /** Resolves at once unless a restored database is still unchecked; then checks it first. */
    async ready(): Promise<void> {
      if (!pending) return;
      try {
        await run();
      } catch {
        throw secretStoreUnavailable(MESSAGES.restoreNeedsKeychain);
      }
    },
  };
}
