import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MESSAGES } from '../../../../src-shared/errors';
import { SECOND_FACTOR_LOCK_MS } from '../../../../src-shared/twoFactorRules';
import { createScryptHasher } from '../../../../src-main/core/security/passwordHasher';
import { ADA, createBackendHarness, expectOk, TEST_SCRYPT, type BackendHarness } from '../../../support/backendHarness';
import { activateTwoFactor, codeAt, queryDatabase, signInToChallenge } from '../../../support/twoFactorSteps';

const WRONG = '000000';

describe('wrong codes: cancelling the challenge and locking the second factor', () => {
  let harness: BackendHarness;
  let secret: string;
  const hasher = createScryptHasher(TEST_SCRYPT);
  beforeEach(async () => {
    harness = createBackendHarness({ hasher });
    ({ secret } = await activateTwoFactor(harness));
  });
  afterEach(() => {
    harness.cleanup();
    vi.restoreAllMocks();
  });

  async function failTimes(count: number): Promise<string[]> {
    const codes: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const result = await harness.call('submitTwoFactorCode', { code: WRONG });
      codes.push(result.ok ? 'OK' : result.error.code);
    }
    return codes;
  }

  it('counts down attemptsLeft and cancels the challenge at the 5th wrong code', async () => {
    await signInToChallenge(harness);
    const lefts: (number | undefined)[] = [];
    for (let i = 0; i < 4; i += 1) {
      const result = await harness.call('submitTwoFactorCode', { code: WRONG });
      lefts.push(result.ok ? undefined : result.error.attemptsLeft);
    }
    expect(lefts).toEqual([4, 3, 2, 1]);
    expect(await harness.call('submitTwoFactorCode', { code: WRONG })).toEqual({
      ok: false,
      error: { code: 'CHALLENGE_EXPIRED', message: MESSAGES.challengeFailedTooOften },
    });
    expect(expectOk(await harness.call('getSession', {})).challenge).toBeUndefined();
    const kinds = queryDatabase<{ kind: string }>(harness, 'SELECT kind FROM security_events').map((e) => e.kind);
    expect(kinds.filter((kind) => kind === 'two_factor_code_rejected')).toHaveLength(5);
  });

  it('locks after 10 consecutive failures across challenges, persisted across a restart, then lets the owner in', async () => {
    await signInToChallenge(harness);
    expect(await failTimes(5)).toEqual([...Array(4).fill('INVALID_CODE'), 'CHALLENGE_EXPIRED']);
    expectOk(await harness.call('signIn', { email: ADA.email, password: ADA.password }));
    expect(expectOk(await harness.call('getSession', {})).challenge?.attemptsLeft).toBe(5);
    expect(await failTimes(4)).toEqual(Array(4).fill('INVALID_CODE'));
    const lockedAt = harness.clock.now();
    expect(await harness.call('submitRecoveryCode', { code: 'zzzzz-zzzzz' })).toEqual({
      ok: false,
      error: { code: 'SECOND_FACTOR_LOCKED', message: MESSAGES.secondFactorLocked, retryAt: lockedAt + SECOND_FACTOR_LOCK_MS },
    });
    expect(queryDatabase(harness, 'SELECT failed_attempts, locked_until FROM two_factor')).toEqual([
      { failed_attempts: 0, locked_until: lockedAt + SECOND_FACTOR_LOCK_MS },
    ]);
    const events = queryDatabase<{ kind: string }>(harness, 'SELECT kind FROM security_events ORDER BY id DESC LIMIT 2');
    expect(events.map((event) => event.kind)).toEqual(['second_factor_locked', 'recovery_code_rejected']);

    harness.reopen();
    expect(await harness.call('signIn', { email: ADA.email, password: ADA.password })).toMatchObject({
      error: { code: 'SECOND_FACTOR_LOCKED', retryAt: lockedAt + SECOND_FACTOR_LOCK_MS },
    });
    harness.clock.set(lockedAt + SECOND_FACTOR_LOCK_MS);
    expectOk(await harness.call('signIn', { email: ADA.email, password: ADA.password }));
    expectOk(await harness.call('submitTwoFactorCode', { code: await codeAt(harness, secret) }));
    expect(queryDatabase(harness, 'SELECT failed_attempts, locked_until FROM two_factor')).toEqual([
      { failed_attempts: 0, locked_until: null },
    ]);
  });

  it('says only how many attempts are left before the lock when that comes first', async () => {
    await signInToChallenge(harness);
    await failTimes(4);
    await harness.call('cancelTwoFactorChallenge', {});
    expectOk(await harness.call('signIn', { email: ADA.email, password: ADA.password }));
    await failTimes(3); // 7 consecutive
    expect(expectOk(await harness.call('getSession', {})).challenge?.attemptsLeft).toBe(2);
    expect(await harness.call('submitTwoFactorCode', { code: WRONG })).toMatchObject({ error: { attemptsLeft: 1 } });
  });

  it('resets the consecutive count on success', async () => {
    await signInToChallenge(harness);
    await failTimes(4);
    expectOk(await harness.call('submitTwoFactorCode', { code: await codeAt(harness, secret) }));
    expect(queryDatabase(harness, 'SELECT failed_attempts FROM two_factor')).toEqual([{ failed_attempts: 0 }]);
  });

  it('gives a locked account the same answer, after the same hash time, whether the password is right or wrong', async () => {
    await signInToChallenge(harness);
    await failTimes(5);
    expectOk(await harness.call('signIn', { email: ADA.email, password: ADA.password }));
    await failTimes(5);
    const verify = vi.spyOn(hasher, 'verify');
    const verifyNothing = vi.spyOn(hasher, 'verifyNothing');
    const right = await harness.call('signIn', { email: ADA.email, password: ADA.password });
    const wrong = await harness.call('signIn', { email: ADA.email, password: 'not the password' });
    expect(right).toEqual(wrong);
    expect(right).toMatchObject({ ok: false, error: { code: 'SECOND_FACTOR_LOCKED' } });
    expect(verify).not.toHaveBeenCalled();
    expect(verifyNothing).toHaveBeenCalledTimes(2);
  });
});
