import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MESSAGES } from '../../../../src-shared/errors';
import { SESSION_IDLE_TIMEOUT_MS } from '../../../../src-shared/models';
import { createScryptHasher } from '../../../../src-main/core/security/passwordHasher';
import { ADA, createBackendHarness, expectOk, TEST_SCRYPT, type BackendHarness } from '../../../support/backendHarness';

describe('accounts and sign-in through the dispatch boundary (real SQLite)', () => {
  let harness: BackendHarness;
  beforeEach(() => {
    harness = createBackendHarness();
  });
  afterEach(() => harness.cleanup());

  it('creates the first account and signs it in', async () => {
    const { session } = expectOk(await harness.call('createAccount', ADA));
    expect(session.account).toMatchObject({ name: ADA.name, email: ADA.email });
    expect(session.expiresAt).toBe(harness.clock.now() + SESSION_IDLE_TIMEOUT_MS);
    expect(expectOk(await harness.call('getSession', {})).session?.account.email).toBe(ADA.email);
    expect(expectOk(await harness.call('listAccounts', {})).accounts).toEqual([session.account]);
  });

  it('refuses a second account with the same email in another case', async () => {
    expectOk(await harness.call('createAccount', ADA));
    const again = await harness.call('createAccount', { ...ADA, name: 'Imposter', email: 'ADA@EXAMPLE.COM' });
    expect(again).toEqual({ ok: false, error: expect.objectContaining({ code: 'EMAIL_TAKEN' }) });
    expect(expectOk(await harness.call('listAccounts', {})).accounts).toHaveLength(1);
  });

  it('signs in with the email in any case', async () => {
    expectOk(await harness.call('createAccount', ADA));
    expectOk(await harness.call('signOut', {}));
    const { session } = expectOk(await harness.call('signIn', { email: 'Ada@Example.COM', password: ADA.password }));
    expect(session?.account.name).toBe(ADA.name);
  });

  it('gives an unknown email and a wrong password the identical error, and both cost a hash', async () => {
    const hasher = createScryptHasher(TEST_SCRYPT);
    const verifyNothing = vi.spyOn(hasher, 'verifyNothing');
    const verify = vi.spyOn(hasher, 'verify');
    harness.cleanup();
    harness = createBackendHarness({ hasher });
    expectOk(await harness.call('createAccount', ADA));
    expectOk(await harness.call('signOut', {}));

    const wrongPassword = await harness.call('signIn', { email: ADA.email, password: 'not the password' });
    const unknownEmail = await harness.call('signIn', { email: 'nobody@example.com', password: 'not the password' });
    expect(wrongPassword).toEqual(unknownEmail);
    expect(unknownEmail).toEqual({
      ok: false,
      error: { code: 'INVALID_CREDENTIALS', message: MESSAGES.invalidCredentials },
    });
    // One real verification for the wrong password, one decoy verification for the unknown email.
    expect(verify).toHaveBeenCalledTimes(1);
    expect(verifyNothing).toHaveBeenCalledTimes(1);
  });

  it('counts failures in SQLite, backs off after five, and a restart does not reset the count', async () => {
    expectOk(await harness.call('createAccount', ADA));
    expectOk(await harness.call('signOut', {}));
    const wrong = { email: ADA.email, password: 'not the password' };
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      expect(await harness.call('signIn', wrong)).toEqual({
        ok: false,
        error: { code: 'INVALID_CREDENTIALS', message: MESSAGES.invalidCredentials },
      });
    }
    // The fifth failure starts the backoff and says until when, so the UI can show it at once.
    expect(await harness.call('signIn', wrong)).toEqual({
      ok: false,
      error: { code: 'INVALID_CREDENTIALS', message: MESSAGES.invalidCredentials, retryAt: harness.clock.now() + 1000 },
    });
    harness.reopen();
    const limited = await harness.call('signIn', { email: ADA.email, password: ADA.password });
    expect(limited).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'RATE_LIMITED', retryAt: harness.clock.now() + 1000 }),
    });
    harness.clock.advance(1000);
    expectOk(await harness.call('signIn', { email: ADA.email, password: ADA.password }));
    // Success resets the count: five more free attempts.
    expectOk(await harness.call('signOut', {}));
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect(await harness.call('signIn', wrong)).toMatchObject({ error: { code: 'INVALID_CREDENTIALS' } });
    }
  });

  it('evaluates simultaneous attempts one at a time, so a burst cannot skip the backoff', async () => {
    expectOk(await harness.call('createAccount', ADA));
    expectOk(await harness.call('signOut', {}));
    const results = await Promise.all(
      Array.from({ length: 20 }, () => harness.call('signIn', { email: ADA.email, password: 'not the password' })),
    );
    const codes = results.map((result) => (result.ok ? 'OK' : result.error.code));
    expect(codes.filter((code) => code === 'INVALID_CREDENTIALS')).toHaveLength(5);
    expect(codes.filter((code) => code === 'RATE_LIMITED')).toHaveLength(15);
  });

  it('upgrades a hash with outdated parameters at sign-in', async () => {
    expectOk(await harness.call('createAccount', ADA));
    expectOk(await harness.call('signOut', {}));
    const stronger = createScryptHasher({ ...TEST_SCRYPT, logN: TEST_SCRYPT.logN + 1 });
    harness.reopen({ hasher: stronger });
    const before = storedHash(harness);
    expectOk(await harness.call('signIn', { email: ADA.email, password: ADA.password }));
    const after = storedHash(harness);
    expect(before.startsWith('$scrypt$ln=10,')).toBe(true);
    expect(after.startsWith('$scrypt$ln=11,')).toBe(true);
    expectOk(await harness.call('signOut', {}));
    expectOk(await harness.call('signIn', { email: ADA.email, password: ADA.password }));
  });

  it('changes the password only with the current one', async () => {
    expectOk(await harness.call('createAccount', ADA));
    const wrong = await harness.call('changePassword', { currentPassword: 'not the password', newPassword: 'a brand new passphrase' });
    expect(wrong).toEqual({
      ok: false,
      error: { code: 'WRONG_PASSWORD', message: MESSAGES.wrongPassword, fields: { currentPassword: MESSAGES.wrongPassword } },
    });
    const tooShort = await harness.call('changePassword', { currentPassword: ADA.password, newPassword: 'short' });
    expect(tooShort).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { newPassword: 'Use at least 12 characters.' } } });
    expectOk(await harness.call('changePassword', { currentPassword: ADA.password, newPassword: 'a brand new passphrase' }));
    expectOk(await harness.call('signOut', {}));
    expect((await harness.call('signIn', { email: ADA.email, password: ADA.password })).ok).toBe(false);
    expectOk(await harness.call('signIn', { email: ADA.email, password: 'a brand new passphrase' }));
  });

  it('renames the signed-in account', async () => {
    expectOk(await harness.call('createAccount', ADA));
    const { account } = expectOk(await harness.call('updateProfile', { name: '  Augusta Ada King ' }));
    expect(account.name).toBe('Augusta Ada King');
    harness.reopen();
    expect(expectOk(await harness.call('listAccounts', {})).accounts[0]?.name).toBe('Augusta Ada King');
  });

  it('ends the session after 15 idle minutes; activity extends it, reading the session does not', async () => {
    expectOk(await harness.call('createAccount', ADA));
    harness.clock.advance(SESSION_IDLE_TIMEOUT_MS - 1000);
    expectOk(await harness.call('listSecurityEvents', {}));
    harness.clock.advance(SESSION_IDLE_TIMEOUT_MS - 1000);
    expect(expectOk(await harness.call('getSession', {})).session).not.toBeNull();
    harness.clock.advance(1000);
    expect(expectOk(await harness.call('getSession', {}))).toEqual({ session: null, endedReason: 'inactivity' });
    expect(await harness.call('updateProfile', { name: 'Someone' })).toEqual({
      ok: false,
      error: { code: 'NOT_SIGNED_IN', message: MESSAGES.notSignedIn },
    });
  });

  it('requires a session for account operations and ends it on sign-out and screen lock', async () => {
    expect((await harness.call('listSecurityEvents', {})) as unknown).toMatchObject({ error: { code: 'NOT_SIGNED_IN' } });
    expectOk(await harness.call('createAccount', ADA));
    expectOk(await harness.call('signOut', {}));
    expect(expectOk(await harness.call('getSession', {})).session).toBeNull();
    expect(await harness.call('changePassword', { currentPassword: ADA.password, newPassword: 'another long passphrase' })).toMatchObject({
      error: { code: 'NOT_SIGNED_IN' },
    });
    expectOk(await harness.call('signIn', { email: ADA.email, password: ADA.password }));
    harness.backend.endSession('screen_locked');
    expect(expectOk(await harness.call('getSession', {}))).toEqual({ session: null, endedReason: 'screen_locked' });
  });

  it('logs security events with times and reasons, newest first, never with credentials', async () => {
    expectOk(await harness.call('createAccount', ADA));
    expectOk(await harness.call('signOut', {}));
    harness.clock.advance(1000);
    await harness.call('signIn', { email: ADA.email, password: 'wrong password here' });
    harness.clock.advance(1000);
    expectOk(await harness.call('signIn', { email: ADA.email, password: ADA.password }));
    expectOk(await harness.call('changePassword', { currentPassword: ADA.password, newPassword: 'a brand new passphrase' }));
    harness.clock.advance(SESSION_IDLE_TIMEOUT_MS);
    harness.clock.advance(1000);
    expectOk(await harness.call('signIn', { email: ADA.email, password: 'a brand new passphrase' }));
    const { events } = expectOk(await harness.call('listSecurityEvents', {}));
    expect(events.map((event) => [event.kind, event.reason ?? null])).toEqual([
      ['signed_in', null],
      ['signed_out', 'inactivity'],
      ['password_changed', null],
      ['signed_in', null],
      ['sign_in_failed', null],
      ['signed_out', 'user'],
      ['signed_in', null],
      ['account_created', null],
    ]);
    const serialized = JSON.stringify(events);
    expect(serialized).not.toContain(ADA.password);
    expect(serialized).not.toContain('scrypt');
  });

  it('turns invalid payloads into INVALID_INPUT without echoing the value', async () => {
    const secretish = 'x'.repeat(2000) + 'hunter2';
    const result = await harness.call('signIn', { email: secretish, password: 42 } as never);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(JSON.stringify(result)).not.toContain('hunter2');
    expect(await harness.backend.dispatch('signIn', 'not an object')).toMatchObject({ error: { code: 'INVALID_INPUT' } });
    expect(await harness.backend.dispatch('signIn', { email: ADA.email, password: ADA.password, admin: true })).toMatchObject({
      error: { code: 'INVALID_INPUT' },
    });
  });

  it('refuses unknown operations, including inherited property names', async () => {
    for (const operation of ['dropDatabase', 'constructor', '__proto__', 'toString', 42, null]) {
      expect(await harness.backend.dispatch(operation, {})).toEqual({
        ok: false,
        error: { code: 'FORBIDDEN', message: MESSAGES.forbidden },
      });
    }
  });
});

/** Reads the stored hash straight from the SQLite file (tests only). */
function storedHash(harness: BackendHarness): string {
  const db = new Database(`${harness.dataDir}/gatehouse.db`, { readonly: true });
  try {
    return (db.prepare('SELECT password_hash FROM accounts').get() as { password_hash: string }).password_hash;
  } finally {
    db.close();
  }
}
