import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clockDriftMessage, MESSAGES } from '../../../src-shared/errors';
import { fail, ok } from '../../../src-shared/result';
import { useSessionStore } from '../../../src-renderer/stores/session';
import { useSignInStore } from '../../../src-renderer/stores/signIn';
import { useTwoFactorStore } from '../../../src-renderer/stores/twoFactor';
import { ADA, freshStoresAt, sessionFor, tearDownStores, type FakeApi } from './fakeApi';
import { challengeFor } from './twoFactorFixtures';

const START = new Date('2025-03-01T10:00:00Z').getTime();
const PASSWORD = 'correct horse battery';

let api: FakeApi;

beforeEach(() => {
  api = freshStoresAt(START);
});

afterEach(tearDownStores);

/** Email and password accepted for an account with two-factor authentication: the second step is pending. */
async function challenged() {
  api.signIn.mockResolvedValueOnce(ok({ challenge: challengeFor(ADA.email) }));
  const signIn = useSignInStore();
  const result = await signIn.signIn({ email: ADA.email, password: PASSWORD });
  expect(result.ok && result.value.session).toBeFalsy();
  return { session: useSessionStore(), signIn };
}

describe('sign-in with two-factor authentication', () => {
  it('holds the challenge after the password, without a session or an error', async () => {
    const { session, signIn } = await challenged();
    expect(signIn.challenge).toEqual(challengeFor(ADA.email));
    expect(session.isSignedIn).toBe(false);
    expect(signIn.error).toBeNull();
    expect(signIn.method).toBe('authenticator');
  });

  it('resumes a pending challenge that main reports at start-up', async () => {
    api.getSession.mockResolvedValueOnce(ok({ session: null, challenge: challengeFor(ADA.email) }));
    const signIn = useSignInStore();
    await signIn.ensureLoaded();
    expect(signIn.challenge?.email).toBe(ADA.email);
    expect(useSessionStore().isSignedIn).toBe(false);
  });

  it('starts the session with a valid 6-digit code (spaces are left for main to strip)', async () => {
    const { session, signIn } = await challenged();
    api.submitTwoFactorCode.mockResolvedValueOnce(ok({ session: sessionFor() }));
    expect((await signIn.submitCode('123 456')).ok).toBe(true);
    expect(api.submitTwoFactorCode).toHaveBeenCalledWith({ code: '123 456' });
    expect(session.isSignedIn).toBe(true);
    expect(signIn.challenge).toBeNull();
    expect(useTwoFactorStore().recoveryCodesRemaining).toBeNull();
  });

  it('keeps the challenge after a wrong code and exposes the clock-drift advice and attempts left', async () => {
    const { signIn } = await challenged();
    const message = clockDriftMessage(4);
    api.submitTwoFactorCode.mockResolvedValueOnce(fail({ code: 'INVALID_CODE', message, attemptsLeft: 3, clockDriftMinutes: 4 }));
    expect((await signIn.submitCode('000000')).ok).toBe(false);
    expect(signIn.codeError?.message).toBe(message);
    expect(signIn.codeError?.message).toContain('4 minutes behind');
    expect(signIn.codeError?.attemptsLeft).toBe(3);
    expect(signIn.challenge).not.toBeNull();
    expect(signIn.codePending).toBe(false);
  });

  it('goes back to sign in with the message when the challenge expired, and keeps it when the screen opens', async () => {
    const { session, signIn } = await challenged();
    api.submitTwoFactorCode.mockResolvedValueOnce(fail({ code: 'CHALLENGE_EXPIRED', message: MESSAGES.challengeExpired }));
    expect((await signIn.submitCode('123456')).ok).toBe(false);
    expect(signIn.challenge).toBeNull();
    expect(signIn.codeError).toBeNull();
    expect(session.lastEmail).toBe(ADA.email);
    signIn.clearFormErrors(); // the sign-in screen opening
    expect(signIn.error?.message).toBe(MESSAGES.challengeExpired);
    signIn.clearFormErrors(); // opened again later: the message has been seen
    expect(signIn.error).toBeNull();
  });

  it('says when to try again after SECOND_FACTOR_LOCKED and holds sign-in back until then', async () => {
    const { signIn } = await challenged();
    const retryAt = START + 15 * 60_000;
    api.submitTwoFactorCode.mockResolvedValueOnce(fail({ code: 'SECOND_FACTOR_LOCKED', message: MESSAGES.secondFactorLocked, retryAt }));
    await signIn.submitCode('123456');
    expect(signIn.challenge).toBeNull();
    expect(signIn.error?.code).toBe('SECOND_FACTOR_LOCKED');
    expect(signIn.retryAt).toBe(retryAt);
    expect(signIn.isRateLimited()).toBe(true);
    expect(api.cancelTwoFactorChallenge).toHaveBeenCalledTimes(1);
    expect((await signIn.signIn({ email: ADA.email, password: PASSWORD })).ok).toBe(false);
    expect(api.signIn).toHaveBeenCalledTimes(1);
    signIn.clearFormErrors();
    expect(signIn.error?.code).toBe('SECOND_FACTOR_LOCKED');
  });

  it('shows SECOND_FACTOR_LOCKED straight from signIn on the sign-in screen', async () => {
    const retryAt = START + 10 * 60_000;
    api.signIn.mockResolvedValueOnce(fail({ code: 'SECOND_FACTOR_LOCKED', message: MESSAGES.secondFactorLocked, retryAt }));
    const signIn = useSignInStore();
    expect((await signIn.signIn({ email: ADA.email, password: PASSWORD })).ok).toBe(false);
    expect(signIn.challenge).toBeNull();
    expect(signIn.error?.message).toBe(MESSAGES.secondFactorLocked);
    expect(signIn.retryAt).toBe(retryAt);
    signIn.clearRateLimit();
    expect(signIn.error).toBeNull();
  });

  it('switches between the authenticator app and a recovery code, clearing the error', async () => {
    const { signIn } = await challenged();
    api.submitTwoFactorCode.mockResolvedValueOnce(fail({ code: 'INVALID_CODE', message: MESSAGES.invalidTotpCode }));
    await signIn.submitCode('111111');
    expect(signIn.codeError).not.toBeNull();
    signIn.chooseMethod('recoveryCode');
    expect(signIn.method).toBe('recoveryCode');
    expect(signIn.codeError).toBeNull();
    signIn.chooseMethod('authenticator');
    expect(signIn.method).toBe('authenticator');
  });

  it('moves to recovery codes when the secret is missing from the keychain, and keeps the explanation', async () => {
    const { signIn } = await challenged();
    api.submitTwoFactorCode.mockResolvedValueOnce(fail({ code: 'SECRET_MISSING', message: MESSAGES.secretMissing }));
    await signIn.submitCode('123456');
    expect(signIn.method).toBe('recoveryCode');
    expect(signIn.codeError?.message).toBe(MESSAGES.secretMissing);
  });

  it('keeps the authenticator path when the keychain is locked (the view offers the recovery code)', async () => {
    const { signIn } = await challenged();
    api.submitTwoFactorCode.mockResolvedValueOnce(
      fail({ code: 'SECRET_STORE_UNAVAILABLE', message: MESSAGES.secretStoreUnavailableAtSignIn }),
    );
    await signIn.submitCode('123456');
    expect(signIn.method).toBe('authenticator');
    expect(signIn.codeError?.code).toBe('SECRET_STORE_UNAVAILABLE');
    expect(signIn.challenge).not.toBeNull();
  });

  it('signs in with a recovery code and remembers how many are left until sign-out', async () => {
    const { session, signIn } = await challenged();
    signIn.chooseMethod('recoveryCode');
    api.submitRecoveryCode.mockResolvedValueOnce(ok({ session: sessionFor(), recoveryCodesRemaining: 2 }));
    expect((await signIn.submitRecoveryCode('ABCDE-FGHJK')).ok).toBe(true);
    expect(api.submitRecoveryCode).toHaveBeenCalledWith({ code: 'ABCDE-FGHJK' });
    expect(session.isSignedIn).toBe(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(useTwoFactorStore().recoveryCodesRemaining).toBe(2);

    await session.signOut();
    await vi.advanceTimersByTimeAsync(0);
    expect(useTwoFactorStore().recoveryCodesRemaining).toBeNull();
  });

  it('lets the notice be dismissed', async () => {
    const { signIn } = await challenged();
    api.submitRecoveryCode.mockResolvedValueOnce(ok({ session: sessionFor(), recoveryCodesRemaining: 7 }));
    await signIn.submitRecoveryCode('abcdefghjk');
    useTwoFactorStore().dismissRecoveryNotice();
    expect(useTwoFactorStore().recoveryCodesRemaining).toBeNull();
  });

  it('"Back to sign in" drops the challenge at once and tells main', async () => {
    const { signIn } = await challenged();
    await signIn.cancel();
    expect(signIn.challenge).toBeNull();
    expect(signIn.error).toBeNull();
    expect(api.cancelTwoFactorChallenge).toHaveBeenCalledWith({});
  });

  it('ends the challenge with the expiry message when its time is up', async () => {
    const { signIn } = await challenged();
    signIn.expire();
    expect(signIn.challenge).toBeNull();
    expect(signIn.error).toEqual({ code: 'CHALLENGE_EXPIRED', message: MESSAGES.challengeExpired });
    expect(api.cancelTwoFactorChallenge).toHaveBeenCalledTimes(1);
  });

  it('sends nothing without a challenge, and one code at a time', async () => {
    const signIn = useSignInStore();
    expect((await signIn.submitCode('123456')).ok).toBe(false);
    expect(api.submitTwoFactorCode).not.toHaveBeenCalled();

    await challenged();
    api.submitTwoFactorCode.mockResolvedValueOnce(ok({ session: sessionFor() }));
    const first = signIn.submitCode('123456');
    expect((await signIn.submitCode('654321')).ok).toBe(false);
    expect((await first).ok).toBe(true);
    expect(api.submitTwoFactorCode).toHaveBeenCalledTimes(1);
  });

  it('starts each new challenge on the authenticator app with a clean form', async () => {
    const { signIn } = await challenged();
    signIn.chooseMethod('recoveryCode');
    await signIn.cancel();
    await challenged();
    await vi.advanceTimersByTimeAsync(0);
    expect(signIn.method).toBe('authenticator');
  });
});
