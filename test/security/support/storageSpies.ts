/**
 * Counters for everything a call could touch behind the boundary: SQLite (every method of
 * better-sqlite3's Database and Statement prototypes, so any connection counts, prepared
 * statements included), the keychain (a counting wrapper around the harness's store), the
 * handler table and the desktop. A hostile call must leave every counter at zero.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { vi, type MockInstance } from 'vitest';
import type { Backend } from '../../../src-main/core/composeBackend';
import { createMemorySecretStore } from '../../../src-main/core/secrets/memorySecretStore';
import type { SecretStore } from '../../../src-main/core/secrets/secretStore';
import { OPERATION_NAMES, type OperationName } from '../../../src-shared/operations';

type AnySpy = MockInstance<(...args: unknown[]) => unknown>;

/** Own function-valued methods of a prototype, except the ones that do no database work. */
function methodsOf(prototype: object): string[] {
  return Object.getOwnPropertyNames(prototype).filter(
    (name) =>
      name !== 'constructor' && name !== 'toString' && typeof Object.getOwnPropertyDescriptor(prototype, name)?.value === 'function',
  );
}

/** The native Statement class is not exported: reach its prototype through a throwaway statement. */
function statementPrototype(): object {
  const probe = new Database(':memory:');
  try {
    return Object.getPrototypeOf(probe.prepare('SELECT 1')) as object;
  } finally {
    probe.close();
  }
}

function countCalls(spies: readonly AnySpy[]): number {
  return spies.reduce((total, spy) => total + spy.mock.calls.length, 0);
}

/** Spies on every SQLite call in this process. Install after set-up; restore when done. */
export function spyOnSqlite() {
  const targets = { Database: Database.prototype, Statement: statementPrototype() };
  const watched = Object.entries(targets).flatMap(([label, prototype]) =>
    methodsOf(prototype).map((name) => ({
      method: `${label}.${name}`,
      spy: vi.spyOn(prototype as Record<string, (...args: unknown[]) => unknown>, name) as AnySpy,
    })),
  );
  const spies = watched.map(({ spy }) => spy);
  return {
    /** Which methods are watched ("Statement.run", …), so a test can show the list is complete. */
    methods: watched.map(({ method }) => method),
    calls: (): number => countCalls(spies),
    reset: (): void => spies.forEach((spy) => spy.mockClear()),
    restore: (): void => spies.forEach((spy) => spy.mockRestore()),
  };
}

/** An in-memory keychain that counts every call reaching it (pass it to createBackendHarness). */
export function createCountingSecretStore() {
  const inner = createMemorySecretStore();
  let calls = 0;
  const count = <T>(work: () => Promise<T>): Promise<T> => {
    calls += 1;
    return work();
  };
  const store: SecretStore & { readonly entries: Map<string, string> } = {
    entries: inner.entries,
    get: (key) => count(() => inner.get(key)),
    set: (key, value) => count(() => inner.set(key, value)),
    delete: (key) => count(() => inner.delete(key)),
    keys: () => count(() => inner.keys()),
  };
  return {
    store,
    calls: (): number => calls,
    reset: (): void => void (calls = 0),
    /** The keychain's content, to compare before and after. */
    snapshot: (): [string, string][] => [...inner.entries].sort(([a], [b]) => a.localeCompare(b)),
  };
}

/** Spies on every handler of the table behind dispatch (dispatch looks them up per call). */
export function spyOnHandlers(backend: Backend) {
  const table = backend.handlers as unknown as Record<OperationName, (input: unknown) => Promise<unknown>>;
  const spies = new Map(OPERATION_NAMES.map((name) => [name, vi.spyOn(table, name) as unknown as AnySpy]));
  return {
    spies,
    calls: (): number => countCalls([...spies.values()]),
    reset: (): void => spies.forEach((spy) => spy.mockClear()),
    restore: (): void => spies.forEach((spy) => spy.mockRestore()),
  };
}

/**
 * The database as a second, read-only connection sees it: PRAGMA integrity_check and every
 * table's rows (sorted, so the comparison does not depend on the query plan). Reads through
 * better-sqlite3 too, so take it outside the window in which SQLite calls are counted.
 */
export function readDatabaseState(dataDir: string): { integrity: string; tables: Record<string, string[]> } {
  const db = new Database(join(dataDir, 'gatehouse.db'), { readonly: true });
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((row) => row.integrity_check).join('; ');
    const names = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all() as string[];
    const tables = Object.fromEntries(
      names.map((name) => {
        const rows = db.prepare(`SELECT * FROM "${name.replaceAll('"', '""')}"`).all() as unknown[];
        // Blobs serialise through Buffer#toJSON, byte by byte.
        return [name, rows.map((row) => JSON.stringify(row)).sort()];
      }),
    );
    return { integrity, tables };
  } finally {
    db.close();
  }
}
