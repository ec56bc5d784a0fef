import { beforeEach, describe, expect, it, vi } from 'vitest';
import { clockDriftMessage, MESSAGES, type ApiError } from '../../../../src-shared/errors';
import { fail, ok } from '../../../../src-shared/result';
import SignInVerifyView from '../../../../src-renderer/features/auth/SignInVerifyView.vue';
import { useSessionStore } from '../../../../src-renderer/stores/session';
import { useSignInStore } from '../../../../src-renderer/stores/signIn';
import { useTwoFactorStore } from '../../../../src-renderer/stores/twoFactor';
import { ADA, installFakeApi, sessionFor, type FakeApi } from '../fakeApi';
import { challengeFor } from '../twoFactorFixtures';
import { flushPromises, freshPinia, render, screen } from './harness';

const START = new Date('2025-03-01T10:00:00Z').getTime();

let api: FakeApi;

beforeEach(() => {
  freshPinia();
  api = installFakeApi();
});

/** The second step, as after a correct password for Ada's account with two-factor authentication. */
async function renderVerify(options: { fakeTimers?: boolean; expiresAt?: number } = {}) {
  const session = useSessionStore();
  const signIn = useSignInStore();
  signIn.challenge = challengeFor(ADA.email, options.expiresAt);
  const rendered = await render(SignInVerifyView, { name: 'sign-in-verify', fakeTimers: options.fakeTimers });
  return { ...rendered, session, signIn, twoFactor: useTwoFactorStore() };
}

function invalidCode(message: string, attemptsLeft: number, clockDriftMinutes?: number): ApiError {
  return { code: 'INVALID_CODE', message, attemptsLeft, ...(clockDriftMinutes === undefined ? {} : { clockDriftMinutes }) };
}

async function submit(user: Awaited<ReturnType<typeof render>>['user'], label: string, code: string): Promise<void> {
  await user.type(screen.getByLabelText(label), code);
  await user.click(screen.getByRole('button', { name: 'Submit' }));
  await flushPromises();
}

describe('SignInVerifyView', () => {
  it('asks for the 6-digit code of the account signing in, with the field focused', async () => {
    await renderVerify();
    screen.getByRole('heading', { name: 'Two-factor authentication' });
    expect(screen.getByText(ADA.email)).toBeTruthy();
    const field = screen.getByLabelText('6-digit code');
    expect(field.getAttribute('inputmode')).toBe('numeric');
    expect(field.getAttribute('autocomplete')).toBe('one-time-code');
    expect(document.activeElement).toBe(field);
    expect(screen.getAllByRole('button').map((button) => button.textContent?.trim())).toEqual([
      'Submit',
      'Use a recovery code',
      'Back to sign in',
      'Lost your phone?',
    ]);
  });

  it('signs in with a valid code and opens the Dashboard', async () => {
    api.submitTwoFactorCode.mockResolvedValueOnce(ok({ session: sessionFor() }));
    const { user, router, session } = await renderVerify();
    await submit(user, '6-digit code', '123 456');
    expect(api.submitTwoFactorCode).toHaveBeenCalledExactlyOnceWith({ code: '123 456' });
    expect(session.isSignedIn).toBe(true);
    expect(router.currentRoute.value.name).toBe('dashboard');
    screen.getByRole('heading', { name: 'Dashboard' });
  });

  it('shows a wrong code’s reason (the clock drift) and the attempts left, and clears and refocuses the field', async () => {
    const message = clockDriftMessage(4);
    api.submitTwoFactorCode.mockResolvedValueOnce(fail(invalidCode(message, 3, 4)));
    const { user, router } = await renderVerify();
    await submit(user, '6-digit code', '000000');

    const alert = screen.getByRole('alert');
    expect(alert.textContent?.trim()).toBe(`${message} 3 attempts left.`);
    expect(alert.textContent).toContain("your computer's clock looks about 4 minutes behind");
    const field = screen.getByLabelText<HTMLInputElement>('6-digit code');
    expect(field.value).toBe('');
    expect(document.activeElement).toBe(field);
    expect(router.currentRoute.value.name).toBe('sign-in-verify');
  });

  it('says "1 attempt left." for the last try', async () => {
    api.submitTwoFactorCode.mockResolvedValueOnce(fail(invalidCode(MESSAGES.invalidTotpCode, 1)));
    const { user } = await renderVerify();
    await submit(user, '6-digit code', '000000');
    expect(screen.getByRole('alert').textContent?.trim()).toBe(`${MESSAGES.invalidTotpCode} 1 attempt left.`);
  });

  it('disables Submit and marks it busy while the code is checked', async () => {
    let answer: (value: Awaited<ReturnType<FakeApi['submitTwoFactorCode']>>) => void = () => undefined;
    api.submitTwoFactorCode.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    const { user } = await renderVerify();
    await submit(user, '6-digit code', '123456');
    const button = screen.getByRole('button', { name: 'Submit' });
    expect(button).toHaveProperty('disabled', true);
    expect(button.getAttribute('aria-busy')).toBe('true');
    expect(screen.getByRole('status').textContent?.trim()).toBe('Checking the code…');
    answer(ok({ session: sessionFor() }));
    await flushPromises();
  });

  it('"Use a recovery code" asks for one, signs in with it and remembers how many are left', async () => {
    api.submitRecoveryCode.mockResolvedValueOnce(ok({ session: sessionFor(), recoveryCodesRemaining: 2 }));
    const { user, router, twoFactor } = await renderVerify();
    await user.click(screen.getByRole('button', { name: 'Use a recovery code' }));
    await flushPromises();
    expect(screen.queryByLabelText('6-digit code')).toBeNull();
    const field = screen.getByLabelText('Recovery code');
    expect(document.activeElement).toBe(field);
    screen.getByRole('button', { name: 'Use your authenticator app' });

    await submit(user, 'Recovery code', 'abcd2-fghj2');
    expect(api.submitRecoveryCode).toHaveBeenCalledExactlyOnceWith({ code: 'abcd2-fghj2' });
    expect(api.submitTwoFactorCode).not.toHaveBeenCalled();
    expect(router.currentRoute.value.name).toBe('dashboard');
    expect(twoFactor.recoveryCodesRemaining).toBe(2);
  });

  it('"Use your authenticator app" goes back to the 6-digit code', async () => {
    const { user } = await renderVerify();
    await user.click(screen.getByRole('button', { name: 'Use a recovery code' }));
    await user.click(screen.getByRole('button', { name: 'Use your authenticator app' }));
    await flushPromises();
    expect(document.activeElement).toBe(screen.getByLabelText('6-digit code'));
  });

  it('switches to a recovery code by itself when the secret is missing from the keychain', async () => {
    api.submitTwoFactorCode.mockResolvedValueOnce(fail({ code: 'SECRET_MISSING', message: MESSAGES.secretMissing }));
    const { user } = await renderVerify();
    await submit(user, '6-digit code', '123456');
    expect(screen.getByRole('alert').textContent?.trim()).toBe(MESSAGES.secretMissing);
    screen.getByLabelText('Recovery code');
  });

  it('goes back to sign in with the reason when the attempt is cancelled after too many wrong codes', async () => {
    api.submitTwoFactorCode.mockResolvedValueOnce(fail({ code: 'CHALLENGE_EXPIRED', message: MESSAGES.challengeFailedTooOften }));
    const { user, router, signIn } = await renderVerify();
    await submit(user, '6-digit code', '000000');
    expect(router.currentRoute.value.name).toBe('sign-in');
    expect(signIn.challenge).toBeNull();
    expect(signIn.error?.message).toBe(MESSAGES.challengeFailedTooOften);
  });

  it('"Back to sign in" drops the challenge here and in main', async () => {
    const { user, router, signIn } = await renderVerify();
    await user.click(screen.getByRole('button', { name: 'Back to sign in' }));
    await flushPromises();
    expect(api.cancelTwoFactorChallenge).toHaveBeenCalledExactlyOnceWith({});
    expect(signIn.challenge).toBeNull();
    expect(router.currentRoute.value.name).toBe('sign-in');
  });

  it('goes back to sign in when the attempt runs out of time', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(START);
    const { router, signIn } = await renderVerify({ fakeTimers: true, expiresAt: START + 5 * 60_000 });
    await vi.advanceTimersByTimeAsync(5 * 60_000 - 1);
    expect(router.currentRoute.value.name).toBe('sign-in-verify');
    await vi.advanceTimersByTimeAsync(1);
    await flushPromises();
    expect(router.currentRoute.value.name).toBe('sign-in');
    expect(signIn.error).toEqual({ code: 'CHALLENGE_EXPIRED', message: MESSAGES.challengeExpired });
    expect(api.cancelTwoFactorChallenge).toHaveBeenCalledOnce();
  });

  it('clears its timers (deadline, countdown) when unmounted', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(START);
    const { unmount, signIn } = await renderVerify({ fakeTimers: true, expiresAt: START + 5 * 60_000 });
    expect(vi.getTimerCount()).toBe(2);
    unmount();
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(signIn.challenge).not.toBeNull();
    expect(api.cancelTwoFactorChallenge).not.toHaveBeenCalled();
  });
});
