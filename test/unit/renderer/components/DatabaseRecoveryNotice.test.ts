import { beforeEach, describe, expect, it } from 'vitest';
import { ok } from '../../../../src-shared/result';
import DatabaseRecoveryNotice from '../../../../src-renderer/features/auth/DatabaseRecoveryNotice.vue';
import { formatDateTime } from '../../../../src-renderer/utils/format';
import { installFakeApi, type FakeApi } from '../fakeApi';
import { flushPromises, freshPinia, render, screen } from './harness';

const MOVED_TO = '/home/ada/.config/Gatehouse/gatehouse.db.damaged-20261128T090000000Z';

let api: FakeApi;
beforeEach(() => {
  freshPinia();
  api = installFakeApi();
});

function text(element: HTMLElement): string {
  return element.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

describe('DatabaseRecoveryNotice', () => {
  it('shows nothing when start-up had nothing to say', async () => {
    await render(DatabaseRecoveryNotice);
    await flushPromises();
    expect(api.getStartupNotice).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says where the damaged file went and which backup was restored', async () => {
    const restoredFrom = Date.UTC(2026, 10, 27, 9, 30);
    api.getStartupNotice.mockResolvedValue(ok({ notice: { movedTo: MOVED_TO, restoredFrom } }));
    await render(DatabaseRecoveryNotice);
    const alert = await screen.findByRole('alert', { name: 'Damaged database' });
    expect(text(alert)).toBe(
      `Gatehouse found its database damaged and moved it to ${MOVED_TO}. ` +
        `Your accounts were restored from the backup of ${formatDateTime(restoredFrom)}. Changes made after that backup are not in it: ` +
        'sign in with the password you had then. Two-factor settings and used recovery codes are not rolled back. Dismiss',
    );
  });

  it('says Gatehouse started with no accounts when nothing was restored, and can be dismissed', async () => {
    api.getStartupNotice.mockResolvedValue(ok({ notice: { movedTo: MOVED_TO, restoredFrom: null } }));
    const { user } = await render(DatabaseRecoveryNotice);
    const alert = await screen.findByRole('alert', { name: 'Damaged database' });
    expect(text(alert)).toContain(`moved it to ${MOVED_TO}. Gatehouse started with no accounts.`);
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows nothing when the notice cannot be read', async () => {
    api.getStartupNotice.mockResolvedValue({ ok: false, error: { code: 'INTERNAL', message: 'x' } });
    await render(DatabaseRecoveryNotice);
    await flushPromises();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
