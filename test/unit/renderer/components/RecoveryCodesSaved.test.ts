/**
 * Issue 13, section 1: new recovery codes (after activation or Regenerate Codes) are kept before
 * the dialog can be dismissed. Done is unavailable (focusable, aria-disabled, saying why) and
 * Escape does nothing until they were downloaded, copied or printed; See Recovery Codes closes
 * freely. The dialog opens with focus on its title (section 3), so Enter does not print.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ok } from '../../../../src-shared/result';
import RecoveryCodesDialog from '../../../../src-renderer/features/twoFactor/RecoveryCodesDialog.vue';
import { useTwoFactorStore, type RecoveryCodesReason } from '../../../../src-renderer/stores/twoFactor';
import { installFakeApi, type FakeApi } from '../fakeApi';
import { codeSet } from '../twoFactorFixtures';
import { dialog, flushPromises, freshPinia, render, screen, within } from './harness';

const NAME = 'Save your recovery codes';
const SEE_AGAIN = 'You can see them again under Security → See Recovery Codes.';

let api: FakeApi;

beforeEach(() => {
  freshPinia();
  api = installFakeApi();
  vi.stubGlobal('print', vi.fn());
});

async function renderCodes(reason: RecoveryCodesReason) {
  const store = useTwoFactorStore();
  store.recoveryCodes = codeSet();
  store.recoveryCodesReason = reason;
  const rendered = await render(RecoveryCodesDialog);
  const codes = dialog(NAME);
  return { ...rendered, store, codes, done: within(codes).getByRole('button', { name: 'Done' }) };
}

function described(element: HTMLElement): string {
  return (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent?.trim() ?? '')
    .join(' ');
}

/** Escape as the browser delivers it to a modal dialog: a keydown, then (unless prevented) a cancel event. */
function pressEscape(element: HTMLElement): { keydownPrevented: boolean; cancelPrevented: boolean } {
  const keydown = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
  element.dispatchEvent(keydown);
  const cancel = new Event('cancel', { cancelable: true });
  element.dispatchEvent(cancel);
  if (!cancel.defaultPrevented) (element as HTMLDialogElement).close();
  return { keydownPrevented: keydown.defaultPrevented, cancelPrevented: cancel.defaultPrevented };
}

describe.each<RecoveryCodesReason>(['activated', 'regenerated'])('new recovery codes (%s)', (reason) => {
  it('opens with focus on the title and says where to see the codes again', async () => {
    const { codes } = await renderCodes(reason);
    expect(document.activeElement).toBe(within(codes).getByRole('heading', { name: NAME }));
    expect(described(codes)).toContain(SEE_AGAIN);
  });

  it('keeps Done unavailable (still focusable, saying why) and ignores Escape until the codes are kept', async () => {
    const { user, codes, done, store } = await renderCodes(reason);
    expect(done.getAttribute('aria-disabled')).toBe('true');
    expect(done).toHaveProperty('disabled', false);
    expect(described(done)).toBe('Download, copy or print your codes to continue.');

    await user.click(done);
    expect(pressEscape(codes)).toEqual({ keydownPrevented: true, cancelPrevented: true });
    await flushPromises();
    expect(dialog(NAME)).toBe(codes);
    expect(store.recoveryCodes).not.toBeNull();
  });

  it.each([
    ['Download', () => api.downloadRecoveryCodes.mockResolvedValueOnce(ok({ saved: true, fileName: 'codes.txt' }))],
    ['Copy', () => api.copyToClipboard.mockResolvedValueOnce(ok({}))],
    ['Print', () => undefined],
  ])('after %s, Done and Escape close it', async (action, arrange) => {
    arrange();
    const { user, codes, done } = await renderCodes(reason);
    await user.click(within(codes).getByRole('button', { name: action }));
    await flushPromises();
    expect(done.getAttribute('aria-disabled')).toBeNull();
    expect(done.getAttribute('aria-describedby')).toBeNull();
    expect(pressEscape(codes)).toEqual({ keydownPrevented: false, cancelPrevented: false });
    await flushPromises();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('a cancelled save dialog does not count as kept', async () => {
    api.downloadRecoveryCodes.mockResolvedValueOnce(ok({ saved: false }));
    const { user, codes, done } = await renderCodes(reason);
    await user.click(within(codes).getByRole('button', { name: 'Download' }));
    await flushPromises();
    expect(done.getAttribute('aria-disabled')).toBe('true');
  });

  it('opens again if the browser closes it anyway (a second Escape in a row in Chromium)', async () => {
    const { codes, store } = await renderCodes(reason);
    (codes as HTMLDialogElement).close();
    await flushPromises();
    expect(dialog(NAME)).toBe(codes);
    expect(store.recoveryCodes).not.toBeNull();
    expect(document.activeElement).toBe(within(codes).getByRole('heading', { name: NAME }));
  });
});

describe('See Recovery Codes (view only)', () => {
  it('closes freely with Done or Escape', async () => {
    const first = await renderCodes('viewed');
    expect(first.done.getAttribute('aria-disabled')).toBeNull();
    expect(described(first.codes)).not.toContain(SEE_AGAIN);
    await first.user.click(first.done);
    await flushPromises();
    expect(screen.queryByRole('dialog')).toBeNull();

    first.unmount();
    const second = await renderCodes('viewed');
    expect(pressEscape(second.codes)).toEqual({ keydownPrevented: false, cancelPrevented: false });
    await flushPromises();
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
