import { createMemorySecretStore } from '../../src-main/core/secrets/memorySecretStore';
import { SecretStoreUnavailableError, type SecretStore } from '../../src-main/core/secrets/secretStore';
import { createPausePoints } from './pausePoints';

export type SecretStoreOperation = 'get' | 'set' | 'delete' | 'keys';
const ALL: readonly SecretStoreOperation[] = ['get', 'set', 'delete', 'keys'];

/**
 * Wraps a store (the in-memory one by default) so tests can make the keychain unavailable:
 * for every call of some operations, or from the n-th call on (to fail half-way through a flow).
 */
export function createFaultySecretStore(inner: SecretStore & { entries?: Map<string, string> } = createMemorySecretStore()) {
  const failing = new Map<SecretStoreOperation, number>();
  const frozen = new Map<SecretStoreOperation, { from: number; perform: boolean }>();
  const calls = new Map<SecretStoreOperation, number>();
  const points = createPausePoints<SecretStoreOperation>();
  const never = new Promise<never>(() => {});
  let onFrozen: () => void = () => {};
  let frozenReached = new Promise<void>((resolve) => (onFrozen = resolve));

  /** A frozen call never settles: the process "crashes" while waiting for the keychain. */
  async function run<T>(operation: SecretStoreOperation, work: () => Promise<T>): Promise<T> {
    guard(operation);
    const freeze = frozen.get(operation);
    if (!freeze || (calls.get(operation) ?? 0) < freeze.from) return points.pass(operation, work);
    if (freeze.perform) await work();
    onFrozen();
    return never;
  }

  function guard(operation: SecretStoreOperation): void {
    const count = (calls.get(operation) ?? 0) + 1;
    calls.set(operation, count);
    const from = failing.get(operation);
    if (from !== undefined && count >= from) throw new SecretStoreUnavailableError('simulated: keychain locked');
  }

  const store: SecretStore = {
    get: (key) => run('get', () => inner.get(key)),
    set: (key, value) => run('set', () => inner.set(key, value)),
    delete: (key) => run('delete', () => inner.delete(key)),
    keys: () => run('keys', () => inner.keys()),
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
    /**
     * From the (afterCalls+1)-th further call of `operation` on, calls never settle, as if the app
     * died there; with `perform`, the keychain change itself happens first (the crash comes right after).
     */
    freeze(operation: SecretStoreOperation, { afterCalls = 0, perform = false } = {}): void {
      frozen.set(operation, { from: (calls.get(operation) ?? 0) + afterCalls + 1, perform });
    },
    /** Holds the answer of the (afterCalls+1)-th further call of `operation` until released (it is performed first). */
    hold: points.hold,
    /** Resolves once a frozen call has been reached (the simulated crash has happened). */
    crashed: (): Promise<void> => frozenReached,
    heal(): void {
      failing.clear();
      frozen.clear();
      frozenReached = new Promise<void>((resolve) => (onFrozen = resolve));
    },
  };
}

export type FaultySecretStore = ReturnType<typeof createFaultySecretStore>;
