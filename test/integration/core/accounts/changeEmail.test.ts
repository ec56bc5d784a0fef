import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MESSAGES } from '../../../../src-shared/errors';
import { ADA, createBackendHarness, expectOk, type BackendHarness } from '../../../support/backendHarness';
import { activateTwoFactor, codeAt, queryDatabase, STEP_MS } from '../../../support/twoFactorSteps';

const BOB = { name: 'Bob Babbage', email: 'bob@example.com', password: 'difference engine 1822' } as const;
const NEW_EMAIL = 'countess@example.org';

const storedEmails = (harness: BackendHarness) =>
  queryDatabase<{ email: string; email_key: string }>(harness, 'SELECT email, email_key FROM accounts ORDER BY email_key');

describe('changing the email', () => {
  let harness: BackendHarness;
  let adaId: string;
  beforeEach(async () => {
    harness = createBackendHarness();
    adaId = expectOk(await harness.call('createAccount', ADA)).session.account.id;
  });
  afterEach(() => harness.cleanup());

  it('with the password: the new email signs in, the old one no longer does, and the log says so', async () => {
    expect(expectOk(await harness.call('changeEmail', { email: ` ${NEW_EMAIL} `, password: ADA.password }))).toEqual({
      account: { id: adaId, name: ADA.name, email: NEW_EMAIL },
      twoFactorActive: false,
    });
    expect(expectOk(await harness.call('getSession', {})).session?.account.email).toBe(NEW_EMAIL);
    expect(expectOk(await harness.call('listSecurityEvents', { limit: 1 })).events[0]?.kind).toBe('email_changed');

    expectOk(await harness.call('signOut', {}));
    expect(await harness.call('signIn', { email: ADA.email, password: ADA.password })).toMatchObject({
      error: { code: 'INVALID_CREDENTIALS' },
    });
    expect(expectOk(await harness.call('signIn', { email: NEW_EMAIL.toUpperCase(), password: ADA.password })).session?.account.id).toBe(
      adaId,
    );
  });

  it('counts a wrong password like a failed sign-in and keeps the email', async () => {
    expect(await harness.call('changeEmail', { email: NEW_EMAIL, password: 'not the password' })).toMatchObject({
      error: { code: 'WRONG_PASSWORD', fields: { password: MESSAGES.wrongPassword } },
    });
    expect(storedEmails(harness)).toEqual([{ email: ADA.email, email_key: ADA.email }]);
    expect(queryDatabase<{ n: number }>(harness, 'SELECT failed_sign_ins AS n FROM accounts')[0]!.n).toBe(1);
  });

  it("refuses another account's email in any case, before the password is checked", async () => {
    expectOk(await harness.call('signOut', {}));
    expectOk(await harness.call('createAccount', BOB));
    expectOk(await harness.call('signOut', {}));
    expectOk(await harness.call('signIn', { email: ADA.email, password: ADA.password }));

    for (const email of [BOB.email, 'BOB@Example.COM']) {
      expect(await harness.call('changeEmail', { email, password: 'not the password' })).toEqual({
        ok: false,
        error: { code: 'EMAIL_TAKEN', message: MESSAGES.emailTaken, fields: { email: MESSAGES.emailTaken } },
      });
    }
    expect(storedEmails(harness).map((row) => row.email)).toEqual([ADA.email, BOB.email]);
    expect(queryDatabase<{ n: number }>(harness, 'SELECT sum(failed_sign_ins) AS n FROM accounts')[0]!.n).toBe(0);
  });

  it('allows changing only the case of one’s own email, and refuses the very same email', async () => {
    expect(await harness.call('changeEmail', { email: ADA.email, password: ADA.password })).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: MESSAGES.sameEmail, fields: { email: MESSAGES.sameEmail } },
    });
    expectOk(await harness.call('changeEmail', { email: 'Ada@Example.com', password: ADA.password }));
    expect(storedEmails(harness)).toEqual([{ email: 'Ada@Example.com', email_key: ADA.email }]);
  });

  it('needs a session, and commits nothing when the session ends while the password is checked', async () => {
    const pending = harness.call('changeEmail', { email: NEW_EMAIL, password: ADA.password });
    expectOk(await harness.call('signOut', {}));
    expect(await pending).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
    expect(storedEmails(harness)[0]?.email).toBe(ADA.email);
  });

  it('drops failed sign-ins recorded for the new email while it had no account', async () => {
    expectOk(await harness.call('signOut', {}));
    for (let attempt = 0; attempt < 6; attempt += 1) await harness.call('signIn', { email: NEW_EMAIL, password: 'a guess at nothing' });
    expect(queryDatabase(harness, 'SELECT * FROM unknown_email_streaks')).toHaveLength(1);
    harness.clock.advance(60 * 60 * 1000);
    expectOk(await harness.call('signIn', { email: ADA.email, password: ADA.password }));
    expectOk(await harness.call('changeEmail', { email: NEW_EMAIL, password: ADA.password }));
    expect(queryDatabase(harness, 'SELECT * FROM unknown_email_streaks')).toEqual([]);
  });
});

describe('changing the email with two-factor authentication', () => {
  it('keeps two-factor sign-in working with the new email and says the authenticator label stays', async () => {
    const harness = createBackendHarness();
    try {
      const { secret } = await activateTwoFactor(harness);
      expect(expectOk(await harness.call('changeEmail', { email: NEW_EMAIL, password: ADA.password })).twoFactorActive).toBe(true);
      expectOk(await harness.call('signOut', {}));
      harness.clock.advance(STEP_MS);
      expect(expectOk(await harness.call('signIn', { email: NEW_EMAIL, password: ADA.password })).challenge?.email).toBe(NEW_EMAIL);
      expect(expectOk(await harness.call('submitTwoFactorCode', { code: await codeAt(harness, secret) })).session.account.email).toBe(
        NEW_EMAIL,
      );
    } finally {
      harness.cleanup();
    }
  });
});
