import { beforeEach, describe, expect, it } from 'vitest';
import RecoveryCodesNotice from '../../../../src-renderer/features/twoFactor/RecoveryCodesNotice.vue';
import { useTwoFactorStore } from '../../../../src-renderer/stores/twoFactor';
import { installFakeApi } from '../fakeApi';
import { flushPromises, freshPinia, render, screen } from './harness';

const URGE = 'Regenerate your recovery codes now so you can still sign in if you lose your phone.';

beforeEach(() => {
  freshPinia();
  installFakeApi();
});

/** The notice on the Dashboard after a recovery-code sign-in that left `remaining` codes. */
async function renderNotice(remaining: number | null) {
  useTwoFactorStore().recoveryCodesRemaining = remaining;
  return render(RecoveryCodesNotice);
}

function text(element: HTMLElement): string {
  return element.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

describe('RecoveryCodesNotice', () => {
  it('keeps an empty status in the page when there is nothing to say', async () => {
    await renderNotice(null);
    expect(text(screen.getByRole('status'))).toBe('');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('says how many codes are left, without urging, above 3', async () => {
    await renderNotice(4);
    const status = screen.getByRole('status');
    expect(text(status)).toBe('You signed in with a recovery code. You have 4 recovery codes left. Dismiss');
    expect(screen.queryByRole('link')).toBeNull();
  });

  it.each([
    [3, 'You signed in with a recovery code. You have 3 recovery codes left.'],
    [1, 'You signed in with a recovery code. You have 1 recovery code left.'],
    [0, 'You signed in with your last recovery code. You have no recovery codes left.'],
  ])('at %i codes urges regenerating them, with a link to Security', async (remaining, message) => {
    await renderNotice(remaining);
    expect(text(screen.getByRole('status'))).toContain(`${message} ${URGE}`);
    const link = screen.getByRole('link', { name: 'Regenerate recovery codes in Security' });
    expect(link.getAttribute('href')).toBe('/settings/security');
  });

  it('the link goes to Security', async () => {
    const { user, router } = await renderNotice(2);
    await user.click(screen.getByRole('link', { name: 'Regenerate recovery codes in Security' }));
    await flushPromises();
    expect(router.currentRoute.value.name).toBe('settings-security');
    screen.getByRole('heading', { name: 'Security' });
  });

  it('Dismiss empties the status', async () => {
    const { user } = await renderNotice(2);
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(text(screen.getByRole('status'))).toBe('');
    expect(useTwoFactorStore().recoveryCodesRemaining).toBeNull();
  });
});
