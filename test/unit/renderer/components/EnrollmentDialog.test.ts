import { beforeEach, describe, expect, it, vi } from 'vitest';
import { clockDriftMessage, MESSAGES } from '../../../../src-shared/errors';
import { fail, ok } from '../../../../src-shared/result';
import EnrollmentDialog from '../../../../src-renderer/features/twoFactor/EnrollmentDialog.vue';
import { useTwoFactorStore } from '../../../../src-renderer/stores/twoFactor';
import { installFakeApi, type FakeApi } from '../fakeApi';
import { codeSet, enrollment, INACTIVE } from '../twoFactorFixtures';
import { dialog, flushPromises, freshPinia, render, screen, within } from './harness';

const NAME = 'Set up two-factor authentication';
const START = new Date('2025-03-01T10:00:00Z').getTime();

let api: FakeApi;
const activated = vi.fn();
const ended = vi.fn();

beforeEach(() => {
  activated.mockReset();
  ended.mockReset();
  freshPinia();
  api = installFakeApi();
  api.getTwoFactorStatus.mockResolvedValue(ok({ status: INACTIVE }));
});

/** The dialog with a pending enrollment, as after Activate and the password. */
async function renderEnrollment(options: { fakeTimers?: boolean; expiresAt?: number } = {}) {
  useTwoFactorStore().enrollment = enrollment(options.expiresAt);
  const rendered = await render(EnrollmentDialog, {
    props: { onActivated: activated, onEnded: ended },
    fakeTimers: options.fakeTimers,
  });
  return { ...rendered, setup: dialog(NAME) };
}

describe('EnrollmentDialog', () => {
  it('is closed without a pending enrollment', async () => {
    await render(EnrollmentDialog);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('shows the QR code, the secret key in blocks of four, and a 6-digit code field for authenticator apps', async () => {
    const { setup } = await renderEnrollment();
    const qr = within(setup).getByRole('img', { name: /QR code/ });
    expect(qr.getAttribute('src')).toBe(enrollment().qrCodeDataUrl);

    const secret = within(setup).getByLabelText('Secret key');
    expect(secret.textContent).toBe('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP');
    expect(secret.textContent?.split(' ').every((block) => block.length === 4)).toBe(true);

    const code = within(setup).getByLabelText('6-digit code');
    expect(code.getAttribute('inputmode')).toBe('numeric');
    expect(code.getAttribute('autocomplete')).toBe('one-time-code');
    expect(
      within(setup)
        .getAllByRole('button')
        .map((button) => button.textContent?.trim()),
    ).toEqual(['Copy', 'Cancel', 'Activate']);
  });

  it('Copy asks main to copy the secret key, says the clipboard is cleared in 60 seconds, and keeps focus', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(START);
    api.copyToClipboard.mockResolvedValueOnce(ok({}));
    let answer: (value: Awaited<ReturnType<FakeApi['copyToClipboard']>>) => void = () => undefined;
    api.copyToClipboard.mockReset().mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    const { user, setup } = await renderEnrollment({ fakeTimers: true });
    const copy = within(setup).getByRole('button', { name: 'Copy' });
    await user.click(copy);
    // While main copies, the button is unavailable but keeps focus (it is not disabled).
    expect(copy.getAttribute('aria-disabled')).toBe('true');
    expect(copy).toHaveProperty('disabled', false);
    expect(document.activeElement).toBe(copy);
    answer(ok({}));
    await flushPromises();
    expect(api.copyToClipboard).toHaveBeenCalledExactlyOnceWith({ item: 'secretKey' });
    expect(within(setup).getByRole('status').textContent?.trim()).toBe('Copied. Gatehouse clears the clipboard in 60 seconds.');
    expect(copy.getAttribute('aria-disabled')).toBeNull();
    expect(document.activeElement).toBe(copy);

    await vi.advanceTimersByTimeAsync(10_000);
    expect(within(setup).getByRole('status').textContent?.trim()).toBe('');
  });

  it('activates with the code as typed (spaces allowed) and closes', async () => {
    api.confirmTwoFactorEnrollment.mockResolvedValueOnce(ok({ recoveryCodes: codeSet() }));
    const { user, setup } = await renderEnrollment();
    await user.type(within(setup).getByLabelText('6-digit code'), '123 456');
    await user.click(within(setup).getByRole('button', { name: 'Activate' }));
    await flushPromises();
    expect(api.confirmTwoFactorEnrollment).toHaveBeenCalledExactlyOnceWith({ code: '123 456' });
    expect(activated).toHaveBeenCalledOnce();
    expect(ended).not.toHaveBeenCalled();
    expect(screen.queryByRole('dialog', { name: NAME })).toBeNull();
  });

  it('keeps the dialog open after a wrong code, shows the clock-drift advice and lets the person retry', async () => {
    const message = clockDriftMessage(-3);
    api.confirmTwoFactorEnrollment.mockResolvedValueOnce(fail({ code: 'INVALID_CODE', message, clockDriftMinutes: -3 }));
    const { user, setup } = await renderEnrollment();
    const code = within(setup).getByLabelText<HTMLInputElement>('6-digit code');
    await user.type(code, '000000');
    await user.click(within(setup).getByRole('button', { name: 'Activate' }));
    await flushPromises();

    expect(dialog(NAME)).toBe(setup);
    const alert = within(setup).getByRole('alert');
    expect(alert.textContent?.trim()).toBe(message);
    expect(alert.textContent).toContain("your computer's clock looks about 3 minutes ahead");
    expect(code.value).toBe('');
    expect(document.activeElement).toBe(code);
    expect(activated).not.toHaveBeenCalled();

    api.confirmTwoFactorEnrollment.mockResolvedValueOnce(ok({ recoveryCodes: codeSet() }));
    await user.type(code, '654321');
    await user.click(within(setup).getByRole('button', { name: 'Activate' }));
    await flushPromises();
    expect(activated).toHaveBeenCalledOnce();
  });

  it('makes Activate unavailable and marks it busy while the code is checked', async () => {
    let answer: (value: Awaited<ReturnType<FakeApi['confirmTwoFactorEnrollment']>>) => void = () => undefined;
    api.confirmTwoFactorEnrollment.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    const { user, setup } = await renderEnrollment();
    await user.type(within(setup).getByLabelText('6-digit code'), '123456');
    await user.click(within(setup).getByRole('button', { name: 'Activate' }));
    const button = within(setup).getByRole('button', { name: 'Activate' });
    expect(button.getAttribute('aria-disabled')).toBe('true');
    expect(button.getAttribute('aria-busy')).toBe('true');
    expect(within(setup).getByRole('status').textContent?.trim()).toBe('Checking the code…');
    answer(ok({ recoveryCodes: codeSet() }));
    await flushPromises();
  });

  it('ends with the message when main says the setup expired', async () => {
    api.confirmTwoFactorEnrollment.mockResolvedValueOnce(fail({ code: 'ENROLLMENT_EXPIRED', message: MESSAGES.enrollmentExpired }));
    const { user, setup } = await renderEnrollment();
    await user.type(within(setup).getByLabelText('6-digit code'), '123456');
    await user.click(within(setup).getByRole('button', { name: 'Activate' }));
    await flushPromises();
    expect(ended).toHaveBeenCalledExactlyOnceWith(MESSAGES.enrollmentExpired);
    expect(screen.queryByRole('dialog', { name: NAME })).toBeNull();
  });

  it('Cancel discards the pending secret in main', async () => {
    const { user, setup } = await renderEnrollment();
    await user.click(within(setup).getByRole('button', { name: 'Cancel' }));
    await flushPromises();
    expect(api.cancelTwoFactorEnrollment).toHaveBeenCalledExactlyOnceWith({});
    expect(ended).toHaveBeenCalledExactlyOnceWith(null);
    expect(screen.queryByRole('dialog', { name: NAME })).toBeNull();
  });

  it('closes by itself when the setup runs out of time', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(START);
    await renderEnrollment({ fakeTimers: true, expiresAt: START + 10 * 60_000 });
    await vi.advanceTimersByTimeAsync(10 * 60_000 - 1);
    expect(ended).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(ended).toHaveBeenCalledExactlyOnceWith(MESSAGES.enrollmentExpired);
    expect(api.cancelTwoFactorEnrollment).toHaveBeenCalledOnce();
    expect(screen.queryByRole('dialog', { name: NAME })).toBeNull();
  });

  it('clears its timers (deadline, "Copied") when unmounted', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(START);
    api.copyToClipboard.mockResolvedValueOnce(ok({}));
    const { user, setup, unmount } = await renderEnrollment({ fakeTimers: true, expiresAt: START + 10 * 60_000 });
    await user.click(within(setup).getByRole('button', { name: 'Copy' }));
    await flushPromises();
    expect(vi.getTimerCount()).toBe(3); // the deadline, the countdown, "Copied"

    unmount();
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(ended).not.toHaveBeenCalled();
    expect(api.cancelTwoFactorEnrollment).not.toHaveBeenCalled();
  });
});
