/**
 * A busy database (issue 4, Faults): while another connection holds the write lock (BEGIN
 * IMMEDIATE on the same file), the writes behind sign-in's failure count, createAccount,
 * confirmTwoFactorEnrollment and regenerateRecoveryCodes fail within a bounded time with
 * STORAGE_BUSY and its message, leave no partial state (no row, no change, no keychain entry the
 * database does not name once reconciled), and succeed when retried after the lock is released.
 * Runs against the real (private) Secret Service.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src-shared/errors';
import type { Result } from '../../src-shared/result';
import { BUSY_TIMEOUT_MS, DATABASE_FILE_NAME, openDatabase } from '../../src-main/core/db/openDatabase';
import { createKeytarSecretStore } from '../../src-main/core/secrets/keytarSecretStore';
import { ADA, createBackendHarness, expectOk, type BackendHarness } from '../support/backendHarness';
import { activateTwoFactor, codeAt, queryDatabase } from '../support/twoFactorSteps';
import { expectWitnessesInSync } from '../support/witness';
import { recordSecurityCheck } from '../support/securityCheck';

const GRACE = { name: 'Grace Hopper', email: 'grace@example.com', password: 'cobol compiler 1959' } as const;

const keychain = createKeytarSecretStore(`Gatehouse-busy-test-${randomUUID()}`);
afterAll(async () => {
  for (const key of await keychain.keys()) await keychain.delete(key);
});

/** Runs `attempt` while a second real connection holds the write lock; returns its result and duration (for the log only). */
async function whileLocked<T>(harness: BackendHarness, attempt: () => Promise<Result<T>>) {
  const other = new Database(join(harness.dataDir, DATABASE_FILE_NAME));
  other.exec('BEGIN IMMEDIATE');
  const started = performance.now();
  try {
    const result = await attempt();
    return { result, ms: performance.now() - started };
  } finally {
    other.exec('ROLLBACK');
    other.close();
  }
}

/**
 * STORAGE_BUSY is what SQLite answers once the busy handler gives up, so the write waited for the
 * lock, and only as long as the connection's busy_timeout (checked below, on the connection the
 * backend opens) allows. No wall-clock bound: a loaded machine stretches it (scrypt, keychain IPC).
 */
function expectBusy(outcome: { result: Result<unknown>; ms: number }): void {
  expect(outcome.result).toEqual({ ok: false, error: { code: 'STORAGE_BUSY', message: MESSAGES.storageBusy } });
}

describe('a busy database', () => {
  it('fails each write within a bounded time with STORAGE_BUSY, leaves no partial state, and works on retry', async (ctx) => {
    const harness = createBackendHarness({ secretStore: keychain });
    const row = <T>(sql: string, ...params: unknown[]) => queryDatabase<T>(harness, sql, ...params)[0];
    const installationId = row<{ value: string }>("SELECT value FROM meta WHERE key = 'installation_id'")!.value;
    const entries = async () => (await keychain.keys()).filter((key) => key.startsWith(`${installationId}/`)).sort();
    const durations: number[] = [];
    const busy = async <T>(attempt: () => Promise<Result<T>>) => {
      const outcome = await whileLocked(harness, attempt);
      expectBusy(outcome);
      durations.push(Math.round(outcome.ms));
    };
    try {
      // The bound on each wait: the connection the backend opens (openDatabase) gives up after BUSY_TIMEOUT_MS.
      const connection = openDatabase(harness.dataDir);
      expect(connection.pragma('busy_timeout', { simple: true })).toBe(BUSY_TIMEOUT_MS);
      connection.close();

      await activateTwoFactor(harness);
      await harness.backend.idle(); // its witness is written in the background
      const ada = row<{ id: string }>('SELECT id FROM accounts WHERE email = ?', ADA.email)!;
      const setBefore = row<{ recovery_set_id: string }>('SELECT recovery_set_id FROM two_factor WHERE account_id = ?', ada.id)!;
      const entriesBefore = await entries();

      // regenerateRecoveryCodes: the old set stays the current one, in the database and the keychain.
      await busy(() => harness.call('regenerateRecoveryCodes', { password: ADA.password }));
      expect(row('SELECT recovery_set_id FROM two_factor WHERE account_id = ?', ada.id)).toEqual(setBefore);
      // The unused new set's keychain entry is removed at once, not only at the next start.
      expect(await entries()).toEqual(entriesBefore);
      expectOk(await harness.call('regenerateRecoveryCodes', { password: ADA.password }));
      expect(row('SELECT recovery_set_id FROM two_factor WHERE account_id = ?', ada.id)).not.toEqual(setBefore);
      expectOk(await harness.call('signOut', {}));

      // signIn with a wrong password: the failure is not half-recorded; the retry counts it once.
      await busy(() => harness.call('signIn', { email: ADA.email, password: 'not the password at all' }));
      expect(row('SELECT failed_sign_ins FROM accounts WHERE id = ?', ada.id)).toEqual({ failed_sign_ins: 0 });
      expect((await harness.call('signIn', { email: ADA.email, password: 'not the password at all' })).ok).toBe(false);
      expect(row('SELECT failed_sign_ins FROM accounts WHERE id = ?', ada.id)).toEqual({ failed_sign_ins: 1 });

      // createAccount: no row, no session; the retry creates it.
      await busy(() => harness.call('createAccount', GRACE));
      expect(row('SELECT count(*) AS n FROM accounts WHERE email = ?', GRACE.email)).toEqual({ n: 0 });
      expect(expectOk(await harness.call('getSession', {})).session).toBeNull();
      expectOk(await harness.call('createAccount', GRACE));

      // confirmTwoFactorEnrollment: not active, and the keychain holds no active secret for it; the retry activates.
      const { enrollment } = expectOk(await harness.call('beginTwoFactorEnrollment', { password: GRACE.password }));
      const code = await codeAt(harness, enrollment.secretKey);
      await busy(() => harness.call('confirmTwoFactorEnrollment', { code }));
      expect(expectOk(await harness.call('getTwoFactorStatus', {})).status).toMatchObject({ active: false });
      const grace = row<{ id: string }>('SELECT id FROM accounts WHERE email = ?', GRACE.email)!;
      expect((await entries()).filter((key) => key.includes(`/totp/${grace.id}`) || key.includes(`/recovery/${grace.id}`))).toEqual([]);
      expectOk(await harness.call('confirmTwoFactorEnrollment', { code }));

      // After a restart's reconciliation the keychain holds exactly what the database names.
      harness.reopen();
      await harness.backend.reconciled;
      const named = queryDatabase<{ account_id: string; recovery_set_id: string }>(
        harness,
        'SELECT account_id, recovery_set_id FROM two_factor',
      );
      const expected = named.flatMap((r) => [
        `${installationId}/totp/${r.account_id}`,
        `${installationId}/recovery/${r.account_id}/${r.recovery_set_id}`,
        `${installationId}/witness/${r.account_id}`,
      ]);
      expect(await entries()).toEqual(expected.sort());
      await expectWitnessesInSync(harness.secretStore, harness.dataDir);
      expect(entriesBefore).toHaveLength(3);
    } finally {
      harness.cleanup();
    }
    expect(durations).toHaveLength(4);
    console.info(`busy database: failed after ${durations.join(', ')} ms (busy_timeout ${BUSY_TIMEOUT_MS} ms)`);
    recordSecurityCheck(ctx, { area: 'Faults', check: 'busy database', tried: durations.length, unit: 'locked writes' });
  });
});
