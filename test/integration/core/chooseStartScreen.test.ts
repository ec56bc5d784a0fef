/**
 * The screen a new window opens on, chosen in main before the window exists, on a real SQLite file.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAccountsRepository } from '../../../src-main/core/db/accountsRepository';
import { openDatabase } from '../../../src-main/core/db/openDatabase';
import { ADA, createBackendHarness, expectOk, type BackendHarness } from '../../support/backendHarness';
import { activateTwoFactor, signInToChallenge } from '../../support/twoFactorSteps';

let harness: BackendHarness;
beforeEach(() => {
  harness = createBackendHarness();
});
afterEach(() => harness.cleanup());

describe('startScreen', () => {
  it('is create-account with no accounts, sign-in once there is one, also after a restart', async () => {
    expect(harness.backend.startScreen()).toBe('create-account');
    expectOk(await harness.call('createAccount', ADA));
    expectOk(await harness.call('signOut', {}));
    expect(harness.backend.startScreen()).toBe('sign-in');
    harness.reopen();
    expect(harness.backend.startScreen()).toBe('sign-in');
  });

  it('is null while a session is live: the renderer must ask (a window opened again)', async () => {
    expectOk(await harness.call('createAccount', ADA));
    expect(harness.backend.startScreen()).toBeNull();
  });

  it('is null while a second sign-in step is pending', async () => {
    await activateTwoFactor(harness);
    await signInToChallenge(harness);
    expect(harness.backend.startScreen()).toBeNull();
  });

  it('does not count as activity and changes nothing', async () => {
    expectOk(await harness.call('createAccount', ADA));
    const before = expectOk(await harness.call('getSession', {})).session!.expiresAt;
    harness.clock.advance(60_000);
    harness.backend.startScreen();
    expect(expectOk(await harness.call('getSession', {})).session!.expiresAt).toBe(before);
  });

  it('falls back to null (the renderer asks) when the database cannot be read', () => {
    harness.backend.close();
    expect(harness.backend.startScreen()).toBeNull();
  });
});

describe('accounts.any', () => {
  it('is false for an empty table and true once there is an account', () => {
    const db = openDatabase(harness.dataDir);
    try {
      const accounts = createAccountsRepository(db);
      expect(accounts.any()).toBe(false);
      for (const n of [1, 2, 3]) {
        accounts.insert({ id: `id-${n}`, name: `N ${n}`, email: `n${n}@example.com`, passwordHash: 'x', createdAt: n });
        expect(accounts.any()).toBe(true);
      }
    } finally {
      db.close();
    }
  });
});
