import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOUR_MS, MAX_FAILURES_PER_HOUR } from '../../../src-main/core/security/signInThrottle';
import { ADA, createBackendHarness, expectOk, type BackendHarness } from '../../support/backendHarness';

const WRONG = 'not the password at all';

describe('a wrong password while signed in (the password pop-up, Change password)', () => {
  let harness: BackendHarness;
  beforeEach(async () => {
    harness = createBackendHarness();
    expectOk(await harness.call('createAccount', ADA));
  });
  afterEach(() => harness.cleanup());

  it('is logged as password_check_failed, never as a failed sign-in', async () => {
    expect(await harness.call('beginTwoFactorEnrollment', { password: WRONG })).toMatchObject({ error: { code: 'WRONG_PASSWORD' } });
    expect(await harness.call('changePassword', { currentPassword: WRONG, newPassword: 'a brand new passphrase' })).toMatchObject({
      error: { code: 'WRONG_PASSWORD' },
    });
    const kinds = expectOk(await harness.call('listSecurityEvents', { limit: 10 })).events.map((event) => event.kind);
    expect(kinds.filter((kind) => kind === 'password_check_failed')).toHaveLength(2);
    expect(kinds).not.toContain('sign_in_failed');
  });

  it('counts towards the hourly cap together with failed sign-ins, even when successes reset the backoff', async () => {
    const firstFailureAt = harness.clock.now();
    let failures = 0;
    // Four free failures at a time (two in the pop-up, two at sign-in), then the owner signs in, which resets the backoff.
    while (failures < MAX_FAILURES_PER_HOUR) {
      for (let i = 0; i < 2; i += 1) {
        expect(await harness.call('beginTwoFactorEnrollment', { password: WRONG })).toMatchObject({ error: { code: 'WRONG_PASSWORD' } });
        harness.clock.advance(1_000);
      }
      expectOk(await harness.call('signOut', {}));
      for (let i = 0; i < 2; i += 1) {
        expect(await harness.call('signIn', { email: ADA.email, password: WRONG })).toMatchObject({
          error: { code: 'INVALID_CREDENTIALS' },
        });
        harness.clock.advance(1_000);
      }
      failures += 4;
      if (failures < MAX_FAILURES_PER_HOUR)
        expect('session' in expectOk(await harness.call('signIn', { email: ADA.email, password: ADA.password }))).toBe(true);
    }
    expect(harness.clock.now() - firstFailureAt).toBeLessThan(HOUR_MS);

    // The 101st attempt in the hour is refused before the password is even checked, the right one included.
    const refused = await harness.call('signIn', { email: ADA.email, password: ADA.password });
    expect(refused).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', retryAt: firstFailureAt + HOUR_MS } });
    harness.clock.set(firstFailureAt + HOUR_MS);
    expect('session' in expectOk(await harness.call('signIn', { email: ADA.email, password: ADA.password }))).toBe(true);
  });
});
