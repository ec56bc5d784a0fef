import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clockDriftMessage, MESSAGES } from '../../../src-shared/errors';
import { fail, ok } from '../../../src-shared/result';
import { setGatehouseApi } from '../../../src-renderer/api/gatehouseApi';
import { useSessionStore } from '../../../src-renderer/stores/session';
import { useSignInChallengeStore } from '../../../src-renderer/stores/signInChallenge';
import { ADA, installFakeApi, sessionFor, type FakeApi } from './fakeApi';
import { challengeFor } from './twoFactorFixtures';

const START = new Date('2025-03-01T10:00:00Z').getTime();
const PASSWORD = 'correct horse battery';

let api: FakeApi;

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(START);
  setActivePinia(createPinia());
  api = installFakeApi();
});

afterEach(() => {
  vi.useRealTimers();
  setGatehouseApi(null);
});

/** Email and password accepted for an account with two-factor authentication: the second step is pending. */
async function challenged() {
  api.signIn.mockResolvedValueOnce(ok({ challenge: challengeFor(ADA.email) }));
  const session = useSessionStore();
  expect(await session.signIn({ email: ADA.email, password: PASSWORD })).toBe(false);
  return { session, challenge: useSignInChallengeStore() };
}

describe('sign-in with two-factor authentication', () => {
  it('holds the challenge after the password, without a session or an error', async () => {
    const { session, challenge } = await challenged();
    expect(session.challenge).toEqual(challengeFor(ADA.email));
    expect(session.isSignedIn).toBe(false);
    expect(session.signInError).toBeNull();
    expect(challenge.method).toBe('authenticator');
  });

  it('resumes a pending challenge that main reports at start-up', async () => {
    api.getSession.mockResolvedValueOnce(ok({ session: null, challenge: challengeFor(ADA.email) }));
    const session = useSessionStore();
    await session.ensureLoaded();
    expect(session.challenge?.email).toBe(ADA.email);
    expect(session.isSignedIn).toBe(false);
  });

  it('starts the session with a valid 6-digit code (spaces are left for main to strip)', async () => {
    const { session, challenge } = await challenged();
    api.submitTwoFactorCode.mockResolvedValueOnce(ok({ session: sessionFor() }));
    expect(await challenge.submitCode('123 456')).toBe(true);
    expect(api.submitTwoFactorCode).toHaveBeenCalledWith({ code: '123 456' });
    expect(session.isSignedIn).toBe(true);
    expect(session.challenge).toBeNull();
    expect(challenge.recoveryCodesRemaining).toBeNull();
  });

  it('keeps the challenge after a wrong code and exposes the clock-drift advice and attempts left', async () => {
    const { session, challenge } = await challenged();
    const message = clockDriftMessage(4);
    api.submitTwoFactorCode.mockResolvedValueOnce(
      fail({ code: 'INVALID_CODE', message, attemptsLeft: 3, clockDriftMinutes: 4 }),
    );
    expect(await challenge.submitCode('000000')).toBe(false);
    expect(challenge.error?.message).toBe(message);
    expect(challenge.error?.message).toContain('4 minutes behind');
    expect(challenge.error?.attemptsLeft).toBe(3);
    expect(session.challenge).not.toBeNull();
    expect(challenge.pending).toBe(false);
  });

  it('goes back to sign in with the message when the challenge expired, and keeps it when the screen opens', async () => {
    const { session, challenge } = await challenged();
    api.submitTwoFactorCode.mockResolvedValueOnce(fail({ code: 'CHALLENGE_EXPIRED', message: MESSAGES.challengeExpired }));
    expect(await challenge.submitCode('123456')).toBe(false);
    expect(session.challenge).toBeNull();
    expect(challenge.error).toBeNull();
    expect(session.lastEmail).toBe(ADA.email);
    session.clearFormErrors(); // the sign-in screen opening
    expect(session.signInError?.message).toBe(MESSAGES.challengeExpired);
    session.clearFormErrors(); // opened again later: the message has been seen
    expect(session.signInError).toBeNull();
  });

  it('says when to try again after SECOND_FACTOR_LOCKED and holds sign-in back until then', async () => {
    const { session, challenge } = await challenged();
    const retryAt = START + 15 * 60_000;
    api.submitTwoFactorCode.mockResolvedValueOnce(
      fail({ code: 'SECOND_FACTOR_LOCKED', message: MESSAGES.secondFactorLocked, retryAt }),
    );
    await challenge.submitCode('123456');
    expect(session.challenge).toBeNull();
    expect(session.signInError?.code).toBe('SECOND_FACTOR_LOCKED');
    expect(session.retryAt).toBe(retryAt);
    expect(session.isRateLimited()).toBe(true);
    expect(api.cancelTwoFactorChallenge).toHaveBeenCalledTimes(1);
    expect(await session.signIn({ email: ADA.email, password: PASSWORD })).toBe(false);
    expect(api.signIn).toHaveBeenCalledTimes(1);
    session.clearFormErrors();
    expect(session.signInError?.code).toBe('SECOND_FACTOR_LOCKED');
  });

  it('shows SECOND_FACTOR_LOCKED straight from signIn on the sign-in screen', async () => {
    const retryAt = START + 10 * 60_000;
    api.signIn.mockResolvedValueOnce(fail({ code: 'SECOND_FACTOR_LOCKED', message: MESSAGES.secondFactorLocked, retryAt }));
    const session = useSessionStore();
    expect(await session.signIn({ email: ADA.email, password: PASSWORD })).toBe(false);
    expect(session.challenge).toBeNull();
    expect(session.signInError?.message).toBe(MESSAGES.secondFactorLocked);
    expect(session.retryAt).toBe(retryAt);
    session.clearRateLimit();
    expect(session.signInError).toBeNull();
  });

  it('switches between the authenticator app and a recovery code, clearing the error', async () => {
    const { challenge } = await challenged();
    api.submitTwoFactorCode.mockResolvedValueOnce(fail({ code: 'INVALID_CODE', message: MESSAGES.invalidTotpCode }));
    await challenge.submitCode('111111');
    expect(challenge.error).not.toBeNull();
    challenge.chooseMethod('recoveryCode');
    expect(challenge.method).toBe('recoveryCode');
    expect(challenge.error).toBeNull();
    challenge.chooseMethod('authenticator');
    expect(challenge.method).toBe('authenticator');
  });

  it('moves to recovery codes when the secret is missing from the keychain, and keeps the explanation', async () => {
    const { challenge } = await challenged();
    api.submitTwoFactorCode.mockResolvedValueOnce(fail({ code: 'SECRET_MISSING', message: MESSAGES.secretMissing }));
    await challenge.submitCode('123456');
    expect(challenge.method).toBe('recoveryCode');
    expect(challenge.error?.message).toBe(MESSAGES.secretMissing);
  });

  it('keeps the authenticator path when the keychain is locked (the view offers the recovery code)', async () => {
    const { session, challenge } = await challenged();
    api.submitTwoFactorCode.mockResolvedValueOnce(
      fail({ code: 'SECRET_STORE_UNAVAILABLE', message: MESSAGES.secretStoreUnavailableAtSignIn }),
    );
    await challenge.submitCode('123456');
    expect(challenge.method).toBe('authenticator');
    expect(challenge.error?.code).toBe('SECRET_STORE_UNAVAILABLE');
    expect(session.challenge).not.toBeNull();
  });

  it('signs in with a recovery code and remembers how many are left until sign-out', async () => {
    const { session, challenge } = await challenged();
    challenge.chooseMethod('recoveryCode');
    api.submitRecoveryCode.mockResolvedValueOnce(ok({ session: sessionFor(), recoveryCodesRemaining: 2 }));
    expect(await challenge.submitRecoveryCode('ABCDE-FGHJK')).toBe(true);
    expect(api.submitRecoveryCode).toHaveBeenCalledWith({ code: 'ABCDE-FGHJK' });
    expect(session.isSignedIn).toBe(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(challenge.recoveryCodesRemaining).toBe(2);

    await session.signOut();
    await vi.advanceTimersByTimeAsync(0);
    expect(challenge.recoveryCodesRemaining).toBeNull();
  });

  it('lets the notice be dismissed', async () => {
    const { challenge } = await challenged();
    api.submitRecoveryCode.mockResolvedValueOnce(ok({ session: sessionFor(), recoveryCodesRemaining: 7 }));
    await challenge.submitRecoveryCode('abcdefghjk');
    challenge.dismissRecoveryNotice();
    expect(challenge.recoveryCodesRemaining).toBeNull();
  });

  it('"Back to sign in" drops the challenge at once and tells main', async () => {
    const { session, challenge } = await challenged();
    await challenge.cancel();
    expect(session.challenge).toBeNull();
    expect(session.signInError).toBeNull();
    expect(api.cancelTwoFactorChallenge).toHaveBeenCalledWith({});
  });

  it('ends the challenge with the expiry message when its time is up', async () => {
    const { session, challenge } = await challenged();
    challenge.expire();
    expect(session.challenge).toBeNull();
    expect(session.signInError).toEqual({ code: 'CHALLENGE_EXPIRED', message: MESSAGES.challengeExpired });
    expect(api.cancelTwoFactorChallenge).toHaveBeenCalledTimes(1);
  });

  it('sends nothing without a challenge, and one code at a time', async () => {
    const challenge = useSignInChallengeStore();
    expect(await challenge.submitCode('123456')).toBe(false);
    expect(api.submitTwoFactorCode).not.toHaveBeenCalled();

    await challenged();
    api.submitTwoFactorCode.mockResolvedValueOnce(ok({ session: sessionFor() }));
    const first = challenge.submitCode('123456');
    expect(await challenge.submitCode('654321')).toBe(false);
    expect(await first).toBe(true);
    expect(api.submitTwoFactorCode).toHaveBeenCalledTimes(1);
  });

  it('starts each new challenge on the authenticator app with a clean form', async () => {
    const { challenge } = await challenged();
    challenge.chooseMethod('recoveryCode');
    await challenge.cancel();
    await challenged();
    await vi.advanceTimersByTimeAsync(0);
    expect(challenge.method).toBe('authenticator');
  });
});
