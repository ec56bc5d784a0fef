import { createMemorySecretStore } from '../../src-main/core/secrets/memorySecretStore';
import { SecretStoreUnavailableError, type SecretStore } from '../../src-main/core/secrets/secretStore';

export type SecretStoreOperation = 'get' | 'set' | 'delete' | 'keys';
const ALL: readonly SecretStoreOperation[] = ['get', 'set', 'delete', 'keys'];

/**
 * Wraps a store (the in-memory one by default) so tests can make the keychain unavailable:
 * for every call of some operations, or from the n-th call on (to fail half-way through a flow).
 */
export function createFaultySecretStore(inner: SecretStore & { entries?: Map<string, string> } = createMemorySecretStore()) {
  const failing = new Map<SecretStoreOperation, number>();
  const calls = new Map<SecretStoreOperation, number>();

  function guard(operation: SecretStoreOperation): void {
    const count = (calls.get(operation) ?? 0) + 1;
    calls.set(operation, count);
    const from = failing.get(operation);
    if (from !== undefined && count >= from) throw new SecretStoreUnavailableError('simulated: keychain locked');
  }

  const store: SecretStore = {
    get: async (key) => (guard('get'), inner.get(key)),
    set: async (key, value) => (guard('set'), inner.set(key, value)),
    delete: async (key) => (guard('delete'), inner.delete(key)),
    keys: async () => (guard('keys'), inner.keys()),
  };
  return {
    ...store,
    inner,
    /** The plain entries of the in-memory store (undefined when wrapping a real keychain). */
    entries: inner.entries ?? new Map<string, string>(),
    /** Makes `operations` fail; with `afterCalls`, only once that many further calls have succeeded. */
    fail(operations: readonly SecretStoreOperation[] = ALL, afterCalls = 0): void {
      for (const operation of operations) failing.set(operation, (calls.get(operation) ?? 0) + afterCalls + 1);
    },
    heal(): void {
      failing.clear();
    },
  };
}

export type FaultySecretStore = ReturnType<typeof createFaultySecretStore>;
