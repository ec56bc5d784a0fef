import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MESSAGES, type ApiError } from '../../../../src-shared/errors';
import type { TwoFactorStatus } from '../../../../src-shared/models';
import { fail, ok } from '../../../../src-shared/result';
import TwoFactorSection from '../../../../src-renderer/features/twoFactor/TwoFactorSection.vue';
import { installFakeApi, type FakeApi } from '../fakeApi';
import { activeStatus, codeSet, enrollment, INACTIVE } from '../twoFactorFixtures';
import { dialog, flushPromises, freshPinia, render, screen, within } from './harness';

const PASSWORD = 'correct horse battery';
const WRONG_PASSWORD: ApiError = {
  code: 'WRONG_PASSWORD',
  message: MESSAGES.wrongPassword,
  fields: { password: MESSAGES.wrongPassword },
};
const CONFIRMATION_REQUIRED: ApiError = {
  code: 'PASSWORD_CONFIRMATION_REQUIRED',
  message: MESSAGES.passwordConfirmationRequired,
};

let api: FakeApi;
/** What getTwoFactorStatus answers; tests change it as main would. */
let status: TwoFactorStatus;

beforeEach(() => {
  freshPinia();
  api = installFakeApi();
  status = INACTIVE;
  api.getTwoFactorStatus.mockImplementation(async () => ok({ status }));
});

function section(): HTMLElement {
  return screen.getByRole('region', { name: 'Two-factor Authentication' });
}

function describedText(element: HTMLElement): string | undefined {
  return document.getElementById(element.getAttribute('aria-describedby') ?? '')?.textContent?.trim();
}

/** Types the password into the open pop-up and clicks Confirm. */
async function confirmPassword(user: Awaited<ReturnType<typeof render>>['user'], password = PASSWORD): Promise<void> {
  const popUp = dialog('Confirm your password');
  await user.type(within(popUp).getByLabelText('Password'), password);
  await user.click(within(popUp).getByRole('button', { name: 'Confirm' }));
  await flushPromises();
}

describe('TwoFactorSection: inactive', () => {
  it('shows the heading, the status "Inactive" and only the Activate button', async () => {
    await render(TwoFactorSection);
    const region = section();
    within(region).getByRole('heading', { name: 'Two-factor Authentication' });
    expect(within(region).getByText('Inactive', { exact: true })).toBeTruthy();
    expect(
      within(region)
        .getAllByRole('button')
        .map((button) => button.textContent?.trim()),
    ).toEqual(['Activate']);
    expect(api.getTwoFactorStatus).toHaveBeenCalledOnce();
  });

  it('shows an alert when the status cannot be read', async () => {
    api.getTwoFactorStatus.mockResolvedValueOnce(fail({ code: 'SECRET_STORE_UNAVAILABLE', message: MESSAGES.secretStoreUnavailable }));
    await render(TwoFactorSection);
    expect(within(section()).getByRole('alert').textContent?.trim()).toBe(MESSAGES.secretStoreUnavailable);
    expect(within(section()).queryByRole('button')).toBeNull();
  });

  it('Activate asks for the password; a wrong one keeps the pop-up open with an alert', async () => {
    api.beginTwoFactorEnrollment.mockResolvedValueOnce(fail(WRONG_PASSWORD));
    const { user } = await render(TwoFactorSection);
    await user.click(screen.getByRole('button', { name: 'Activate' }));

    const popUp = dialog('Confirm your password');
    expect(describedText(popUp)).toBe('Enter your password to activate two-factor authentication.');
    await confirmPassword(user, 'not my password');
    expect(api.beginTwoFactorEnrollment).toHaveBeenCalledWith({ password: 'not my password' });
    expect(dialog('Confirm your password')).toBe(popUp);
    expect(within(popUp).getByRole('alert').textContent?.trim()).toBe(MESSAGES.wrongPassword);
    expect(screen.queryByRole('dialog', { name: 'Set up two-factor authentication' })).toBeNull();
  });

  it('walks the article: password, QR code and secret key, 6-digit code, recovery codes, Done', async () => {
    api.beginTwoFactorEnrollment.mockResolvedValueOnce(ok({ enrollment: enrollment() }));
    api.confirmTwoFactorEnrollment.mockImplementationOnce(async () => {
      status = activeStatus();
      return ok({ recoveryCodes: codeSet() });
    });
    const { user } = await render(TwoFactorSection);

    await user.click(screen.getByRole('button', { name: 'Activate' }));
    await confirmPassword(user);
    expect(api.beginTwoFactorEnrollment).toHaveBeenCalledWith({ password: PASSWORD });
    expect(screen.queryByRole('dialog', { name: 'Confirm your password' })).toBeNull();

    const setup = dialog('Set up two-factor authentication');
    within(setup).getByRole('img', { name: /QR code/ });
    // While the dialog is open the page behind is hidden: "Activate" is the dialog's button only.
    expect(screen.getAllByRole('button', { name: 'Activate' })).toEqual([within(setup).getByRole('button', { name: 'Activate' })]);
    expect(screen.queryByRole('region', { name: 'Two-factor Authentication' })).toBeNull();

    await user.type(within(setup).getByLabelText('6-digit code'), '123 456');
    await user.click(within(setup).getByRole('button', { name: 'Activate' }));
    await flushPromises();
    expect(api.confirmTwoFactorEnrollment).toHaveBeenCalledWith({ code: '123 456' });
    expect(screen.queryByRole('dialog', { name: 'Set up two-factor authentication' })).toBeNull();

    const codes = dialog('Save your recovery codes');
    expect(describedText(codes)).toMatch(/^Two-factor authentication is active\./);
    expect(within(codes).getAllByRole('listitem')).toHaveLength(10);

    // New codes must be kept somewhere first (section 1 of issue 13): here, copied.
    api.copyToClipboard.mockResolvedValueOnce(ok({}));
    await user.click(within(codes).getByRole('button', { name: 'Copy' }));
    await flushPromises();
    await user.click(within(codes).getByRole('button', { name: 'Done' }));
    await flushPromises();
    expect(screen.queryByRole('dialog')).toBeNull();
    const region = section();
    expect(within(region).getByText('Active', { exact: true })).toBeTruthy();
    expect(within(region).getByRole('status').textContent?.trim()).toBe('Two-factor authentication is active.');
    // Focus comes back to the section, not the page.
    expect(document.activeElement).toBe(within(region).getByRole('button', { name: 'See Recovery Codes' }));
  });

  it('says so when the setup ran out of time, and discards the pending secret', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2025-03-01T10:00:00Z'));
    api.beginTwoFactorEnrollment.mockResolvedValueOnce(ok({ enrollment: enrollment(Date.now() + 10 * 60_000) }));
    const { user } = await render(TwoFactorSection, { fakeTimers: true });
    await user.click(screen.getByRole('button', { name: 'Activate' }));
    await confirmPassword(user);
    dialog('Set up two-factor authentication');

    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(within(section()).getByRole('alert').textContent?.trim()).toBe(MESSAGES.enrollmentExpired);
    expect(api.cancelTwoFactorEnrollment).toHaveBeenCalledOnce();
  });
});

describe('TwoFactorSection: active', () => {
  beforeEach(() => {
    status = activeStatus({ recoveryCodesRemaining: 8 });
  });

  it('shows "Active", the unused recovery codes and See Recovery Codes, Regenerate Codes, Deactivate', async () => {
    await render(TwoFactorSection);
    const region = section();
    expect(within(region).getByText('Active', { exact: true })).toBeTruthy();
    expect(within(region).getByText('Unused recovery codes').nextElementSibling?.textContent?.trim()).toBe('8');
    expect(
      within(region)
        .getAllByRole('button')
        .map((button) => button.textContent?.trim()),
    ).toEqual(['See Recovery Codes', 'Regenerate Codes', 'Deactivate']);
    expect(within(region).queryByText(/running out of recovery codes/)).toBeNull();
  });

  it('urges regenerating at 3 unused codes or fewer', async () => {
    status = activeStatus({ recoveryCodesRemaining: 3 });
    await render(TwoFactorSection);
    expect(
      within(section()).getByText(
        'You are running out of recovery codes. Regenerate them so you can still sign in if you lose your phone.',
      ),
    ).toBeTruthy();
  });

  it('See Recovery Codes asks for the password when none was confirmed lately, then shows the codes with used ones marked', async () => {
    api.getRecoveryCodes.mockResolvedValueOnce(ok({ recoveryCodes: codeSet(2) }));
    const { user } = await render(TwoFactorSection);
    await user.click(screen.getByRole('button', { name: 'See Recovery Codes' }));
    expect(api.getRecoveryCodes).not.toHaveBeenCalled();
    expect(describedText(dialog('Confirm your password'))).toBe('Enter your password to see your recovery codes.');

    await confirmPassword(user);
    expect(api.getRecoveryCodes).toHaveBeenCalledExactlyOnceWith({ password: PASSWORD });
    const codes = dialog('Save your recovery codes');
    const list = within(codes).getByRole('list', { name: 'Recovery codes' });
    const items = within(list)
      .getAllByRole('listitem')
      .map((item) => item.textContent?.replace(/\s+/g, ' ').trim());
    expect(items.slice(0, 3)).toEqual(['abcd2-fghj2 (used)', 'abcd3-fghj3 (used)', 'abcd4-fghj4']);
  });

  it('without a password while the last confirmation is fresh; PASSWORD_CONFIRMATION_REQUIRED opens the pop-up and retries with it', async () => {
    status = activeStatus({ passwordConfirmedUntil: Date.now() + 60_000 });
    api.getRecoveryCodes.mockResolvedValueOnce(fail(CONFIRMATION_REQUIRED)).mockResolvedValueOnce(ok({ recoveryCodes: codeSet() }));
    const { user } = await render(TwoFactorSection);
    await user.click(screen.getByRole('button', { name: 'See Recovery Codes' }));
    await flushPromises();
    expect(api.getRecoveryCodes).toHaveBeenCalledExactlyOnceWith({});
    expect(within(dialog('Confirm your password')).queryByRole('alert')).toBeNull();

    await confirmPassword(user);
    expect(api.getRecoveryCodes).toHaveBeenLastCalledWith({ password: PASSWORD });
    expect(screen.queryByRole('dialog', { name: 'Confirm your password' })).toBeNull();
    dialog('Save your recovery codes');
  });

  it('Regenerate Codes confirms first, then shows the new set without a password while it is fresh', async () => {
    status = activeStatus({ passwordConfirmedUntil: Date.now() + 60_000 });
    api.regenerateRecoveryCodes.mockResolvedValueOnce(ok({ recoveryCodes: codeSet() }));
    const { user } = await render(TwoFactorSection);
    await user.click(screen.getByRole('button', { name: 'Regenerate Codes' }));
    const confirm = dialog('Regenerate recovery codes?', 'alertdialog');
    expect(
      within(confirm)
        .getAllByRole('button')
        .map((button) => button.textContent?.trim()),
    ).toEqual(['Cancel', 'Regenerate Codes']);
    expect(api.regenerateRecoveryCodes).not.toHaveBeenCalled();

    await user.click(within(confirm).getByRole('button', { name: 'Regenerate Codes' }));
    await flushPromises();
    expect(api.regenerateRecoveryCodes).toHaveBeenCalledExactlyOnceWith({});
    expect(describedText(dialog('Save your recovery codes'))).toMatch(/^These are your new recovery codes\./);
  });

  it('Deactivate asks for confirmation, then the password, and leaves two-factor authentication off', async () => {
    api.deactivateTwoFactor.mockImplementationOnce(async () => {
      status = INACTIVE;
      return ok({});
    });
    const { user } = await render(TwoFactorSection);
    await user.click(screen.getByRole('button', { name: 'Deactivate' }));

    const confirm = dialog('Deactivate two-factor authentication?', 'alertdialog');
    expect(
      within(confirm)
        .getAllByRole('button')
        .map((button) => button.textContent?.trim()),
    ).toEqual(['Cancel', 'Deactivate']);
    // Only the confirmation's button is reachable while it is open.
    expect(screen.getAllByRole('button', { name: 'Deactivate' })).toHaveLength(1);
    await user.click(within(confirm).getByRole('button', { name: 'Deactivate' }));
    await flushPromises();
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(api.deactivateTwoFactor).not.toHaveBeenCalled();

    expect(describedText(dialog('Confirm your password'))).toBe('Enter your password to deactivate two-factor authentication.');
    await confirmPassword(user);
    expect(api.deactivateTwoFactor).toHaveBeenCalledExactlyOnceWith({ password: PASSWORD });
    expect(screen.queryByRole('dialog')).toBeNull();
    const region = section();
    expect(within(region).getByText('Inactive', { exact: true })).toBeTruthy();
    expect(within(region).getByRole('status').textContent?.trim()).toBe(
      'Two-factor authentication is off. Signing in needs only your password.',
    );
    within(region).getByRole('button', { name: 'Activate' });
  });

  it('Cancel in the deactivate confirmation changes nothing', async () => {
    const { user } = await render(TwoFactorSection);
    await user.click(screen.getByRole('button', { name: 'Deactivate' }));
    await user.click(within(dialog('Deactivate two-factor authentication?', 'alertdialog')).getByRole('button', { name: 'Cancel' }));
    await flushPromises();
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(api.deactivateTwoFactor).not.toHaveBeenCalled();
    expect(within(section()).getByText('Active', { exact: true })).toBeTruthy();
  });
});
