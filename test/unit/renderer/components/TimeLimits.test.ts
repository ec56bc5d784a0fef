/**
 * Issue 13, section 6 (WCAG 2.2.1): the enrollment and the second sign-in step show the time left;
 * about a minute before the end they warn, once, in a polite live region (the ticking countdown is
 * not live), and offer "More time", which asks main to extend the limit. Nothing moves focus until
 * the person chooses More time; then focus goes back to the code field. When main's cap is used
 * up, the warning says so and offers no button.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MESSAGES } from '../../../../src-shared/errors';
import { fail, ok } from '../../../../src-shared/result';
import { TIME_LIMIT_MAX_EXTENSIONS } from '../../../../src-shared/twoFactorRules';
import SignInVerifyView from '../../../../src-renderer/features/auth/SignInVerifyView.vue';
import EnrollmentDialog from '../../../../src-renderer/features/twoFactor/EnrollmentDialog.vue';
import { useSignInStore } from '../../../../src-renderer/stores/signIn';
import { useTwoFactorStore } from '../../../../src-renderer/stores/twoFactor';
import { ADA, installFakeApi, type FakeApi } from '../fakeApi';
import { challengeFor, enrollment } from '../twoFactorFixtures';
import { dialog, flushPromises, freshPinia, render, screen, within } from './harness';

const START = new Date('2025-03-01T10:00:00Z').getTime();
const MINUTE = 60_000;

let api: FakeApi;

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(START);
  freshPinia();
  api = installFakeApi();
});

/** The polite live region of the time limit (the only live region that is not a form's status). */
function liveRegion(container: HTMLElement): HTMLElement {
  const region = container.querySelector<HTMLElement>('[aria-live="polite"]');
  if (!region) throw new Error('no polite live region');
  return region;
}

/** The timer's text and its accessible name (in words). */
function timeLeft(container: HTMLElement): [string, string | null] {
  const timer = within(container).getByRole('timer');
  return [timer.textContent?.replace(/\s+/g, ' ').trim() ?? '', timer.getAttribute('aria-label')];
}

describe('enrollment', () => {
  async function renderEnrollment(extensionsLeft = TIME_LIMIT_MAX_EXTENSIONS) {
    useTwoFactorStore().enrollment = { ...enrollment(START + 10 * MINUTE), extensionsLeft };
    const rendered = await render(EnrollmentDialog, { fakeTimers: true });
    const setup = dialog('Set up two-factor authentication');
    return { ...rendered, setup, field: within(setup).getByLabelText('6-digit code') };
  }

  it('shows the time left, ticking, without announcing it', async () => {
    const { setup } = await renderEnrollment();
    expect(timeLeft(setup)).toEqual(['Time left: 10:00', 'Time left: 10 minutes']);
    await vi.advanceTimersByTimeAsync(61_000);
    expect(timeLeft(setup)).toEqual(['Time left: 8:59', 'Time left: 8 minutes 59 seconds']);
    expect(liveRegion(setup).textContent?.trim()).toBe('');
    expect(within(setup).queryByRole('button', { name: 'More time' })).toBeNull();
  });

  it('warns once a minute is left, without moving focus, and More time extends it and returns focus to the code', async () => {
    const { user, setup, field } = await renderEnrollment();
    field.focus();
    await vi.advanceTimersByTimeAsync(9 * MINUTE);
    expect(liveRegion(setup).textContent).toContain('Less than a minute left. Choose More time for another 10 minutes');
    expect(liveRegion(setup).textContent).toContain(`you can do this ${TIME_LIMIT_MAX_EXTENSIONS} more times`);
    const moreTime = within(liveRegion(setup)).getByRole('button', { name: 'More time' });
    expect(document.activeElement).toBe(field);

    api.extendTwoFactorEnrollment.mockResolvedValueOnce(
      ok({ expiresAt: Date.now() + 10 * MINUTE, extensionsLeft: TIME_LIMIT_MAX_EXTENSIONS - 1 }),
    );
    await user.click(moreTime);
    await flushPromises();
    expect(api.extendTwoFactorEnrollment).toHaveBeenCalledExactlyOnceWith({});
    expect(liveRegion(setup).textContent?.trim()).toBe('');
    expect(timeLeft(setup)[0]).toBe('Time left: 10:00');
    expect(document.activeElement).toBe(field);

    // The old deadline passes and nothing ends.
    await vi.advanceTimersByTimeAsync(2 * MINUTE);
    expect(dialog('Set up two-factor authentication')).toBe(setup);
    expect(api.cancelTwoFactorEnrollment).not.toHaveBeenCalled();
  });

  it('says when no more time can be added, and offers no button', async () => {
    const { setup } = await renderEnrollment(0);
    await vi.advanceTimersByTimeAsync(9 * MINUTE + 30_000);
    expect(liveRegion(setup).textContent?.trim()).toBe('Less than a minute left, and no more time can be added.');
    expect(within(setup).queryByRole('button', { name: 'More time' })).toBeNull();
  });

  it('shows main’s refusal in the dialog’s alert', async () => {
    api.extendTwoFactorEnrollment.mockResolvedValueOnce(fail({ code: 'EXTENSION_LIMIT_REACHED', message: MESSAGES.extensionLimitReached }));
    const { user, setup } = await renderEnrollment(1);
    await vi.advanceTimersByTimeAsync(9 * MINUTE + 10_000);
    await user.click(within(setup).getByRole('button', { name: 'More time' }));
    await flushPromises();
    expect(within(setup).getByRole('alert').textContent?.trim()).toBe(MESSAGES.extensionLimitReached);
  });
});

describe('second sign-in step', () => {
  async function renderVerify() {
    useSignInStore().challenge = challengeFor(ADA.email, START + 5 * MINUTE);
    const rendered = await render(SignInVerifyView, { name: 'sign-in-verify', fakeTimers: true });
    return { ...rendered, page: document.body, field: screen.getByLabelText('6-digit code') };
  }

  it('shows the time left, warns a minute before the end, and More time extends the challenge', async () => {
    const { user, page, field, router } = await renderVerify();
    expect(timeLeft(page)).toEqual(['Time left: 5:00', 'Time left: 5 minutes']);
    await vi.advanceTimersByTimeAsync(4 * MINUTE + 5_000);
    expect(liveRegion(page).textContent).toContain('Choose More time for another 5 minutes');
    expect(document.activeElement).toBe(field);

    const extended = { ...challengeFor(ADA.email, Date.now() + 5 * MINUTE), extensionsLeft: TIME_LIMIT_MAX_EXTENSIONS - 1 };
    api.extendTwoFactorChallenge.mockResolvedValueOnce(ok({ challenge: extended }));
    await user.click(screen.getByRole('button', { name: 'More time' }));
    await flushPromises();
    expect(api.extendTwoFactorChallenge).toHaveBeenCalledExactlyOnceWith({});
    expect(useSignInStore().challenge).toEqual(extended);
    expect(screen.queryByRole('button', { name: 'More time' })).toBeNull();
    expect(document.activeElement).toBe(field);

    await vi.advanceTimersByTimeAsync(2 * MINUTE);
    expect(router.currentRoute.value.name).toBe('sign-in-verify');
    expect(api.cancelTwoFactorChallenge).not.toHaveBeenCalled();
  });

  it('goes back to sign in when main says the step already ended', async () => {
    const { user, router } = await renderVerify();
    await vi.advanceTimersByTimeAsync(4 * MINUTE + 30_000);
    api.extendTwoFactorChallenge.mockResolvedValueOnce(fail({ code: 'CHALLENGE_EXPIRED', message: MESSAGES.challengeExpired }));
    await user.click(screen.getByRole('button', { name: 'More time' }));
    await flushPromises();
    expect(useSignInStore().challenge).toBeNull();
    expect(router.currentRoute.value.name).toBe('sign-in');
  });
});
