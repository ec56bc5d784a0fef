import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../src-shared/result';
import { createScryptHasher } from '../../src-main/core/security/passwordHasher';
import { backoffDelay, FREE_FAILURES, MAX_DELAY_MS, STREAK_FORGOTTEN_AFTER_MS } from '../../src-main/core/security/signInThrottle';
import { ADA, createBackendHarness, expectOk, type BackendHarness } from '../support/backendHarness';
import { scratchDataDir } from './support/scratchDataDir';
import { recordSecurityCheck } from './support/securityCheck';

interface Credentials {
  readonly email: string;
  readonly password: string;
}
const WRONG_PASSWORD: Credentials = { email: ADA.email, password: 'not the password at all' };
const UNKNOWN_EMAIL: Credentials = { email: 'nobody@example.com', password: 'not the password at all' };
const TIMED_TRIES = 30;

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return Number.isInteger(middle) ? (sorted[middle - 1]! + sorted[middle]!) / 2 : sorted[Math.floor(middle)]!;
};

describe('account enumeration: an unknown email answers like a wrong password', () => {
  let harness: BackendHarness;
  afterEach(() => harness.cleanup());

  async function withAccount(options: Parameters<typeof createBackendHarness>[0] = {}) {
    harness = createBackendHarness(options);
    expectOk(await harness.call('createAccount', ADA));
    expectOk(await harness.call('signOut', {}));
  }

  it('the same answers at every attempt count: retryAt, RATE_LIMITED, bursts, restarts, a quiet day', async (ctx) => {
    await withAccount({ dataDir: scratchDataDir('enumeration') });
    let attempts = 0;
    const answers: string[] = [];

    /** `copies` attempts at once for each email, at the same moment; the two sets of answers must be identical. */
    async function both(copies = 1): Promise<Result<unknown>[]> {
      const send = (credentials: Credentials) =>
        Promise.all(Array.from({ length: copies }, () => harness.call('signIn', credentials)));
      const [wrong, unknown] = await Promise.all([send(WRONG_PASSWORD), send({ ...UNKNOWN_EMAIL, email: caseOf(attempts) })]);
      attempts += 2 * copies;
      expect(unknown).toEqual(wrong);
      answers.push(...wrong.map((result) => (result.ok ? 'OK' : result.error.code)));
      return wrong;
    }
    const retryAt = (result: Result<unknown> | undefined) => (result && !result.ok ? result.error.retryAt : undefined);

    // Sequentially, probing 1 ms before each allowed moment, across two restarts.
    let last: Result<unknown> | undefined;
    for (let failure = 1; failure <= 14; failure += 1) {
      const allowedAt = retryAt(last);
      if (allowedAt !== undefined) {
        harness.clock.set(allowedAt - 1);
        expect((await both())[0]).toMatchObject({ error: { code: 'RATE_LIMITED', retryAt: allowedAt } });
        harness.clock.set(allowedAt);
      }
      [last] = await both();
      expect(retryAt(last)).toBe(backoffDelay(failure) > 0 ? harness.clock.now() + backoffDelay(failure) : undefined);
      if (failure === 6 || failure === 11) harness.reopen();
    }
    // Bursts at once are checked one at a time on both paths.
    for (let burst = 0; burst < 3; burst += 1) {
      harness.clock.advance(MAX_DELAY_MS);
      const results = await both(6);
      expect(results.filter((result) => !result.ok && result.error.code === 'INVALID_CREDENTIALS')).toHaveLength(1);
    }
    // After a quiet day both streaks are forgotten: free failures again, then the same backoff.
    harness.clock.advance(STREAK_FORGOTTEN_AFTER_MS);
    const fresh = await both(FREE_FAILURES + 2);
    expect(fresh.map(retryAt)).toEqual([
      ...Array<undefined>(FREE_FAILURES - 1).fill(undefined),
      harness.clock.now() + backoffDelay(FREE_FAILURES),
      harness.clock.now() + backoffDelay(FREE_FAILURES),
      harness.clock.now() + backoffDelay(FREE_FAILURES),
    ]);
    expect(answers).toContain('RATE_LIMITED');

    // The typed address is nowhere in the data directory: not in the database, its WAL or anything else.
    for (const file of readdirSync(harness.dataDir)) {
      expect(readFileSync(join(harness.dataDir, file)).toString('latin1').toLowerCase()).not.toContain('nobody');
    }
    recordSecurityCheck(ctx, { area: 'Brute force and replay', check: 'unknown email vs wrong password: same answers', tried: attempts, unit: 'attempts' });
  });

  it('unknown email vs wrong password: identical errors, median times within 10% over 30 tries each (OWASP scrypt)', async (ctx) => {
    await withAccount({ hasher: createScryptHasher(), dataDir: scratchDataDir('enumeration-timing') });
    const times = { wrong: [] as number[], unknown: [] as number[] };
    const timed = async (credentials: Credentials, into: number[]) => {
      const start = performance.now();
      const result = await harness.call('signIn', credentials);
      into.push(performance.now() - start);
      return result;
    };
    // Warm up both paths (first-call costs) before measuring.
    await harness.call('signIn', WRONG_PASSWORD);
    await harness.call('signIn', UNKNOWN_EMAIL);

    for (let i = 0; i < TIMED_TRIES; i += 1) {
      // Past any wait, so neither path answers early with RATE_LIMITED.
      harness.clock.advance(MAX_DELAY_MS);
      // Each pair runs at once, so both meet the same machine load (two cores, shared with other
      // work), and which one is sent first alternates.
      const wrongCall = () => timed(WRONG_PASSWORD, times.wrong);
      const unknownCall = () => timed(UNKNOWN_EMAIL, times.unknown);
      const [wrong, unknown] =
        i % 2 === 0 ? await Promise.all([wrongCall(), unknownCall()]) : (await Promise.all([unknownCall(), wrongCall()])).reverse();
      expect(unknown).toEqual(wrong);
      expect(wrong).toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS' } });
    }
    const [wrong, unknown] = [median(times.wrong), median(times.unknown)];
    expect(Math.abs(wrong - unknown) / Math.max(wrong, unknown)).toBeLessThanOrEqual(0.1);
    ctx.annotate(`median wrong password ${wrong.toFixed(1)} ms, unknown email ${unknown.toFixed(1)} ms`);
    recordSecurityCheck(ctx, {
      area: 'Brute force and replay',
      check: 'unknown email vs wrong password',
      tried: times.wrong.length + times.unknown.length,
      unit: 'timed attempts',
    });
  });
});

/** The unknown address typed in different cases: still one address to the throttle. */
function caseOf(n: number): string {
  return n % 3 === 0 ? UNKNOWN_EMAIL.email : n % 3 === 1 ? UNKNOWN_EMAIL.email.toUpperCase() : ' Nobody@Example.com';
}
