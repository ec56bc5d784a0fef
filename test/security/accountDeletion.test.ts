import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECOND_FACTOR_MAX_FAILURES } from '../../src-shared/twoFactorRules';
import { ADA, createBackendHarness, expectOk } from '../support/backendHarness';
import { createFakeClock } from '../support/fakeClock';
import { activateTwoFactor, codeAt, queryDatabase, STEP_MS } from '../support/twoFactorSteps';
import { buildCrashChild, runCrashChild } from './support/crashChildProcess';
import { LIST_KEYCHAIN } from './support/crashPlan';
import { startPrivateSecretService, type PrivateSecretService } from './support/keychainPrivateService';
import { expectScript, findSecrets, SETUP, setupSecrets } from './support/keychainScenario';
import { recordSecurityCheck } from '../support/securityCheck';

/**
 * Deleting an account is the most destructive thing a session can do, so it asks for everything
 * again: the password (guesses meet the sign-in backoff) and the second factor (guesses meet the
 * second-factor lock; a used code is refused; a burst of one code deletes once). And it must not
 * depend on the keychain: with the keychain locked it still deletes, and the next start cleans up
 * (and leaves the account's tombstone, which keeps a restored backup from bringing it back).
 */
describe('deleting an account', () => {
  it('meets the sign-in backoff and the second-factor lock; one code deletes once', async (ctx) => {
    const harness = createBackendHarness();
    let attempts = 0;
    const attempt = (input: { password: string; code?: string; recoveryCode?: string }) => {
      attempts += 1;
      return harness.call('deleteAccount', input);
    };
    try {
      const { secret, recoveryCodes } = await activateTwoFactor(harness);
      const activationCode = await codeAt(harness, secret);
      // The code that activated two-factor authentication cannot also delete the account.
      expect(await attempt({ password: ADA.password, code: activationCode })).toMatchObject({ error: { code: 'INVALID_CODE' } });
      harness.clock.advance(STEP_MS);

      // Wrong passwords (with a right code, which is never used up by them) start the backoff sign-in shares.
      const code = await codeAt(harness, secret);
      for (let guess = 0; guess < 5; guess += 1)
        expect(await attempt({ password: `guess ${guess}`, code })).toMatchObject({ error: { code: 'WRONG_PASSWORD' } });
      expect(await attempt({ password: ADA.password, code })).toMatchObject({ error: { code: 'RATE_LIMITED' } });
      expectOk(await harness.call('signOut', {}));
      expect(await harness.call('signIn', { email: ADA.email, password: ADA.password })).toMatchObject({ error: { code: 'RATE_LIMITED' } });
      harness.clock.advance(60 * 60 * 1000);
      expect(expectOk(await harness.call('signIn', { email: ADA.email, password: ADA.password })).challenge).toBeDefined();
      expectOk(await harness.call('submitRecoveryCode', { code: recoveryCodes.codes[0]!.code }));

      // Wrong codes after the right password lock the second factor, one failure count with sign-in's.
      for (let guess = 1; guess < SECOND_FACTOR_MAX_FAILURES; guess += 1) {
        expect(await attempt({ password: ADA.password, recoveryCode: 'zzzzz-zzzzz' })).toMatchObject({ error: { code: 'INVALID_CODE' } });
      }
      expect(await attempt({ password: ADA.password, recoveryCode: recoveryCodes.codes[0]!.code })).toMatchObject({
        error: { code: 'SECOND_FACTOR_LOCKED' },
      });
      harness.clock.advance(15 * 60 * 1000);
      expectOk(await harness.call('signOut', {}));
      expect(expectOk(await harness.call('signIn', { email: ADA.email, password: ADA.password })).challenge).toBeDefined();
      expectOk(await harness.call('submitRecoveryCode', { code: recoveryCodes.codes[1]!.code }));

      // The same fresh code three times at once: exactly one deletion, the others find no session.
      harness.clock.advance(STEP_MS);
      const fresh = await codeAt(harness, secret);
      attempts += 2;
      const burst = await Promise.all([1, 2, 3].map(() => harness.call('deleteAccount', { password: ADA.password, code: fresh })));
      expect(burst.filter((result) => result.ok)).toEqual([{ ok: true, value: { accountsLeft: 0 } }]);
      expect(burst.filter((result) => !result.ok).map((result) => !result.ok && result.error.code)).toEqual([
        'NOT_SIGNED_IN',
        'NOT_SIGNED_IN',
      ]);
      expect(queryDatabase(harness, 'SELECT * FROM accounts')).toEqual([]);
      recordSecurityCheck(ctx, {
        area: 'Brute force and replay',
        check: 'delete account: password backoff, code lock, replay, burst',
        tried: attempts,
        unit: 'attempts',
      });
    } finally {
      harness.cleanup();
    }
  });

  describe('with the real keychain locked', () => {
    const setupAt = createFakeClock().now();
    const lockedAt = setupAt + 2 * STEP_MS;
    let bundle: string;
    let secretService: PrivateSecretService;
    let dataDir: string;
    beforeAll(async () => {
      [bundle, secretService] = await Promise.all([buildCrashChild('account-deletion'), startPrivateSecretService()]);
      dataDir = mkdtempSync(join(tmpdir(), 'gatehouse-deletion-'));
    }, 60_000);
    afterAll(() => {
      secretService?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('still deletes; after the next start the entries it could not remove are gone, and only its tombstone is left', async (ctx) => {
      const service = `Gatehouse-deletion-${randomUUID()}`;
      const run = async (steps: Parameters<typeof expectScript>[0], nowMs: number, phase: string) => {
        const child = await runCrashChild(bundle, { dataDir, service, nowMs, steps }, secretService.env);
        expect({ code: child.code, signal: child.signal }, `${phase}\n${child.output}`).toEqual({ code: 0, signal: null });
        expectScript(steps, child.results, phase);
        return child;
      };
      const setup = await run(SETUP, setupAt, 'setup');
      const { secret, codes } = setupSecrets(setup.results);
      const installationId = readInstallationId(dataDir);

      secretService.lock();
      const ada = { email: ADA.email, password: ADA.password };
      const deletion = await run(
        [
          { op: 'signIn', payload: ada, expect: 'ok' },
          { op: 'submitRecoveryCode', payload: { code: codes[0]! }, expect: 'ok' },
          { op: 'deleteAccount', payload: { password: ADA.password, recoveryCode: codes[1]! }, expect: 'ok' },
        ],
        lockedAt,
        'locked',
      );
      expect(deletion.output).toContain("a deleted account's keychain entries: the keychain refused; removed at the next start");
      expect(secretService.isLocked()).toBe(true);
      secretService.unlock();

      const restart = await run([{ op: LIST_KEYCHAIN, expect: 'ok' }], lockedAt + STEP_MS, 'unlocked, restarted');
      const keys = restart.results.get(0) as string[];
      const [deletedId] = readColumn(dataDir, 'SELECT account_id FROM deleted_accounts');
      expect(keys.filter((key) => key.startsWith(`${installationId}/`))).toEqual([`${installationId}/witness/${deletedId}`]);
      expect(readColumn(dataDir, 'SELECT email FROM accounts')).toEqual(['bob@example.com']);
      expect(findSecrets(dataDir, [setup.output, deletion.output, restart.output], secret, codes)).toEqual([]);
      recordSecurityCheck(ctx, {
        area: 'Faults',
        check: 'delete account with the keychain locked, then a restart',
        tried: 3,
        unit: 'app starts',
      });
    });
  });
});

function readInstallationId(dataDir: string): string {
  const db = new Database(join(dataDir, 'gatehouse.db'), { readonly: true });
  try {
    return (db.prepare("SELECT value FROM meta WHERE key = 'installation_id'").get() as { value: string }).value;
  } finally {
    db.close();
  }
}

/** The first column of every row `sql` selects, read straight from the file. */
function readColumn(dataDir: string, sql: string): string[] {
  const db = new Database(join(dataDir, 'gatehouse.db'), { readonly: true });
  try {
    return db.prepare(sql).pluck().all() as string[];
  } finally {
    db.close();
  }
}
