import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src-shared/errors';
import { backoffDelay, FREE_FAILURES, HOUR_MS, MAX_DELAY_MS, MAX_FAILURES_PER_HOUR } from '../../src-main/core/security/signInThrottle';
import { ADA, createBackendHarness, expectOk, type BackendHarness } from '../support/backendHarness';
import { queryDatabase } from '../support/twoFactorSteps';
import { createPasswordThrottleModel, mostFailuresInAnHour } from './support/passwordThrottleModel';
import { scratchDataDir } from './support/scratchDataDir';
import { recordSecurityCheck } from '../support/securityCheck';

const WRONG = { email: ADA.email, password: 'not the password at all' };
const RIGHT = { email: ADA.email, password: ADA.password };
const RATE_LIMITED_MESSAGE = 'Too many failed attempts. Wait a moment before trying again.';

describe('brute force: wrong passwords', () => {
  let harness: BackendHarness;
  beforeEach(() => {
    harness = createBackendHarness({ dataDir: scratchDataDir('passwords') });
  });
  afterEach(() => harness.cleanup());

  it('101 wrong passwords back off as documented, bursts cannot skip a wait, and no hour ever holds more than 100 failures', async (ctx) => {
    expectOk(await harness.call('createAccount', ADA));
    expectOk(await harness.call('signOut', {}));
    const model = createPasswordThrottleModel();
    let wrongAttempts = 0;

    /**
     * Attempts at once (as a burst does; checked one at a time in call order): each answer must be
     * what the model says — code and retryAt — and the refusals must carry the fixed messages.
     */
    async function attempt(...credentials: (typeof WRONG)[]): Promise<string[]> {
      const now = harness.clock.now();
      const expected = credentials.map((each) => {
        const allowedAt = model.allowedAt(now);
        if (allowedAt !== null) return `RATE_LIMITED@${allowedAt}`;
        if (each === RIGHT) {
          model.succeed();
          return 'OK';
        }
        model.fail(now);
        return `INVALID_CREDENTIALS@${model.allowedAt(now) ?? '-'}`;
      });
      wrongAttempts += credentials.filter((each) => each === WRONG).length;
      const results = await Promise.all(credentials.map((each) => harness.call('signIn', each)));
      const answers = results.map((result) => (result.ok ? 'OK' : `${result.error.code}@${result.error.retryAt ?? '-'}`));
      expect(answers).toEqual(expected);
      for (const result of results) {
        if (!result.ok)
          expect(result.error.message).toBe(result.error.code === 'RATE_LIMITED' ? RATE_LIMITED_MESSAGE : MESSAGES.invalidCredentials);
      }
      if (results.some((result) => result.ok)) expectOk(await harness.call('signOut', {}));
      return answers.map((answer) => answer.split('@')[0]!);
    }

    // 1. 101 wrong passwords, each at the earliest allowed moment, after a try 1 ms before it.
    const delays: number[] = [];
    for (let failure = 1; failure <= 101; failure += 1) {
      const allowedAt = model.allowedAt(harness.clock.now());
      if (allowedAt !== null) {
        harness.clock.set(allowedAt - 1);
        expect(await attempt(failure % 10 === 0 ? RIGHT : WRONG)).toEqual(['RATE_LIMITED']);
        harness.clock.set(allowedAt);
      }
      const before = model.failures().at(-1);
      expect(await attempt(WRONG)).toEqual(['INVALID_CREDENTIALS']);
      if (before !== undefined) delays.push(harness.clock.now() - before);
      if (failure === 40 || failure === 77) harness.reopen();
    }
    expect(delays).toEqual(delays.map((_, i) => backoffDelay(i + 1)));
    expect(Math.max(...delays)).toBe(MAX_DELAY_MS);
    const lastWait = model.allowedAt(harness.clock.now())!;
    harness.clock.set(lastWait - 1);
    expect(await attempt(RIGHT)).toEqual(['RATE_LIMITED']);
    harness.clock.set(lastWait);
    expect(await attempt(RIGHT)).toEqual(['OK']);

    // 2. Bursts of 10 at once every 15 minutes: they are checked one at a time, so only what the wait allows gets through.
    for (let burst = 0; burst < 6; burst += 1) {
      harness.clock.advance(MAX_DELAY_MS);
      const codes = await attempt(...Array<typeof WRONG>(10).fill(WRONG));
      expect(codes.filter((code) => code === 'INVALID_CREDENTIALS')).toHaveLength(burst === 0 ? FREE_FAILURES : 1);
      if (burst === 3) harness.reopen();
    }

    // 3. The owner signing in between bursts resets the backoff, not the hourly cap: the 101st failure in an hour never happens.
    harness.clock.advance(HOUR_MS);
    expect(await attempt(RIGHT)).toEqual(['OK']);
    let capped = false;
    for (let round = 0; !capped; round += 1) {
      harness.clock.advance(30_000);
      const burst = await attempt(...Array<typeof WRONG>(FREE_FAILURES + 2).fill(WRONG));
      if (burst.every((code) => code === 'RATE_LIMITED')) {
        // Capped: nothing gets in, the owner included, until the hour's oldest failure leaves the window.
        const now = harness.clock.now();
        expect(model.failures().filter((at) => at > now - HOUR_MS)).toHaveLength(MAX_FAILURES_PER_HOUR);
        expect(await attempt(RIGHT)).toEqual(['RATE_LIMITED']);
        capped = true;
        harness.clock.set(model.allowedAt(now)!);
        expect(await attempt(RIGHT)).toEqual(['OK']);
      } else {
        // Once the backoff has passed the owner gets in (the model says so), unless this burst reached the cap.
        harness.clock.advance(backoffDelay(FREE_FAILURES));
        await attempt(RIGHT);
      }
      if (round === 11) harness.reopen();
    }

    const logged = queryDatabase<{ at: number }>(harness, "SELECT at FROM security_events WHERE kind = 'sign_in_failed' ORDER BY at").map(
      (row) => row.at,
    );
    expect(logged).toEqual(model.failures());
    expect(mostFailuresInAnHour(logged)).toBe(MAX_FAILURES_PER_HOUR);
    recordSecurityCheck(ctx, {
      area: 'Brute force and replay',
      check: '101 wrong passwords at the earliest moments, bursts, hourly cap',
      tried: wrongAttempts,
      unit: 'attempts',
    });
  });
});
