import type { Logger } from '../logger';

/**
 * How long a clean-up waits for the keychain. An unlock prompt nobody answers keeps a call open
 * indefinitely; after this long the entry is left to start-up reconciliation instead.
 */
export const KEYCHAIN_CLEANUP_DEADLINE_MS = 10_000;

export type KeychainCleanup = ReturnType<typeof createKeychainCleanup>;

/**
 * Best-effort keychain clean-ups (removing entries nothing needs any more), each settled within
 * `deadlineMs` whatever the keychain does. A failure, or a keychain that never answers, is logged
 * and left to start-up reconciliation, which removes every entry SQLite does not name. Callers may
 * await a clean-up or let it run in the background; `idle` tells when all have settled.
 */
export function createKeychainCleanup(logger: Logger, deadlineMs: number = KEYCHAIN_CLEANUP_DEADLINE_MS) {
  const running = new Set<Promise<void>>();

  async function settle(what: string, work: () => Promise<unknown>): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), deadlineMs);
      timer.unref?.(); // a stalled keychain must not keep the process alive either
    });
    try {
      // Started at once, not on a later tick: a keychain that answers at once is cleaned at once.
      if ((await Promise.race([work(), late])) === 'late') logger.warn(`${what}: the keychain did not answer; removed at the next start`);
    } catch {
      logger.warn(`${what}: the keychain refused; removed at the next start`);
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    /** Never rejects; settles within the deadline. */
    run(what: string, work: () => Promise<unknown>): Promise<void> {
      const done = settle(what, work);
      running.add(done);
      void done.then(() => running.delete(done));
      return done;
    },
    /** Settles once every clean-up started so far (and any started meanwhile) has settled. */
    async idle(): Promise<void> {
      while (running.size > 0) await Promise.all(running);
    },
  };
}
