/**
 * "More time" (issue 13, WCAG 2.2.1) is enforced in main: each sign-in challenge and each
 * enrollment can be extended TIME_LIMIT_MAX_EXTENSIONS times, each time to a full period from the
 * moment of asking; the next call is refused and changes nothing. Extending never adds wrong-code
 * attempts, and a new challenge or enrollment starts its own count.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src-shared/errors';
import {
  CHALLENGE_MAX_FAILURES,
  ENROLLMENT_TTL_MS,
  SIGN_IN_CHALLENGE_TTL_MS,
  TIME_LIMIT_MAX_EXTENSIONS,
} from '../../src-shared/twoFactorRules';
import { ADA, createBackendHarness, expectOk, type BackendHarness } from '../support/backendHarness';
import { activateTwoFactor, codeAt, signInToChallenge } from '../support/twoFactorSteps';
import { recordSecurityCheck } from '../support/securityCheck';

const LIMIT_REACHED = { ok: false, error: { code: 'EXTENSION_LIMIT_REACHED', message: MESSAGES.extensionLimitReached } };
/** Just inside the warning minute, where the screens offer "More time". */
const NEAR_THE_END = 50_000;

let harness: BackendHarness;
beforeEach(() => void (harness = createBackendHarness()));
afterEach(() => harness.cleanup());

describe('More time on the second sign-in step', () => {
  it(`extends a challenge ${TIME_LIMIT_MAX_EXTENSIONS} times, a full period each, then refuses; a code still works past the first deadline`, async (ctx) => {
    const { secret } = await activateTwoFactor(harness);
    await signInToChallenge(harness);
    const first = expectOk(await harness.call('getSession', {})).challenge!;
    expect(first.extensionsLeft).toBe(TIME_LIMIT_MAX_EXTENSIONS);

    let tried = 0;
    for (let extension = 1; extension <= TIME_LIMIT_MAX_EXTENSIONS; extension += 1) {
      harness.clock.advance(SIGN_IN_CHALLENGE_TTL_MS - NEAR_THE_END);
      const { challenge } = expectOk(await harness.call('extendTwoFactorChallenge', {}));
      tried += 1;
      expect(challenge).toEqual({
        ...first,
        expiresAt: harness.clock.now() + SIGN_IN_CHALLENGE_TTL_MS,
        extensionsLeft: TIME_LIMIT_MAX_EXTENSIONS - extension,
      });
    }
    const last = expectOk(await harness.call('getSession', {})).challenge!;
    for (let refused = 0; refused < 3; refused += 1) {
      expect(await harness.call('extendTwoFactorChallenge', {})).toEqual(LIMIT_REACHED);
      tried += 1;
    }
    expect(expectOk(await harness.call('getSession', {})).challenge).toEqual(last);

    // Far past the first deadline, the extended challenge still takes a code.
    expect(harness.clock.now()).toBeGreaterThan(first.expiresAt + TIME_LIMIT_MAX_EXTENSIONS * 60_000);
    expectOk(await harness.call('submitTwoFactorCode', { code: await codeAt(harness, secret) }));
    recordSecurityCheck(ctx, {
      area: 'Brute force and replay',
      check: `More time on the sign-in step: capped at ${TIME_LIMIT_MAX_EXTENSIONS} per challenge, in main`,
      tried,
      unit: 'extensions',
    });
  });

  it('ends at the last deadline, refusing both a code and more time', async () => {
    const { secret } = await activateTwoFactor(harness);
    await signInToChallenge(harness);
    for (let i = 0; i < TIME_LIMIT_MAX_EXTENSIONS; i += 1) expectOk(await harness.call('extendTwoFactorChallenge', {}));
    harness.clock.advance(SIGN_IN_CHALLENGE_TTL_MS);
    const expired = { ok: false, error: { code: 'CHALLENGE_EXPIRED', message: MESSAGES.challengeExpired } };
    expect(await harness.call('extendTwoFactorChallenge', {})).toEqual(expired);
    expect(await harness.call('submitTwoFactorCode', { code: await codeAt(harness, secret) })).toEqual(expired);
  });

  it('gives no extra wrong codes, and a new challenge starts its own count', async () => {
    await activateTwoFactor(harness);
    await signInToChallenge(harness);
    expect(await harness.call('submitTwoFactorCode', { code: '000000' })).toMatchObject({
      error: { attemptsLeft: CHALLENGE_MAX_FAILURES - 1 },
    });
    for (let i = 0; i < TIME_LIMIT_MAX_EXTENSIONS; i += 1) {
      expect(expectOk(await harness.call('extendTwoFactorChallenge', {})).challenge.attemptsLeft).toBe(CHALLENGE_MAX_FAILURES - 1);
    }
    expect(await harness.call('extendTwoFactorChallenge', {})).toEqual(LIMIT_REACHED);

    expectOk(await harness.call('signIn', { email: ADA.email, password: ADA.password }));
    expect(expectOk(await harness.call('extendTwoFactorChallenge', {})).challenge.extensionsLeft).toBe(TIME_LIMIT_MAX_EXTENSIONS - 1);
  });

  it('refuses without a challenge: none started, cancelled, or signed in with a code meanwhile', async () => {
    const expired = { ok: false, error: { code: 'CHALLENGE_EXPIRED', message: MESSAGES.challengeExpired } };
    expect(await harness.call('extendTwoFactorChallenge', {})).toEqual(expired);
    await activateTwoFactor(harness);
    expect(await harness.call('extendTwoFactorChallenge', {})).toEqual(expired);
    await signInToChallenge(harness);
    expectOk(await harness.call('cancelTwoFactorChallenge', {}));
    expect(await harness.call('extendTwoFactorChallenge', {})).toEqual(expired);
  });
});

describe('More time during enrollment', () => {
  const begin = async () => expectOk(await harness.call('beginTwoFactorEnrollment', { password: ADA.password })).enrollment;

  it(`extends an enrollment ${TIME_LIMIT_MAX_EXTENSIONS} times, a full period each, then refuses; the code still activates`, async (ctx) => {
    expectOk(await harness.call('createAccount', ADA));
    const enrollment = await begin();
    expect(enrollment.extensionsLeft).toBe(TIME_LIMIT_MAX_EXTENSIONS);

    let tried = 0;
    for (let extension = 1; extension <= TIME_LIMIT_MAX_EXTENSIONS; extension += 1) {
      harness.clock.advance(ENROLLMENT_TTL_MS - NEAR_THE_END);
      // Each extension counts as activity, so the 15-minute idle limit does not end the session here.
      expect(expectOk(await harness.call('extendTwoFactorEnrollment', {}))).toEqual({
        expiresAt: harness.clock.now() + ENROLLMENT_TTL_MS,
        extensionsLeft: TIME_LIMIT_MAX_EXTENSIONS - extension,
      });
      tried += 1;
    }
    for (let refused = 0; refused < 3; refused += 1) {
      expect(await harness.call('extendTwoFactorEnrollment', {})).toEqual(LIMIT_REACHED);
      tried += 1;
    }
    harness.clock.advance(ENROLLMENT_TTL_MS - NEAR_THE_END);
    expect(harness.clock.now()).toBeGreaterThan(enrollment.expiresAt);
    expect([...harness.secretStore.entries.values()]).toEqual([enrollment.secretKey]);
    expectOk(await harness.call('confirmTwoFactorEnrollment', { code: await codeAt(harness, enrollment.secretKey) }));
    recordSecurityCheck(ctx, {
      area: 'Brute force and replay',
      check: `More time during enrollment: capped at ${TIME_LIMIT_MAX_EXTENSIONS} per enrollment, in main`,
      tried,
      unit: 'extensions',
    });
  });

  it('refuses after the last deadline, after Cancel, and when signed out; a new enrollment starts its own count', async () => {
    expectOk(await harness.call('createAccount', ADA));
    const expired = { ok: false, error: { code: 'ENROLLMENT_EXPIRED', message: MESSAGES.enrollmentExpired } };
    expect(await harness.call('extendTwoFactorEnrollment', {})).toEqual(expired);

    await begin();
    for (let i = 0; i < TIME_LIMIT_MAX_EXTENSIONS; i += 1) expectOk(await harness.call('extendTwoFactorEnrollment', {}));
    harness.clock.advance(ENROLLMENT_TTL_MS);
    expect(await harness.call('extendTwoFactorEnrollment', {})).toEqual(expired);
    expect(harness.secretStore.entries.size).toBe(0);

    await begin();
    expect(expectOk(await harness.call('extendTwoFactorEnrollment', {})).extensionsLeft).toBe(TIME_LIMIT_MAX_EXTENSIONS - 1);
    expectOk(await harness.call('cancelTwoFactorEnrollment', {}));
    expect(await harness.call('extendTwoFactorEnrollment', {})).toEqual(expired);

    await begin();
    expectOk(await harness.call('signOut', {}));
    expect(await harness.call('extendTwoFactorEnrollment', {})).toMatchObject({ error: { code: 'NOT_SIGNED_IN' } });
  });
});
