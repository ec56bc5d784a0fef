import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MESSAGES } from '../../../../src-shared/errors';
import { fail, ok } from '../../../../src-shared/result';
import RecoveryCodesDialog from '../../../../src-renderer/features/twoFactor/RecoveryCodesDialog.vue';
import { useTwoFactorStore, type RecoveryCodesReason } from '../../../../src-renderer/stores/twoFactor';
import { installFakeApi, type FakeApi } from '../fakeApi';
import { codeSet } from '../twoFactorFixtures';
import { dialog, flushPromises, freshPinia, render, screen, within } from './harness';

const NAME = 'Save your recovery codes';
const FILE_NAME = 'gatehouse-recovery-codes-ada-2025-03-01.txt';
const COPIED = 'Copied. Gatehouse clears the clipboard in 60 seconds.';

let api: FakeApi;
const closed = vi.fn();

beforeEach(() => {
  closed.mockReset();
  freshPinia();
  api = installFakeApi();
});

/** The dialog showing a set of 10 codes, `used` of them used. */
async function renderCodes(used = 0, reason: RecoveryCodesReason = 'viewed', fakeTimers = false) {
  const store = useTwoFactorStore();
  store.recoveryCodes = codeSet(used);
  store.recoveryCodesReason = reason;
  const rendered = await render(RecoveryCodesDialog, { props: { onClosed: closed }, fakeTimers });
  return { ...rendered, store, codes: dialog(NAME) };
}

function description(element: HTMLElement): string | undefined {
  return document.getElementById(element.getAttribute('aria-describedby') ?? '')?.textContent?.trim();
}

function listedCodes(codes: HTMLElement): string[] {
  const list = within(codes).getByRole('list', { name: 'Recovery codes' });
  return within(list)
    .getAllByRole('listitem')
    .map((item) => item.textContent?.replace(/\s+/g, ' ').trim() ?? '');
}

describe('RecoveryCodesDialog', () => {
  it('is closed while there are no codes to show', async () => {
    await render(RecoveryCodesDialog);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('lists every code, marks the used ones and offers Download, Copy, Print, Done', async () => {
    const { codes } = await renderCodes(2);
    expect(listedCodes(codes)).toEqual([
      'abcd2-fghj2 (used)',
      'abcd3-fghj3 (used)',
      'abcd4-fghj4',
      'abcd5-fghj5',
      'abcd6-fghj6',
      'abcd7-fghj7',
      'abcd8-fghj8',
      'abcd9-fghj9',
      'abcd10-fghj10',
      'abcd11-fghj11',
    ]);
    expect(within(codes).getByText(/8 of 10 codes unused\./)).toBeTruthy();
    expect(within(codes).queryByText(/Regenerate your codes soon/)).toBeNull();
    expect(
      within(codes)
        .getAllByRole('button')
        .map((button) => button.textContent?.trim()),
    ).toEqual(['Download', 'Copy', 'Print', 'Done']);
  });

  it.each<[RecoveryCodesReason, RegExp]>([
    ['activated', /^Two-factor authentication is active\. Save these single-use recovery codes/],
    ['viewed', /^Each recovery code signs you in once\. Codes you have used are marked as used\.$/],
    ['regenerated', /^These are your new recovery codes\. The old codes no longer work/],
  ])('words its description for codes that were %s', async (reason, lead) => {
    const { codes } = await renderCodes(0, reason);
    expect(description(codes)).toMatch(lead);
  });

  it('urges regenerating when 3 or fewer codes are unused', async () => {
    const { codes } = await renderCodes(7);
    expect(within(codes).getByText(/3 of 10 codes unused\. Regenerate your codes soon\./)).toBeTruthy();
  });

  it('Download saves through main and says under which name', async () => {
    api.downloadRecoveryCodes.mockResolvedValueOnce(ok({ saved: true, fileName: FILE_NAME }));
    const { user, codes } = await renderCodes();
    await user.click(within(codes).getByRole('button', { name: 'Download' }));
    await flushPromises();
    expect(api.downloadRecoveryCodes).toHaveBeenCalledExactlyOnceWith({});
    expect(within(codes).getByRole('status').textContent?.trim()).toBe(`Saved as ${FILE_NAME}`);
  });

  it('says nothing when the save dialog was cancelled, and shows an alert when saving failed', async () => {
    api.downloadRecoveryCodes
      .mockResolvedValueOnce(ok({ saved: false }))
      .mockResolvedValueOnce(fail({ code: 'SAVE_FAILED', message: MESSAGES.saveFailed }));
    const { user, codes } = await renderCodes();
    await user.click(within(codes).getByRole('button', { name: 'Download' }));
    await flushPromises();
    expect(within(codes).getByRole('status').textContent?.trim()).toBe('');
    expect(within(codes).queryByRole('alert')).toBeNull();

    await user.click(within(codes).getByRole('button', { name: 'Download' }));
    await flushPromises();
    expect(within(codes).getByRole('alert').textContent?.trim()).toBe(MESSAGES.saveFailed);
    expect(dialog(NAME)).toBe(codes);
  });

  it('Copy asks main to copy the codes and says for a few seconds that the clipboard is cleared in 60 seconds', async () => {
    vi.useFakeTimers();
    api.copyToClipboard.mockResolvedValueOnce(ok({}));
    const { user, codes } = await renderCodes(0, 'viewed', true);
    await user.click(within(codes).getByRole('button', { name: 'Copy' }));
    await flushPromises();
    expect(api.copyToClipboard).toHaveBeenCalledExactlyOnceWith({ item: 'recoveryCodes' });
    expect(within(codes).getByRole('status').textContent?.trim()).toBe(COPIED);
    await vi.advanceTimersByTimeAsync(9_999);
    expect(within(codes).getByRole('status').textContent?.trim()).toBe(COPIED);
    await vi.advanceTimersByTimeAsync(1);
    expect(within(codes).getByRole('status').textContent?.trim()).toBe('');
  });

  it('shows an alert when copying failed', async () => {
    api.copyToClipboard.mockResolvedValueOnce(fail({ code: 'INTERNAL', message: MESSAGES.internal }));
    const { user, codes } = await renderCodes();
    await user.click(within(codes).getByRole('button', { name: 'Copy' }));
    await flushPromises();
    expect(within(codes).getByRole('alert').textContent?.trim()).toBe(MESSAGES.internal);
  });

  it('Print prints the page (the print styles show only the codes)', async () => {
    // happy-dom has no window.print.
    const print = vi.fn();
    vi.stubGlobal('print', print);
    const { user, codes } = await renderCodes();
    expect(codes.classList.contains('print-area')).toBe(true);
    await user.click(within(codes).getByRole('button', { name: 'Print' }));
    expect(print).toHaveBeenCalledOnce();
  });

  it('Done closes it and drops the codes from memory', async () => {
    const { user, codes, store } = await renderCodes();
    await user.click(within(codes).getByRole('button', { name: 'Done' }));
    await flushPromises();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(store.recoveryCodes).toBeNull();
    expect(closed).toHaveBeenCalledOnce();
  });

  it('clears the "Copied" timer when unmounted', async () => {
    vi.useFakeTimers();
    api.copyToClipboard.mockResolvedValueOnce(ok({}));
    const { user, codes, unmount } = await renderCodes(0, 'viewed', true);
    await user.click(within(codes).getByRole('button', { name: 'Copy' }));
    await flushPromises();
    expect(vi.getTimerCount()).toBe(1);
    unmount();
    expect(vi.getTimerCount()).toBe(0);
  });
});
