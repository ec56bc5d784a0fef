import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MESSAGES } from '../../../../src-shared/errors';
import { SECOND_FACTOR_MAX_FAILURES } from '../../../../src-shared/twoFactorRules';
import { decodeWitness } from '../../../../src-main/core/twoFactor/twoFactorWitness';
import { ADA, createBackendHarness, expectOk, type BackendHarness } from '../../../support/backendHarness';
import { activateTwoFactor, codeAt, queryDatabase, STEP_MS } from '../../../support/twoFactorSteps';

const BOB = { name: 'Bob Babbage', email: 'bob@example.com', password: 'difference engine 1822' } as const;

/** How many rows each account-owned table has for `accountId`. */
function rowsOf(
  harness: BackendHarness,
  accountId: string,
): Record<'accounts' | 'security_events' | 'two_factor' | 'recovery_codes', number> {
  const count = (table: string, column: string) =>
    queryDatabase<{ n: number }>(harness, `SELECT count(*) AS n FROM ${table} WHERE ${column} = ?`, accountId)[0]!.n;
  return {
    accounts: count('accounts', 'id'),
    security_events: count('security_events', 'account_id'),
    two_factor: count('two_factor', 'account_id'),
    recovery_codes: count('recovery_codes', 'account_id'),
  };
}

/** The kinds of keychain entry held (`<installation>/<kind>/<account>…`), sorted. */
const keychainKinds = (harness: BackendHarness) => [...harness.secretStore.entries.keys()].map((key) => key.split('/')[1]).sort();

const NONE = { accounts: 0, security_events: 0, two_factor: 0, recovery_codes: 0 };
/** What the keychain holds once an account is deleted: its tombstone, saying when (and nothing else). */
const tombstoneOnly = (harness: BackendHarness) => [...harness.secretStore.entries.values()].map((stored) => decodeWitness(stored));
const failedSignIns = (harness: BackendHarness) =>
  queryDatabase<{ n: number }>(harness, 'SELECT failed_sign_ins AS n FROM accounts WHERE email = ?', ADA.email)[0]?.n;

describe('deleting an account without two-factor authentication', () => {
  let harness: BackendHarness;
  let adaId: string;
  beforeEach(async () => {
    harness = createBackendHarness();
    adaId = expectOk(await harness.call('createAccount', ADA)).session.account.id;
  });
  afterEach(() => harness.cleanup());

  it('asks for the password, counting a wrong one like a failed sign-in, and changes nothing then', async () => {
    expect(await harness.call('deleteAccount', { password: 'not the password' })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSWORD', fields: { password: MESSAGES.wrongPassword } },
    });
    expect(failedSignIns(harness)).toBe(1);
    expect(rowsOf(harness, adaId).accounts).toBe(1);
    expect(expectOk(await harness.call('listSecurityEvents', { limit: 1 })).events[0]?.kind).toBe('password_check_failed');
  });

  it('removes the account and its log, signs out, and the email no longer signs in; a tombstone stays', async () => {
    const deletedAt = harness.clock.now();
    expect(expectOk(await harness.call('deleteAccount', { password: ADA.password }))).toEqual({ accountsLeft: 0 });
    expect(rowsOf(harness, adaId)).toEqual(NONE);
    expect(expectOk(await harness.call('getSession', {}))).toEqual({ session: null, endedReason: 'user' });
    expect(expectOk(await harness.call('listAccounts', {})).accounts).toEqual([]);
    expect(await harness.call('signIn', { email: ADA.email, password: ADA.password })).toMatchObject({
      error: { code: 'INVALID_CREDENTIALS' },
    });
    // Without two-factor authentication too: the tombstone is what keeps a restored backup from bringing the account back.
    expect([...harness.secretStore.entries.keys()]).toEqual([expect.stringMatching(new RegExp(`/witness/${adaId}$`))]);
    expect(tombstoneOnly(harness)).toEqual([{ deletedAt }]);
    expect(queryDatabase(harness, 'SELECT * FROM deleted_accounts')).toEqual([{ account_id: adaId, deleted_at: deletedAt }]);
  });

  it('leaves other accounts, and their logs, as they were', async () => {
    expectOk(await harness.call('signOut', {}));
    const bobId = expectOk(await harness.call('createAccount', BOB)).session.account.id;
    expectOk(await harness.call('signOut', {}));
    expectOk(await harness.call('signIn', { email: ADA.email, password: ADA.password }));
    const bobBefore = rowsOf(harness, bobId);

    expect(expectOk(await harness.call('deleteAccount', { password: ADA.password }))).toEqual({ accountsLeft: 1 });
    expect(expectOk(await harness.call('listAccounts', {})).accounts).toEqual([{ id: bobId, name: BOB.name, email: BOB.email }]);
    expect(rowsOf(harness, bobId)).toEqual(bobBefore);
    expect(rowsOf(harness, adaId)).toEqual(NONE);
  });

  it('needs a session, and commits nothing when the session ends while the password is checked', async () => {
    const pending = harness.call('deleteAccount', { password: ADA.password });
    expectOk(await harness.call('signOut', {}));
    expect(await pending).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
    expect(rowsOf(harness, adaId).accounts).toBe(1);
    expect(await harness.call('deleteAccount', { password: ADA.password })).toMatchObject({ error: { code: 'NOT_SIGNED_IN' } });
  });

  it('is refused while the sign-in backoff runs, even with the right password', async () => {
    for (let attempt = 0; attempt < 5; attempt += 1) await harness.call('deleteAccount', { password: 'not the password' });
    expect(await harness.call('deleteAccount', { password: ADA.password })).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    expect(rowsOf(harness, adaId).accounts).toBe(1);
  });
});

describe('deleting an account with two-factor authentication', () => {
  let harness: BackendHarness;
  let adaId: string;
  let secret: string;
  let codes: string[];
  beforeEach(async () => {
    harness = createBackendHarness();
    const activated = await activateTwoFactor(harness);
    secret = activated.secret;
    codes = activated.recoveryCodes.codes.map((entry) => entry.code);
    adaId = queryDatabase<{ id: string }>(harness, 'SELECT id FROM accounts')[0]!.id;
    harness.clock.advance(STEP_MS); // the activation code's step is used
  });
  afterEach(() => harness.cleanup());

  it('asks for a code or a recovery code before the password is checked', async () => {
    expect(await harness.call('deleteAccount', { password: 'not the password' })).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: MESSAGES.secondFactorRequired, fields: { code: MESSAGES.secondFactorRequired } },
    });
    expect(failedSignIns(harness)).toBe(0);
    expect(await harness.call('deleteAccount', { password: ADA.password, code: '123456', recoveryCode: codes[0]! })).toMatchObject({
      error: { code: 'INVALID_INPUT', fields: { form: 'Enter a 6-digit code or a recovery code, not both.' } },
    });
  });

  it('with the password and a fresh code: removes rows, log and every keychain entry; the witness becomes a tombstone', async () => {
    expect(keychainKinds(harness)).toEqual(['recovery', 'totp', 'witness']);
    const code = await codeAt(harness, secret);
    expect(expectOk(await harness.call('deleteAccount', { password: ADA.password, code }))).toEqual({ accountsLeft: 0 });
    expect(rowsOf(harness, adaId)).toEqual(NONE);
    await harness.backend.idle(); // the mirroring of the used code, scheduled by the commit, never lands after the tombstone
    expect(keychainKinds(harness)).toEqual(['witness']);
    expect(tombstoneOnly(harness)).toEqual([{ deletedAt: harness.clock.now() }]);
    expect(expectOk(await harness.call('getSession', {})).session).toBeNull();
  });

  it('a wrong password does not use the code up; a wrong code counts towards the lock', async () => {
    const code = await codeAt(harness, secret);
    expect(await harness.call('deleteAccount', { password: 'not the password', code })).toMatchObject({
      error: { code: 'WRONG_PASSWORD' },
    });
    expect(await harness.call('deleteAccount', { password: ADA.password, code: '000000' === code ? '111111' : '000000' })).toEqual({
      ok: false,
      error: {
        code: 'INVALID_CODE',
        message: MESSAGES.invalidTotpCode,
        fields: { code: MESSAGES.invalidTotpCode },
        attemptsLeft: SECOND_FACTOR_MAX_FAILURES - 1,
      },
    });
    expect(queryDatabase<{ n: number }>(harness, 'SELECT failed_attempts AS n FROM two_factor')[0]!.n).toBe(1);
    expect(expectOk(await harness.call('listSecurityEvents', { limit: 1 })).events[0]?.kind).toBe('two_factor_code_rejected');
    expectOk(await harness.call('deleteAccount', { password: ADA.password, code }));
  });

  it('refuses a code whose time step was already used (replay), as sign-in does', async () => {
    expectOk(await harness.call('signOut', {}));
    expectOk(await harness.call('signIn', { email: ADA.email, password: ADA.password }));
    const code = await codeAt(harness, secret);
    expectOk(await harness.call('submitTwoFactorCode', { code }));
    expect(await harness.call('deleteAccount', { password: ADA.password, code })).toMatchObject({
      error: { code: 'INVALID_CODE', message: MESSAGES.replayedTotpCode },
    });
    expect(rowsOf(harness, adaId).accounts).toBe(1);
  });

  it('accepts an unused recovery code, and refuses a used one', async () => {
    expectOk(await harness.call('signOut', {}));
    expectOk(await harness.call('signIn', { email: ADA.email, password: ADA.password }));
    expectOk(await harness.call('submitRecoveryCode', { code: codes[0]! }));
    expect(await harness.call('deleteAccount', { password: ADA.password, recoveryCode: codes[0]! })).toMatchObject({
      error: { code: 'INVALID_CODE', message: MESSAGES.invalidRecoveryCode },
    });
    expect(expectOk(await harness.call('deleteAccount', { password: ADA.password, recoveryCode: codes[1]!.toUpperCase() }))).toEqual({
      accountsLeft: 0,
    });
    expect(rowsOf(harness, adaId)).toEqual(NONE);
  });

  it('locks after 10 wrong codes in a row; while locked, even the right code is refused unchecked', async () => {
    let last;
    for (let attempt = 0; attempt < SECOND_FACTOR_MAX_FAILURES; attempt += 1) {
      last = await harness.call('deleteAccount', { password: ADA.password, recoveryCode: 'zzzzz-zzzzz' });
    }
    expect(last).toMatchObject({ error: { code: 'SECOND_FACTOR_LOCKED' } });
    const code = await codeAt(harness, secret);
    expect(await harness.call('deleteAccount', { password: 'not the password', code })).toMatchObject({
      error: { code: 'SECOND_FACTOR_LOCKED' },
    });
    expect(failedSignIns(harness)).toBe(0);
    expect(rowsOf(harness, adaId).accounts).toBe(1);
  });

  it('with the keychain unavailable: a code cannot be checked, a recovery code deletes; the next start leaves the tombstone', async () => {
    harness.secretStore.fail();
    expect(await harness.call('deleteAccount', { password: ADA.password, code: await codeAt(harness, secret) })).toEqual({
      ok: false,
      error: { code: 'SECRET_STORE_UNAVAILABLE', message: MESSAGES.secretStoreUnavailableAtSignIn },
    });
    expect(rowsOf(harness, adaId).accounts).toBe(1);
    expect(expectOk(await harness.call('deleteAccount', { password: ADA.password, recoveryCode: codes[2]! }))).toEqual({ accountsLeft: 0 });
    expect(rowsOf(harness, adaId)).toEqual(NONE);
    expect(keychainKinds(harness)).toEqual(['recovery', 'totp', 'witness']); // left behind, named by no row

    harness.secretStore.heal();
    harness.reopen();
    await harness.backend.reconciled;
    expect(keychainKinds(harness)).toEqual(['witness']);
    expect(tombstoneOnly(harness)).toEqual([{ deletedAt: harness.clock.now() }]);
  });

  it('says to use a recovery code when the secret is missing from the keychain', async () => {
    harness.secretStore.entries.delete([...harness.secretStore.entries.keys()].find((key) => key.includes('/totp/'))!);
    expect(await harness.call('deleteAccount', { password: ADA.password, code: await codeAt(harness, secret) })).toEqual({
      ok: false,
      error: { code: 'SECRET_MISSING', message: MESSAGES.secretMissingUseRecoveryCode },
    });
    expectOk(await harness.call('deleteAccount', { password: ADA.password, recoveryCode: codes[3]! }));
  });
});
