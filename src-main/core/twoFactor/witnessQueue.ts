import type { Logger } from '../logger';

export type WitnessQueue = ReturnType<typeof createWitnessQueue>;

/**
 * Mirrors two-factor changes to the keychain witness after each commit, in the background: one
 * account at a time, each as it is by then (a burst of changes costs one keychain write). Nothing
 * waits for it, so a slow or stalled keychain never delays a sign-in; if the keychain fails, the
 * witness stays behind until the account's next change or the next start (see syncWitness).
 */
export function createWitnessQueue(logger: Logger, sync: (accountId: string) => Promise<unknown>) {
  const due = new Set<string>();
  let draining: Promise<void> | null = null;
  let failing = false;

  async function drain(): Promise<void> {
    for (let next = first(due); next !== undefined; next = first(due)) {
      due.delete(next);
      try {
        await sync(next);
        failing = false;
      } catch (error) {
        if (!failing)
          logger.warn(
            `two-factor witness not updated (${error instanceof Error ? error.name : typeof error}); retried at the next change or start`,
          );
        failing = true;
      }
    }
    draining = null;
  }

  return {
    schedule(accountIds: readonly string[]): void {
      for (const accountId of accountIds) due.add(accountId);
      draining ??= drain();
    },
    /** Settles once every scheduled account has been mirrored (or failed). */
    async idle(): Promise<void> {
      while (draining) await draining;
    },
  };
}

const first = (set: ReadonlySet<string>): string | undefined => set.values().next().value;
