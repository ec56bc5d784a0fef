import { beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h, ref } from 'vue';
import type { ApiError } from '../../../../src-shared/errors';
import { fail, ok, type Result } from '../../../../src-shared/result';
import PasswordConfirmDialog from '../../../../src-renderer/features/twoFactor/PasswordConfirmDialog.vue';
import { installFakeApi } from '../fakeApi';
import { dialog, flushPromises, freshPinia, render, screen, within } from './harness';

const PASSWORD = 'correct horse battery';
const PURPOSE = 'Enter your password to activate two-factor authentication.';
const WRONG_PASSWORD: ApiError = {
  code: 'WRONG_PASSWORD',
  message: 'Your current password is incorrect.',
  fields: { password: 'Your current password is incorrect.' },
};

/** The dialog as TwoFactorSection uses it: v-model:open, a purpose and an action. */
function harness(action: (password: string) => Promise<Result<unknown>>) {
  const open = ref(true);
  const confirmed = vi.fn();
  const Host = defineComponent({
    render: () =>
      h(PasswordConfirmDialog, {
        open: open.value,
        'onUpdate:open': (value: boolean) => (open.value = value),
        purpose: PURPOSE,
        action,
        onConfirmed: confirmed,
      }),
  });
  return { Host, open, confirmed };
}

beforeEach(() => {
  freshPinia();
  installFakeApi();
});

describe('PasswordConfirmDialog', () => {
  it('is a dialog named "Confirm your password" that describes its purpose, with Password, Cancel and Confirm', async () => {
    const { Host } = harness(async () => ok(undefined));
    await render(Host);
    const popUp = dialog('Confirm your password');
    expect(popUp).toHaveProperty('open', true);
    expect(popUp.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(popUp.getAttribute('aria-describedby') ?? '')?.textContent?.trim()).toBe(PURPOSE);
    const field = within(popUp).getByLabelText('Password', { exact: true });
    expect(field.getAttribute('type')).toBe('password');
    expect(field.getAttribute('autocomplete')).toBe('current-password');
    within(popUp).getByRole('button', { name: 'Cancel' });
    within(popUp).getByRole('button', { name: 'Confirm' });
  });

  it('passes the password to the action and closes on success', async () => {
    const action = vi.fn(async () => ok(undefined));
    const { Host, open, confirmed } = harness(action);
    const { user } = await render(Host);
    await user.type(screen.getByLabelText('Password'), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    await flushPromises();
    expect(action).toHaveBeenCalledWith(PASSWORD);
    expect(confirmed).toHaveBeenCalledOnce();
    expect(open.value).toBe(false);
    expect(screen.queryByRole('dialog', { name: 'Confirm your password' })).toBeNull();
  });

  it('keeps the dialog open after a wrong password, with an alert, an empty field and focus back on it', async () => {
    const action = vi.fn(async (_password: string): Promise<Result<unknown>> => fail(WRONG_PASSWORD));
    const { Host, open, confirmed } = harness(action);
    const { user } = await render(Host);
    const field = screen.getByLabelText<HTMLInputElement>('Password');
    await user.type(field, 'not the password');
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    await flushPromises();

    const popUp = dialog('Confirm your password');
    expect(within(popUp).getByRole('alert').textContent?.trim()).toBe(WRONG_PASSWORD.message);
    // One message only: the alert says it, the field does not repeat it.
    expect(within(popUp).getAllByText(WRONG_PASSWORD.message)).toHaveLength(1);
    expect(field.value).toBe('');
    expect(document.activeElement).toBe(field);
    expect(open.value).toBe(true);
    expect(confirmed).not.toHaveBeenCalled();

    // Another try works.
    action.mockResolvedValueOnce(ok(undefined));
    await user.type(field, PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    await flushPromises();
    expect(action).toHaveBeenLastCalledWith(PASSWORD);
    expect(confirmed).toHaveBeenCalledOnce();
  });

  it('says when to try again after RATE_LIMITED', async () => {
    const retryAt = new Date(2025, 2, 1, 10, 5).getTime();
    const { Host } = harness(async () => fail({ code: 'RATE_LIMITED', message: 'Too many attempts.', retryAt }));
    const { user } = await render(Host);
    await user.type(screen.getByLabelText('Password'), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    await flushPromises();
    expect(screen.getByRole('alert').textContent).toMatch(/^Too many attempts\. You can try again at .*10.05/);
  });

  it('disables Confirm and marks it busy while the password is checked, and says so', async () => {
    let finish: (value: Result<unknown>) => void = () => undefined;
    const { Host } = harness(() => new Promise((resolve) => (finish = resolve)));
    const { user } = await render(Host);
    await user.type(screen.getByLabelText('Password'), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    const confirm = screen.getByRole('button', { name: 'Confirm' });
    expect(confirm).toHaveProperty('disabled', true);
    expect(confirm.getAttribute('aria-busy')).toBe('true');
    expect(screen.getByRole('status').textContent).toContain('Checking your password…');
    finish(ok(undefined));
    await flushPromises();
  });

  it('Cancel closes it and the password is gone when it opens again', async () => {
    const action = vi.fn(async () => ok(undefined));
    const { Host, open } = harness(action);
    const { user } = await render(Host);
    await user.type(screen.getByLabelText('Password'), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await flushPromises();
    expect(open.value).toBe(false);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(action).not.toHaveBeenCalled();

    open.value = true;
    await flushPromises();
    expect(screen.getByLabelText<HTMLInputElement>('Password').value).toBe('');
  });
});
