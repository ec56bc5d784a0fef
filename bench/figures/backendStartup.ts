import { rmSync } from 'node:fs';
import { composeBackend } from '../../src-main/core/composeBackend';
import { silentLogger } from '../../src-main/core/logger';
import { keytarKeychainFor } from '../../src-main/core/secrets/keytarSecretStore';
import { call, makeDataDir } from '../lib/benchBackend';
import type { Figure } from '../lib/figure';
import { PLACEHOLDER_HASH } from '../lib/hashers';
import { seedDatabase } from '../lib/seedDatabase';
import { timeMs } from '../lib/stats';

/**
 * The main process's share of start-up, in a fresh process each time: composing the backend
 * (opening and migrating SQLite, preparing statements) with the real keychain adapter, then the
 * two calls the renderer makes before it shows the sign-in screen (getSession, then listAccounts),
 * and separately how long start-up keychain reconciliation takes (it runs in the background).
 * Diagnostic: no target of its own; it explains the in-page part of the start-up figure.
 */
export const backendStartup: Figure = {
  id: 'backendStartup',
  title: 'Backend start-up (fresh process)',
  processes: 5,
  // Each process measures once: only the first calls of a process are cold.
  async run() {
    const dataDir = makeDataDir();
    try {
      // Seeded straight into SQLite, so no core code has run in this process before the timing.
      seedDatabase(dataDir, { accounts: 1, events: 0, heavyEvery: 1, passwordHash: PLACEHOLDER_HASH, before: Date.now() });

      const desktop = {
        copyText: async () => undefined,
        protectScreen: () => undefined,
        saveTextFile: async () => null,
        chooseDatabaseRecovery: async () => 'quit' as const,
      };
      const started = performance.now();
      const backend = composeBackend({ dataDir, secretStore: keytarKeychainFor(), desktop, logger: silentLogger });
      const composeMs = performance.now() - started;
      const firstCallsMs = await timeMs(async () => {
        await call(backend, 'getSession');
        await call(backend, 'listAccounts');
      });
      await backend.reconciled;
      const reconciledMs = performance.now() - started;
      const warmCallsMs = await timeMs(async () => {
        await call(backend, 'getSession');
        await call(backend, 'listAccounts');
      });
      backend.close();
      return {
        rows: [
          {
            id: 'backendStartup.compose',
            label: 'composeBackend (open SQLite, prepare statements, keychain adapter)',
            unit: 'ms',
            samples: [composeMs],
          },
          {
            id: 'backendStartup.firstCalls',
            label: 'First getSession + listAccounts after compose',
            unit: 'ms',
            samples: [firstCallsMs],
            baseline: { label: 'the same calls, warm', samples: [warmCallsMs] },
          },
          {
            id: 'backendStartup.reconciled',
            label: 'Start-up keychain reconciliation done (background)',
            unit: 'ms',
            samples: [reconciledMs],
          },
        ],
      };
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
