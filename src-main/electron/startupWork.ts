/** The longest quitting waits for start-up work still running. */
export const STARTUP_WORK_QUIT_LIMIT_MS = 5_000;

export interface StartupWork {
  /** Tracks background work that uses the database (keychain reconciliation, the daily backup). */
  add(work: Promise<unknown>): void;
  /**
   * For quitting: null when no tracked work is still running; otherwise a promise that settles
   * (never rejects) once all of it has, or after `limitMs`, whichever comes first.
   */
  settled(limitMs?: number): Promise<void> | null;
}

/**
 * Start-up work the app does not wait for, but quitting must: closing the database under a
 * running reconciliation fails it ("database closed"), and ending the process mid-backup leaves a
 * partial one. The wait is bounded, so a stalled keychain never keeps Gatehouse from quitting.
 */
export function createStartupWork(): StartupWork {
  const running = new Set<Promise<void>>();
  return {
    add(work) {
      const tracked: Promise<void> = work.then(forget, forget).finally(() => running.delete(tracked));
      running.add(tracked);
    },
    settled(limitMs = STARTUP_WORK_QUIT_LIMIT_MS) {
      if (running.size === 0) return null;
      return new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, limitMs);
        void Promise.all(running).then(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
  };
}

/** Failures are the work's own to report (both log theirs); quitting only waits. */
const forget = (): void => undefined;
