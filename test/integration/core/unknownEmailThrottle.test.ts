import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MESSAGES } from '../../../src-shared/errors';
import { FREE_FAILURES, HOUR_MS, STREAK_FORGOTTEN_AFTER_MS, backoffDelay } from '../../../src-main/core/security/signInThrottle';
import { ADA, createBackendHarness, expectOk, type BackendHarness } from '../../support/backendHarness';
import { queryDatabase } from '../../support/twoFactorSteps';

const NOBODY = { email: 'nobody@example.com', password: 'not the password' };

describe('failed sign-ins for an email without an account', () => {
  let harness: BackendHarness;
  beforeEach(() => {
    harness = createBackendHarness();
  });
  afterEach(() => harness.cleanup());

  /** The failures that come without a wait: all but the last free one. */
  const failFreely = async (credentials: { email: string; password: string }) => {
    for (let i = 0; i < FREE_FAILURES - 1; i += 1) expect((await harness.call('signIn', credentials)).ok).toBe(false);
  };
  const count = (table: string) => queryDatabase<{ n: number }>(harness, `SELECT count(*) AS n FROM ${table}`)[0]!.n;

  it('are counted across a restart and start the backoff at the same attempt as for an account', async () => {
    await failFreely({ ...NOBODY, email: 'NOBODY@example.com' });
    harness.reopen();
    const retryAt = harness.clock.now() + backoffDelay(FREE_FAILURES);
    expect(await harness.call('signIn', NOBODY)).toEqual({
      ok: false,
      error: { code: 'INVALID_CREDENTIALS', message: MESSAGES.invalidCredentials, retryAt },
    });
    expect(await harness.call('signIn', NOBODY)).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', retryAt } });
  });

  it('do not follow the email into an account created for it later', async () => {
    await failFreely({ ...NOBODY, email: ADA.email });
    expect(count('unknown_email_streaks')).toBe(1);
    expectOk(await harness.call('createAccount', ADA));
    expect(count('unknown_email_streaks') + count('unknown_email_failures')).toBe(0);
    expectOk(await harness.call('signOut', {}));
    // The new account has all its free failures, as documented for any account.
    for (let i = 0; i < FREE_FAILURES - 1; i += 1) {
      expect(await harness.call('signIn', { ...NOBODY, email: ADA.email })).toEqual({
        ok: false,
        error: { code: 'INVALID_CREDENTIALS', message: MESSAGES.invalidCredentials },
      });
    }
    expectOk(await harness.call('signIn', { email: ADA.email, password: ADA.password }));
  });

  it('are pruned once they no longer change any answer, so the tables stay bounded', async () => {
    for (let i = 0; i < 3; i += 1) await harness.call('signIn', { ...NOBODY, email: `guess${i}@example.com` });
    expect([count('unknown_email_streaks'), count('unknown_email_failures')]).toEqual([3, 3]);

    // An hour later the failures are out of the hourly window; the streaks still count.
    harness.clock.advance(HOUR_MS);
    await harness.call('signIn', { ...NOBODY, email: 'later@example.com' });
    expect([count('unknown_email_streaks'), count('unknown_email_failures')]).toEqual([4, 1]);

    // A failure for an existing account prunes too; after a quiet day only its own streak is left.
    expectOk(await harness.call('createAccount', ADA));
    expectOk(await harness.call('signOut', {}));
    harness.clock.advance(STREAK_FORGOTTEN_AFTER_MS);
    await harness.call('signIn', { ...NOBODY, email: ADA.email });
    expect([count('unknown_email_streaks'), count('unknown_email_failures')]).toEqual([0, 0]);
  });

  it('never store the email itself', async () => {
    await harness.call('signIn', NOBODY);
    const rows = queryDatabase<{ email_tag: string }>(harness, 'SELECT email_tag FROM unknown_email_streaks');
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain('nobody');
    expect(JSON.stringify(queryDatabase(harness, 'SELECT * FROM meta'))).not.toContain('nobody');
  });
});
