import { beforeEach, describe, expect, it } from 'vitest';
import { MESSAGES, type ApiError } from '../../../../src-shared/errors';
import { fail, ok } from '../../../../src-shared/result';
import DeleteAccountSection from '../../../../src-renderer/features/settings/DeleteAccountSection.vue';
import ProfileEmail from '../../../../src-renderer/features/settings/ProfileEmail.vue';
import { useAccountsStore } from '../../../../src-renderer/stores/accounts';
import { useSessionStore } from '../../../../src-renderer/stores/session';
import { useSignInStore } from '../../../../src-renderer/stores/signIn';
import { ADA, installFakeApi, type FakeApi } from '../fakeApi';
import { activeStatus, INACTIVE } from '../twoFactorFixtures';
import { dialog, flushPromises, freshPinia, render, screen, within } from './harness';

const PASSWORD = 'correct horse battery';
const WRONG_PASSWORD: ApiError = { code: 'WRONG_PASSWORD', message: MESSAGES.wrongPassword, fields: { password: MESSAGES.wrongPassword } };

let api: FakeApi;

beforeEach(async () => {
  freshPinia();
  api = installFakeApi();
  api.listAccounts.mockResolvedValue(ok({ accounts: [ADA] }));
  api.getTwoFactorStatus.mockResolvedValue(ok({ status: INACTIVE }));
  await useSignInStore().signIn({ email: ADA.email, password: PASSWORD });
  await useAccountsStore().load();
});

/** The error message a field points at (aria-describedby), when it is marked invalid. */
function fieldError(field: HTMLElement): string | null {
  if (field.getAttribute('aria-invalid') !== 'true') return null;
  const ids = field.getAttribute('aria-describedby')?.split(' ') ?? [];
  return (
    ids
      .map((id) => document.getElementById(id)?.textContent?.trim())
      .find((text) => text === WRONG_PASSWORD.message || text === MESSAGES.emailTaken) ?? null
  );
}

async function openDeletion(user: Awaited<ReturnType<typeof render>>['user']): Promise<HTMLElement> {
  await user.click(screen.getByRole('button', { name: 'Delete account' }));
  const confirm = dialog('Delete your account?', 'alertdialog');
  expect(confirm.textContent).toContain(`${ADA.name} (${ADA.email})`);
  await user.click(within(confirm).getByRole('button', { name: 'Continue' }));
  await flushPromises();
  return dialog('Delete account');
}

describe('Delete account', () => {
  it('explains, confirms, then asks for the password only; success signs out for good', async () => {
    api.deleteAccount.mockImplementationOnce(async () => {
      api.listAccounts.mockResolvedValue(ok({ accounts: [] })); // as main answers from now on
      return ok({ accountsLeft: 0 });
    });
    const { user } = await render(DeleteAccountSection);
    within(screen.getByRole('region', { name: 'Delete account' })).getByText(/removes it from this computer for good/);

    const step = await openDeletion(user);
    expect(within(step).queryByLabelText('6-digit code')).toBeNull();
    expect(document.activeElement).toBe(within(step).getByLabelText('Password'));
    await user.type(within(step).getByLabelText('Password'), PASSWORD);
    await user.click(within(step).getByRole('button', { name: 'Delete account' }));
    await flushPromises();

    expect(api.deleteAccount).toHaveBeenCalledExactlyOnceWith({ password: PASSWORD });
    const session = useSessionStore();
    expect(session.isSignedIn).toBe(false);
    expect(session.signedOutMessage).toBe('Your account was deleted from this computer.');
    expect(session.lastEmail).toBeNull();
    expect(useAccountsStore().accounts).toEqual([]);
    expect(api.listAccounts).toHaveBeenCalledTimes(2); // read again after the deletion
  });

  it('with two-factor authentication asks for a code, or a recovery code, and says how many tries are left', async () => {
    api.getTwoFactorStatus.mockResolvedValue(ok({ status: activeStatus() }));
    const invalid: ApiError = {
      code: 'INVALID_CODE',
      message: MESSAGES.invalidTotpCode,
      fields: { code: MESSAGES.invalidTotpCode },
      attemptsLeft: 9,
    };
    api.deleteAccount.mockResolvedValueOnce(fail(invalid)).mockResolvedValueOnce(ok({ accountsLeft: 1 }));
    const { user } = await render(DeleteAccountSection);
    const step = await openDeletion(user);

    await user.type(within(step).getByLabelText('Password'), PASSWORD);
    await user.type(within(step).getByLabelText('6-digit code'), '123 456');
    await user.click(within(step).getByRole('button', { name: 'Delete account' }));
    await flushPromises();
    expect(api.deleteAccount).toHaveBeenLastCalledWith({ password: PASSWORD, code: '123 456' });
    expect(within(step).getByRole('alert').textContent?.trim()).toBe(`${MESSAGES.invalidTotpCode} 9 attempts left.`);
    const codeField = within(step).getByLabelText('6-digit code');
    expect(codeField).toHaveProperty('value', '');
    expect(document.activeElement).toBe(codeField);

    await user.click(within(step).getByRole('button', { name: 'Use a recovery code' }));
    await user.type(within(step).getByLabelText('Recovery code'), 'abcde-fghjk');
    await user.click(within(step).getByRole('button', { name: 'Delete account' }));
    await flushPromises();
    expect(api.deleteAccount).toHaveBeenLastCalledWith({ password: PASSWORD, recoveryCode: 'abcde-fghjk' });
    expect(useSessionStore().isSignedIn).toBe(false);
  });

  it('a wrong password marks the field, empties it and focuses it; the dialog stays', async () => {
    api.deleteAccount.mockResolvedValueOnce(fail(WRONG_PASSWORD));
    const { user } = await render(DeleteAccountSection);
    const step = await openDeletion(user);
    await user.type(within(step).getByLabelText('Password'), 'not it at all');
    await user.click(within(step).getByRole('button', { name: 'Delete account' }));
    await flushPromises();
    const field = within(step).getByLabelText('Password');
    expect(fieldError(field)).toBe(MESSAGES.wrongPassword);
    expect(field).toHaveProperty('value', '');
    expect(document.activeElement).toBe(field);
    expect(useSessionStore().isSignedIn).toBe(true);
  });

  it('Cancel at either step puts focus back on "Delete account"', async () => {
    const { user } = await render(DeleteAccountSection);
    await user.click(screen.getByRole('button', { name: 'Delete account' }));
    await user.click(within(dialog('Delete your account?', 'alertdialog')).getByRole('button', { name: 'Cancel' }));
    await flushPromises();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Delete account' }));

    const step = await openDeletion(user);
    await user.click(within(step).getByRole('button', { name: 'Cancel' }));
    await flushPromises();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Delete account' }));
    expect(api.deleteAccount).not.toHaveBeenCalled();
  });
});

describe('Change email', () => {
  const NEW_EMAIL = 'countess@example.org';

  it('confirms with the password, shows the new email, and explains the authenticator label', async () => {
    api.changeEmail.mockResolvedValueOnce(ok({ account: { ...ADA, email: NEW_EMAIL }, twoFactorActive: true }));
    const { user } = await render(ProfileEmail);
    await user.click(screen.getByRole('button', { name: 'Change email' }));
    const popUp = dialog('Change email');
    await user.type(within(popUp).getByLabelText('New email'), NEW_EMAIL);
    await user.type(within(popUp).getByLabelText('Password'), PASSWORD);
    await user.click(within(popUp).getByRole('button', { name: 'Save new email' }));
    await flushPromises();

    expect(api.changeEmail).toHaveBeenCalledExactlyOnceWith({ email: NEW_EMAIL, password: PASSWORD });
    expect(useSessionStore().account?.email).toBe(NEW_EMAIL);
    const status = screen.getAllByRole('status').find((element) => element.textContent?.includes(NEW_EMAIL));
    expect(status?.textContent).toContain(`Your email is now ${NEW_EMAIL}.`);
    expect(status?.textContent).toContain('your authenticator app keeps the old label');
    expect(status?.textContent).toContain('To rename it, edit the entry in the app');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Change email' }));
  });

  it('says nothing about the authenticator without two-factor authentication', async () => {
    api.changeEmail.mockResolvedValueOnce(ok({ account: { ...ADA, email: NEW_EMAIL }, twoFactorActive: false }));
    const { user } = await render(ProfileEmail);
    await user.click(screen.getByRole('button', { name: 'Change email' }));
    await user.type(within(dialog('Change email')).getByLabelText('New email'), NEW_EMAIL);
    await user.type(within(dialog('Change email')).getByLabelText('Password'), PASSWORD);
    await user.click(within(dialog('Change email')).getByRole('button', { name: 'Save new email' }));
    await flushPromises();
    const status = screen.getAllByRole('status').find((element) => element.textContent?.includes(NEW_EMAIL));
    expect(status?.textContent?.trim()).toBe(`Your email is now ${NEW_EMAIL}.`);
  });

  it('a taken email is marked on its field, selected for retyping, and not repeated in an alert', async () => {
    api.changeEmail.mockResolvedValueOnce(
      fail({ code: 'EMAIL_TAKEN', message: MESSAGES.emailTaken, fields: { email: MESSAGES.emailTaken } }),
    );
    const { user } = await render(ProfileEmail);
    await user.click(screen.getByRole('button', { name: 'Change email' }));
    const popUp = dialog('Change email');
    await user.type(within(popUp).getByLabelText('New email'), 'BOB@example.com');
    await user.type(within(popUp).getByLabelText('Password'), PASSWORD);
    await user.click(within(popUp).getByRole('button', { name: 'Save new email' }));
    await flushPromises();
    const field = within(popUp).getByLabelText('New email');
    expect(fieldError(field)).toBe(MESSAGES.emailTaken);
    expect(document.activeElement).toBe(field);
    expect(within(popUp).queryByRole('alert')).toBeNull();
    expect(useSessionStore().account?.email).toBe(ADA.email);
  });
});
