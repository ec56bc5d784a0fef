import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src-shared/errors';
import { TOTP_ACCEPTED_STEPS, TOTP_DRIFT_SEARCH_STEPS } from '../../src-shared/twoFactorRules';
import { ADA, createBackendHarness, expectOk, type BackendHarness } from '../support/backendHarness';
import { activateTwoFactor, codeAt, STEP_MS } from '../support/twoFactorSteps';
import { recordSecurityCheck } from '../support/securityCheck';

/**
 * Issue 11, item 1: a code that matches a time step 2–20 steps away is refused with a hint that
 * the clock looks N minutes off. That hint must not be an oracle: someone who knows the password
 * and guessed such a code must not be able to wait for its step to come round and get in with it.
 * No code the app refused may ever become acceptable later.
 */
const PASSWORD = { email: ADA.email, password: ADA.password };
const FUTURE_DRIFT = Array.from({ length: TOTP_DRIFT_SEARCH_STEPS - TOTP_ACCEPTED_STEPS }, (_, i) => i + TOTP_ACCEPTED_STEPS + 1);
/** Where the guessed step can sit in the accepted window when it is tried again: now+1, now, now−1. */
const WINDOW = [1, 0, -1];

const replayRefused = { ok: false, error: { code: 'INVALID_CODE', message: MESSAGES.replayedTotpCode } };

describe('the clock-drift hint is no oracle', () => {
  let harness: BackendHarness;
  beforeEach(() => {
    harness = createBackendHarness();
  });
  afterEach(() => harness.cleanup());

  const toChallenge = async () => expect(expectOk(await harness.call('signIn', PASSWORD)).challenge).toBeDefined();

  it('at sign-in: a code refused with a drift hint is refused again when its step arrives, also after a restart', async (ctx) => {
    const { secret } = await activateTwoFactor(harness);
    expectOk(await harness.call('signOut', {}));
    let retries = 0;
    for (const steps of FUTURE_DRIFT) {
      harness.clock.advance(STEP_MS);
      await toChallenge();
      const guess = await codeAt(harness, secret, steps);
      const hinted = await harness.call('submitTwoFactorCode', { code: guess });
      expect(hinted, `${steps} steps ahead`).toMatchObject({
        ok: false,
        error: { code: 'INVALID_CODE', clockDriftMinutes: expect.any(Number) },
      });
      expectOk(await harness.call('cancelTwoFactorChallenge', {}));

      if (steps % 2 === 1) harness.reopen();
      harness.clock.advance((steps - WINDOW[0]!) * STEP_MS);
      for (const offset of WINDOW) {
        // The attacker enters the password again and submits the same code while its step is accepted.
        await toChallenge();
        expect(
          await harness.call('submitTwoFactorCode', { code: guess }),
          `${steps} steps ahead, tried at now${offset >= 0 ? '+' : ''}${offset}`,
        ).toMatchObject(replayRefused);
        retries += 1;
        expectOk(await harness.call('cancelTwoFactorChallenge', {}));
        if (offset !== WINDOW.at(-1)) harness.clock.advance(STEP_MS);
      }
      // The owner still signs in with the next code (which also clears the failure count).
      harness.clock.advance(STEP_MS);
      await toChallenge();
      expectOk(await harness.call('submitTwoFactorCode', { code: await codeAt(harness, secret) }));
      expectOk(await harness.call('signOut', {}));
    }
    recordSecurityCheck(ctx, {
      area: 'Brute force and replay',
      check: 'clock-drift hint: hinted code retried when its step arrives (sign-in)',
      tried: retries,
      unit: 'retries',
    });
  });

  it('during activation: a code refused with a drift hint is refused again when its step arrives', async (ctx) => {
    expectOk(await harness.call('createAccount', ADA));
    let retries = 0;
    // The enrollment lasts 10 minutes (20 steps), so the retries stop short of that.
    for (const steps of FUTURE_DRIFT.filter((steps) => steps < TOTP_DRIFT_SEARCH_STEPS)) {
      const { enrollment } = expectOk(await harness.call('beginTwoFactorEnrollment', { password: ADA.password }));
      const guess = await codeAt(harness, enrollment.secretKey, steps);
      expect(await harness.call('confirmTwoFactorEnrollment', { code: guess })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_CODE', clockDriftMinutes: expect.any(Number) },
      });
      harness.clock.advance((steps - 1) * STEP_MS);
      expect(await harness.call('confirmTwoFactorEnrollment', { code: guess }), `${steps} steps ahead`).toMatchObject(replayRefused);
      retries += 1;
      expectOk(await harness.call('cancelTwoFactorEnrollment', {}));
      harness.clock.advance(STEP_MS);
    }
    recordSecurityCheck(ctx, {
      area: 'Brute force and replay',
      check: 'clock-drift hint: hinted code retried when its step arrives (activation)',
      tried: retries,
      unit: 'retries',
    });
  });

  it('keeps the hint for a clock that really is off: once it is fixed, the next code signs in', async () => {
    const { secret } = await activateTwoFactor(harness);
    expectOk(await harness.call('signOut', {}));
    harness.clock.advance(STEP_MS);
    // The computer's clock is 5 minutes behind the phone's: the phone's code is 10 steps "ahead".
    await toChallenge();
    const phoneCode = await codeAt(harness, secret, 10);
    expect(await harness.call('submitTwoFactorCode', { code: phoneCode })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_CODE', clockDriftMinutes: 5, message: expect.stringContaining('about 5 minutes behind') },
    });
    // The person fixes the clock (the sign-in step has expired meanwhile, so the password again).
    // The code they already typed is spent; the next one works.
    harness.clock.advance(10 * STEP_MS);
    await toChallenge();
    expect(await harness.call('submitTwoFactorCode', { code: phoneCode })).toMatchObject(replayRefused);
    harness.clock.advance(STEP_MS);
    expectOk(await harness.call('submitTwoFactorCode', { code: await codeAt(harness, secret) }));
  });
});
