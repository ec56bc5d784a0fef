/**
 * Issue 13, section 3: focus is never lost. Cancel or Escape in the enrollment dialog returns it
 * to Activate (even while main is still discarding the secret); Done after regenerating returns it
 * to Regenerate Codes; a route change and Dismiss move it to the page's h1; the enrollment steps
 * describe the dialog; a refused value marks its field aria-invalid, described by the message.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { defineComponent, h } from 'vue';
import { clockDriftMessage, MESSAGES } from '../../../../src-shared/errors';
import type { TwoFactorStatus } from '../../../../src-shared/models';
import { fail, ok } from '../../../../src-shared/result';
import SignInVerifyView from '../../../../src-renderer/features/auth/SignInVerifyView.vue';
import RecoveryCodesNotice from '../../../../src-renderer/features/twoFactor/RecoveryCodesNotice.vue';
import TwoFactorSection from '../../../../src-renderer/features/twoFactor/TwoFactorSection.vue';
import { useSignInStore } from '../../../../src-renderer/stores/signIn';
import { useTwoFactorStore } from '../../../../src-renderer/stores/twoFactor';
import { ADA, installFakeApi, type FakeApi } from '../fakeApi';
import { activeStatus, challengeFor, codeSet, enrollment, INACTIVE } from '../twoFactorFixtures';
import { dialog, flushPromises, freshPinia, render, screen, within } from './harness';

let api: FakeApi;
let status: TwoFactorStatus;

beforeEach(() => {
  freshPinia();
  api = installFakeApi();
  status = INACTIVE;
  api.getTwoFactorStatus.mockImplementation(async () => ok({ status }));
});

type User = Awaited<ReturnType<typeof render>>['user'];

async function confirmPassword(user: User): Promise<void> {
  const popUp = dialog('Confirm your password');
  await user.type(within(popUp).getByLabelText('Password'), 'correct horse battery');
  await user.click(within(popUp).getByRole('button', { name: 'Confirm' }));
  await flushPromises();
}

function describedBy(element: HTMLElement): string {
  return (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent?.replace(/\s+/g, ' ').trim() ?? '')
    .join(' ');
}

async function openEnrollment(user: User): Promise<HTMLElement> {
  api.beginTwoFactorEnrollment.mockResolvedValueOnce(ok({ enrollment: enrollment() }));
  await user.click(screen.getByRole('button', { name: 'Activate' }));
  await confirmPassword(user);
  return dialog('Set up two-factor authentication');
}

describe('the enrollment dialog', () => {
  it.each(['Cancel', 'Escape'])('%s returns focus to Activate while main discards the secret', async (how) => {
    let answered: () => void = () => undefined;
    api.cancelTwoFactorEnrollment.mockImplementationOnce(() => new Promise((resolve) => (answered = () => resolve(ok({})))));
    const { user } = await render(TwoFactorSection);
    const setup = await openEnrollment(user);
    if (how === 'Cancel') await user.click(within(setup).getByRole('button', { name: 'Cancel' }));
    else (setup as HTMLDialogElement).close(); // what Escape does to a modal dialog
    await flushPromises();

    const activate = screen.getByRole('button', { name: 'Activate' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(activate.getAttribute('aria-disabled')).toBe('true'); // still busy cancelling
    expect(document.activeElement).toBe(activate);
    answered();
    await flushPromises();
    expect(activate.getAttribute('aria-disabled')).toBeNull();
    expect(document.activeElement).toBe(activate);
  });

  it('is described by its steps, names the entry to look for, and says what losing the phone means', async () => {
    // Signed in through the fake bridge, so later session checks keep the account.
    await useSignInStore().signIn({ email: ADA.email, password: 'correct horse battery' });
    const { user } = await render(TwoFactorSection);
    const setup = await openEnrollment(user);
    const steps = describedBy(setup);
    expect(steps).toMatch(/^Open your authenticator app \(for example Google Authenticator, Microsoft Authenticator/);
    expect(steps).toContain(`The app lists it as “Gatehouse: ${ADA.email}”.`);
    expect(steps).toContain('Enter the 6-digit code generated in the authenticator app and click Activate.');
    expect(within(setup).getByText(/Nobody can reset two-factor authentication/).textContent).toMatch(
      /recovery codes you get next are the only way in\. Use an authenticator app that backs up its accounts, or scan the QR code with a second device too\./,
    );
  });

  it('marks a refused code aria-invalid and points it at the alert', async () => {
    const message = clockDriftMessage(2);
    api.confirmTwoFactorEnrollment.mockResolvedValueOnce(fail({ code: 'INVALID_CODE', message, fields: { code: message } }));
    const { user } = await render(TwoFactorSection);
    const setup = await openEnrollment(user);
    const code = within(setup).getByLabelText('6-digit code');
    expect(code.getAttribute('aria-invalid')).toBeNull();
    await user.type(code, '000000');
    await user.click(within(setup).getByRole('button', { name: 'Activate' }));
    await flushPromises();
    expect(code.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(code)).toBe(within(setup).getByRole('alert').textContent?.trim());
  });
});

describe('the recovery codes dialog', () => {
  it.each([
    ['Regenerate Codes', 'regenerateRecoveryCodes'],
    ['See Recovery Codes', 'getRecoveryCodes'],
  ] as const)('after %s, Done returns focus to that button', async (name, operation) => {
    status = activeStatus({ passwordConfirmedUntil: Date.now() + 60_000 });
    api[operation].mockResolvedValueOnce(ok({ recoveryCodes: codeSet() }));
    api.copyToClipboard.mockResolvedValueOnce(ok({}));
    const { user } = await render(TwoFactorSection);
    await user.click(screen.getByRole('button', { name }));
    if (name === 'Regenerate Codes')
      await user.click(within(dialog('Regenerate recovery codes?', 'alertdialog')).getByRole('button', { name }));
    await flushPromises();
    const codes = dialog('Save your recovery codes');
    expect(document.activeElement).toBe(within(codes).getByRole('heading', { name: 'Save your recovery codes' }));
    await user.click(within(codes).getByRole('button', { name: 'Copy' }));
    await flushPromises();
    await user.click(within(codes).getByRole('button', { name: 'Done' }));
    await flushPromises();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name }));
  });
});

/** A page: its h1, then (optionally) the recovery-code notice, as on the Dashboard. */
const PageWithNotice = defineComponent({
  props: { notice: { type: Boolean, default: false } },
  setup: (props) => () => h('div', [h('h1', 'Dashboard'), props.notice ? h(RecoveryCodesNotice) : null]),
});

describe('the page heading', () => {
  it('gets focus after a route change', async () => {
    const { router } = await render(PageWithNotice);
    await router.push('/dashboard');
    await flushPromises();
    const heading = screen.getByRole('heading', { name: 'Dashboard', level: 1 });
    expect(document.activeElement).toBe(heading);
    expect(heading.getAttribute('tabindex')).toBe('-1');
  });

  it('gets focus when Dismiss takes the recovery-code notice (and itself) away', async () => {
    useTwoFactorStore().recoveryCodesRemaining = 4;
    const { user } = await render(PageWithNotice, { props: { notice: true } });
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    await flushPromises();
    expect(screen.queryByRole('button', { name: 'Dismiss' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Dashboard' }));
  });
});

describe('the second sign-in step', () => {
  it('offers "Lost your phone?", which explains the recovery codes', async () => {
    useSignInStore().challenge = challengeFor();
    const { user } = await render(SignInVerifyView, { name: 'sign-in-verify' });
    const lost = screen.getByRole('button', { name: 'Lost your phone?' });
    expect(lost.getAttribute('aria-expanded')).toBe('false');
    const panel = document.getElementById(lost.getAttribute('aria-controls') ?? '')!;
    expect(panel.style.display).toBe('none');
    await user.click(lost);
    expect(lost.getAttribute('aria-expanded')).toBe('true');
    expect(panel.style.display).toBe('');
    expect(panel.textContent).toContain('Sign in with one of the recovery codes you saved');
    expect(panel.textContent).toContain('Nobody can reset two-factor authentication');
  });

  it('marks a refused code aria-invalid, pointing at the alert with the usual causes', async () => {
    useSignInStore().challenge = challengeFor();
    api.submitTwoFactorCode.mockResolvedValueOnce(
      fail({ code: 'INVALID_CODE', message: MESSAGES.invalidTotpCode, fields: { code: MESSAGES.invalidTotpCode }, attemptsLeft: 4 }),
    );
    const { user } = await render(SignInVerifyView, { name: 'sign-in-verify' });
    await user.type(screen.getByLabelText('6-digit code'), '000000');
    await user.click(screen.getByRole('button', { name: 'Submit' }));
    await flushPromises();
    const code = screen.getByLabelText('6-digit code');
    expect(code.getAttribute('aria-invalid')).toBe('true');
    const alert = describedBy(code);
    expect(alert).toBe(screen.getByRole('alert').textContent?.trim());
    expect(alert).toMatch(/Gatehouse entry for this account/);
    expect(alert).toMatch(/if the code just changed, enter the new one/);
    expect(alert).toMatch(/set your computer's clock to update automatically/);
  });
});
