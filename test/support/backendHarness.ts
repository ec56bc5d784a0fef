import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OperationInput, OperationOutput } from '../../src-shared/contract';
import type { OperationName } from '../../src-shared/operations';
import type { Result } from '../../src-shared/result';
import type { Backend } from '../../src-main/core/composeBackend';
import type { Logger } from '../../src-main/core/logger';
import type { SecretStore } from '../../src-main/core/secrets/secretStore';
import type { PasswordHasher, ScryptParameters } from '../../src-main/core/security/passwordHasher';
import { createFakeClock } from './fakeClock';
import { createFakeDesktop } from './fakeDesktop';
import { createFaultySecretStore } from './faultySecretStore';
import { composeTestBackend } from './testBackend';

export { TEST_RECOVERY_SCRYPT, TEST_SCRYPT } from './cheapScrypt';

export interface HarnessOptions {
  readonly hasher?: PasswordHasher;
  readonly logger?: Logger;
  /** Another keychain (e.g. the real keytar store) to wrap instead of the in-memory one. */
  readonly secretStore?: SecretStore;
  /** Another data directory (two harnesses may share one keychain). */
  readonly dataDir?: string;
  /** Recovery-code scrypt parameters; cheap by default. */
  readonly recoveryCodeScrypt?: ScryptParameters;
}

/**
 * A real backend on a real SQLite file in a temp folder, with a fake clock, an in-memory keychain
 * that can be made to fail, and a recording desktop, called through the same dispatch the IPC
 * layer uses.
 */
export function createBackendHarness(options: HarnessOptions = {}) {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'gatehouse-test-'));
  const clock = createFakeClock();
  const secretStore = createFaultySecretStore(options.secretStore);
  const desktop = createFakeDesktop();
  let hasher = options.hasher;
  const open = (): Backend =>
    composeTestBackend({
      dataDir,
      clock,
      secretStore,
      desktop: desktop.desktop,
      passwordHasher: hasher,
      recoveryCodeScrypt: options.recoveryCodeScrypt,
      logger: options.logger,
    });
  let backend = open();

  return {
    dataDir,
    clock,
    secretStore,
    desktop,
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
