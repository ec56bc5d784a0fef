import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clockDriftMessage, MESSAGES } from '../../../../src-shared/errors';
import { CHALLENGE_MAX_FAILURES, SIGN_IN_CHALLENGE_TTL_MS, TIME_LIMIT_MAX_EXTENSIONS } from '../../../../src-shared/twoFactorRules';
import { ADA, createBackendHarness, expectOk, type BackendHarness } from '../../../support/backendHarness';
import { activateTwoFactor, codeAt, signInToChallenge, STEP_MS } from '../../../support/twoFactorSteps';

describe('signing in with a code from the authenticator app', () => {
  let harness: BackendHarness;
  let secret: string;
  beforeEach(async () => {
    harness = createBackendHarness();
    ({ secret } = await activateTwoFactor(harness));
  });
  afterEach(() => harness.cleanup());

  it('asks for a code after the right password instead of signing in', async () => {
    expectOk(await harness.call('signOut', {}));
    harness.clock.advance(STEP_MS);
    const result = expectOk(await harness.call('signIn', { email: ADA.email, password: ADA.password }));
    expect(result).toEqual({
      challenge: {
        email: ADA.email,
        expiresAt: harness.clock.now() + SIGN_IN_CHALLENGE_TTL_MS,
        attemptsLeft: CHALLENGE_MAX_FAILURES,
        extensionsLeft: TIME_LIMIT_MAX_EXTENSIONS,
      },
    });
    expect(expectOk(await harness.call('getSession', {}))).toMatchObject({ session: null, challenge: result.challenge });
    expect(await harness.call('listSecurityEvents', {})).toMatchObject({ error: { code: 'NOT_SIGNED_IN' } });
  });

  it('keeps wrong passwords exactly as before: same error, no challenge', async () => {
    expectOk(await harness.call('signOut', {}));
    const wrong = await harness.call('signIn', { email: ADA.email, password: 'not the password' });
    expect(wrong).toEqual({ ok: false, error: { code: 'INVALID_CREDENTIALS', message: MESSAGES.invalidCredentials } });
    expect(expectOk(await harness.call('getSession', {})).challenge).toBeUndefined();
  });

  it('signs in with the current code and logs both steps', async () => {
    await signInToChallenge(harness);
    const { session } = expectOk(await harness.call('submitTwoFactorCode', { code: await codeAt(harness, secret) }));
    expect(session.account.email).toBe(ADA.email);
    expect(expectOk(await harness.call('getSession', {})).challenge).toBeUndefined();
    const kinds = expectOk(await harness.call('listSecurityEvents', { limit: 3 })).events.map((event) => event.kind);
    expect(kinds).toEqual(['signed_in', 'two_factor_code_accepted', 'signed_out']);
  });

  it('accepts codes one step either side of now and nothing wider (window edges)', async () => {
    const outcomes: Record<number, string> = {};
    for (const offset of [-2, -1, 0, 1, 2]) {
      await signInToChallenge(harness);
      harness.clock.advance(STEP_MS); // a fresh step each round, so earlier acceptances do not block this one
      const result = await harness.call('submitTwoFactorCode', { code: await codeAt(harness, secret, offset) });
      outcomes[offset] = result.ok ? 'accepted' : result.error.code;
      if (!result.ok) await harness.call('cancelTwoFactorChallenge', {});
      harness.clock.advance(3 * STEP_MS);
    }
    expect(outcomes).toEqual({ '-2': 'INVALID_CODE', '-1': 'accepted', 0: 'accepted', 1: 'accepted', 2: 'INVALID_CODE' });
  });

  it('accepts the window at both ends of a time step (first and last second)', async () => {
    for (const intoStep of [0, STEP_MS - 1000]) {
      await signInToChallenge(harness);
      harness.clock.set(Math.floor(harness.clock.now() / STEP_MS) * STEP_MS + 4 * STEP_MS + intoStep);
      expectOk(await harness.call('submitTwoFactorCode', { code: await codeAt(harness, secret, 1) }));
    }
  });

  it('refuses a code twice, and a code from an older step than one already used (RFC 6238 §5.2)', async () => {
    await signInToChallenge(harness);
    const code = await codeAt(harness, secret);
    expectOk(await harness.call('submitTwoFactorCode', { code }));
    expectOk(await harness.call('signOut', {}));
    expectOk(await harness.call('signIn', { email: ADA.email, password: ADA.password }));
    expect(await harness.call('submitTwoFactorCode', { code })).toEqual({
      ok: false,
      error: {
        code: 'INVALID_CODE',
        message: MESSAGES.replayedTotpCode,
        fields: { code: MESSAGES.replayedTotpCode },
        attemptsLeft: CHALLENGE_MAX_FAILURES - 1,
      },
    });
    // The next step's code (allowed by the window) moves the guard forward; the previous one is now older.
    expectOk(await harness.call('submitTwoFactorCode', { code: await codeAt(harness, secret, 1) }));
    expectOk(await harness.call('signOut', {}));
    expectOk(await harness.call('signIn', { email: ADA.email, password: ADA.password }));
    const older = await harness.call('submitTwoFactorCode', { code: await codeAt(harness, secret, -1) });
    expect(older).toMatchObject({ ok: false, error: { code: 'INVALID_CODE', message: MESSAGES.replayedTotpCode } });
  });

  it('cannot replay the code that activated two-factor authentication', async () => {
    expectOk(await harness.call('signOut', {}));
    expectOk(await harness.call('signIn', { email: ADA.email, password: ADA.password }));
    const result = await harness.call('submitTwoFactorCode', { code: await codeAt(harness, secret) });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_CODE', message: MESSAGES.replayedTotpCode } });
  });

  it('lets exactly one of two simultaneous submissions of one code through', async () => {
    await signInToChallenge(harness);
    const code = await codeAt(harness, secret);
    const results = await Promise.all([harness.call('submitTwoFactorCode', { code }), harness.call('submitTwoFactorCode', { code })]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)).toMatchObject({ error: { code: 'CHALLENGE_EXPIRED' } });
  });

  it('recognises a code minutes away and says the clock looks off, but still refuses it', async () => {
    await signInToChallenge(harness);
    const ahead = await harness.call('submitTwoFactorCode', { code: await codeAt(harness, secret, 10) });
    expect(ahead).toEqual({
      ok: false,
      error: {
        code: 'INVALID_CODE',
        message: clockDriftMessage(5),
        fields: { code: clockDriftMessage(5) },
        attemptsLeft: CHALLENGE_MAX_FAILURES - 1,
        clockDriftMinutes: 5,
      },
    });
    expect(clockDriftMessage(5)).toContain('about 5 minutes behind');
    const behind = await harness.call('submitTwoFactorCode', { code: await codeAt(harness, secret, -20) });
    expect(behind).toMatchObject({ error: { code: 'INVALID_CODE', clockDriftMinutes: -10 } });
    const tooFar = await harness.call('submitTwoFactorCode', { code: await codeAt(harness, secret, 22) });
    expect(tooFar).toMatchObject({ error: { code: 'INVALID_CODE', message: MESSAGES.invalidTotpCode } });
    expect((tooFar as { error: object }).error).not.toHaveProperty('clockDriftMinutes');
  });

  it('expires the challenge after 5 minutes: back to the password', async () => {
    await signInToChallenge(harness);
    harness.clock.advance(SIGN_IN_CHALLENGE_TTL_MS);
    expect(expectOk(await harness.call('getSession', {})).challenge).toBeUndefined();
    expect(await harness.call('submitTwoFactorCode', { code: await codeAt(harness, secret) })).toEqual({
      ok: false,
      error: { code: 'CHALLENGE_EXPIRED', message: MESSAGES.challengeExpired },
    });
  });

  it('answers CHALLENGE_EXPIRED without any challenge, and after cancelling', async () => {
    expectOk(await harness.call('signOut', {}));
    expect(await harness.call('submitTwoFactorCode', { code: '123456' })).toMatchObject({ error: { code: 'CHALLENGE_EXPIRED' } });
    expect(await harness.call('submitRecoveryCode', { code: 'abcde-fghjk' })).toMatchObject({ error: { code: 'CHALLENGE_EXPIRED' } });
    await signInToChallenge(harness);
    expectOk(await harness.call('cancelTwoFactorChallenge', {}));
    expect(expectOk(await harness.call('getSession', {})).challenge).toBeUndefined();
    expect(await harness.call('submitTwoFactorCode', { code: await codeAt(harness, secret) })).toMatchObject({
      error: { code: 'CHALLENGE_EXPIRED' },
    });
  });

  it('accepts codes typed with spaces, and refuses malformed ones at the boundary', async () => {
    await signInToChallenge(harness);
    const code = await codeAt(harness, secret);
    expect(await harness.call('submitTwoFactorCode', { code: '12345' })).toMatchObject({ error: { code: 'INVALID_INPUT' } });
    expectOk(await harness.call('submitTwoFactorCode', { code: ` ${code.slice(0, 3)} ${code.slice(3)} ` }));
  });
});
