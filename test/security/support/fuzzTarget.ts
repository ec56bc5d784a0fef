/**
 * A real backend with data worth protecting (two accounts, ADA signed in with two-factor
 * authentication active), and counters on everything behind the boundary. The counters are
 * installed after set-up, so they start at zero and only see the calls under test.
 */
import { expect } from 'vitest';
import { createBackendHarness, expectOk } from '../../support/backendHarness';
import { activateTwoFactor } from '../../support/twoFactorSteps';
import { createCountingSecretStore, readDatabaseState, spyOnHandlers, spyOnSqlite } from './storageSpies';
import { VALID_EXAMPLES } from './validExamples';

export const BOB = { name: 'Bob Babbage', email: 'bob@example.com', password: 'difference engine 1822' } as const;

export async function createFuzzTarget() {
  const keychain = createCountingSecretStore();
  const harness = createBackendHarness({ secretStore: keychain.store });
  expectOk(await harness.call('createAccount', BOB));
  await activateTwoFactor(harness);
  await harness.backend.reconciled;

  const sqlite = spyOnSqlite();
  const handlers = spyOnHandlers(harness.backend);
  // Screen protection counts too: a refused call must not lift it (or set it) either.
  const desktopActions = () => harness.desktop.copied.length + harness.desktop.saved.length + harness.desktop.protections.length;
  let desktopBaseline = desktopActions();

  return {
    harness,
    keychain,
    sqlite,
    handlers,
    /** How often each kind of storage or effect was reached since the last reset. */
    touched: () => ({
      handlers: handlers.calls(),
      sqlite: sqlite.calls(),
      keychain: keychain.calls(),
      desktop: desktopActions() - desktopBaseline,
    }),
    reset(): void {
      sqlite.reset();
      handlers.reset();
      keychain.reset();
      desktopBaseline = desktopActions();
    },
    /** Database (integrity and rows) and keychain content; resets the counters it moves. */
    snapshot() {
      const state = { database: readDatabaseState(harness.dataDir), keychain: keychain.snapshot() };
      this.reset();
      return state;
    },
    cleanup(): void {
      sqlite.restore();
      handlers.restore();
      harness.cleanup();
    },
  };
}

export type FuzzTarget = Awaited<ReturnType<typeof createFuzzTarget>>;

/** A valid call moves every counter: their zeros above are not the zeros of dead spies. */
export async function expectCountersSeeARealCall(target: FuzzTarget): Promise<void> {
  expect(target.sqlite.methods).toEqual(
    expect.arrayContaining(['Database.prepare', 'Database.exec', 'Database.pragma', 'Database.transaction']),
  );
  expect(target.sqlite.methods).toEqual(expect.arrayContaining(['Statement.run', 'Statement.get', 'Statement.all', 'Statement.iterate']));
  target.reset();
  // Copying the recovery codes reads the database and the keychain and writes to the clipboard.
  expect((await target.harness.backend.dispatch('copyToClipboard', VALID_EXAMPLES.copyToClipboard)).ok).toBe(true);
  expect(target.handlers.spies.get('copyToClipboard')).toHaveBeenCalledTimes(1);
  const touched = target.touched();
  expect(touched.sqlite).toBeGreaterThan(0);
  expect(touched.keychain).toBeGreaterThan(0);
  expect(touched).toMatchObject({ handlers: 1, desktop: 1 });
}
