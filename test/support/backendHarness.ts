import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OperationInput, OperationOutput } from '../../src-shared/contract';
import type { OperationName } from '../../src-shared/operations';
import type { Result } from '../../src-shared/result';
import { composeBackend, type Backend } from '../../src-main/core/composeBackend';
import { silentLogger, type Logger } from '../../src-main/core/logger';
import { createMemorySecretStore } from '../../src-main/core/secrets/memorySecretStore';
import { createScryptHasher, type PasswordHasher, type ScryptParameters } from '../../src-main/core/security/passwordHasher';
import { createFakeClock } from './fakeClock';

/** Cheap scrypt parameters so use-case tests run fast; the OWASP cost is tested on its own. */
export const TEST_SCRYPT: ScryptParameters = { logN: 10, r: 8, p: 1 };

/**
 * A real backend on a real SQLite file in a temp folder, with a fake clock and
 * the in-memory keychain, called through the same dispatch the IPC layer uses.
 */
export function createBackendHarness(options: { hasher?: PasswordHasher; logger?: Logger } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'gatehouse-test-'));
  const clock = createFakeClock();
  const secretStore = createMemorySecretStore();
  let hasher = options.hasher ?? createScryptHasher(TEST_SCRYPT);
  const open = (): Backend =>
    composeBackend({ dataDir, clock, secretStore, passwordHasher: hasher, logger: options.logger ?? silentLogger });
  let backend = open();

  return {
    dataDir,
    clock,
    secretStore,
    get backend() {
      return backend;
    },
    call<K extends OperationName>(operation: K, payload: OperationInput<K>): Promise<Result<OperationOutput<K>>> {
      return backend.dispatch(operation, payload) as Promise<Result<OperationOutput<K>>>;
    },
    /** Closes and reopens the backend on the same data directory, like restarting the app. */
    reopen(next: { hasher?: PasswordHasher } = {}): void {
      backend.close();
      if (next.hasher) hasher = next.hasher;
      backend = open();
    },
    cleanup(): void {
      backend.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type BackendHarness = ReturnType<typeof createBackendHarness>;

export function expectOk<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

export const ADA = { name: 'Ada Lovelace', email: 'ada@example.com', password: 'analytical engine 1843' } as const;
