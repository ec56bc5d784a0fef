import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../../src-main/core/clock';
import { composeBackend, type Backend } from '../../src-main/core/composeBackend';
import { silentLogger } from '../../src-main/core/logger';
import { createMemorySecretStore } from '../../src-main/core/secrets/memorySecretStore';
import type { DesktopIntegration } from '../../src-main/core/desktop/desktopIntegration';
import type { PasswordHasher, ScryptParameters } from '../../src-main/core/security/passwordHasher';

export interface BenchBackend {
  readonly backend: Backend;
  readonly dataDir: string;
  /** Closes the backend and deletes its data directory. */
  cleanup(): void;
}

/** A fresh, empty data directory on the same disk a user's data would be on (os.tmpdir()). */
export const makeDataDir = (): string => mkdtempSync(join(tmpdir(), 'gatehouse-bench-'));

/** The bench never copies or saves anything (and its databases are never damaged): the desktop port does nothing. */
const noDesktop: DesktopIntegration = {
  copyText: async () => undefined,
  protectScreen: () => undefined,
  saveTextFile: async () => null,
  chooseDatabaseRecovery: async () => 'quit',
};

export interface BenchBackendOptions {
  readonly dataDir?: string;
  readonly hasher?: PasswordHasher;
  readonly clock?: Clock;
  readonly recoveryCodeScrypt?: ScryptParameters;
}

/**
 * The real backend (composeBackend: dispatch, handler table, SQLite with the app's pragmas) on
 * `dataDir`, with the in-memory keychain (the OS keychain would measure D-Bus, not Gatehouse)
 * and no logging. Resolves once start-up keychain reconciliation has finished.
 */
export async function openBenchBackend(options: BenchBackendOptions = {}): Promise<BenchBackend> {
  const dataDir = options.dataDir ?? makeDataDir();
  const backend = composeBackend({
    dataDir,
    secretStore: createMemorySecretStore(),
    desktop: noDesktop,
    logger: silentLogger,
    ...(options.hasher ? { passwordHasher: options.hasher } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.recoveryCodeScrypt ? { recoveryCodeScrypt: options.recoveryCodeScrypt } : {}),
  });
  await backend.reconciled;
  return {
    backend,
    dataDir,
    cleanup() {
      backend.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Calls dispatch (validation + handler table, the path every IPC call takes) and throws on an error result. */
export async function call(backend: Backend, operation: string, payload: unknown = {}): Promise<unknown> {
  const result = await backend.dispatch(operation, payload);
  if (!result.ok) throw new Error(`bench: ${operation} failed: ${result.error.code} ${result.error.message}`);
  return result.value;
}
