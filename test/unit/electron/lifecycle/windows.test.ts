/**
 * runGatehouse() (src-main/electron/appLifecycle.ts) against the shared fake electron and a fake
 * backend (./harness.ts). The main window: second instances, closing it, and the macOS dock.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../../../support/fakeElectron').then((fake) => fake.electronModule));

import { h, APP_INDEX, launchGatehouse, fireReady, startApp, trustedEvent, invokeIpc, useLifecycleHarness } from './harness';

useLifecycleHarness();

describe('windows', () => {
  it('restores, shows and focuses a minimized window on second-instance', async () => {
    const window = await startApp();
    window.isMinimized.mockReturnValue(true);
    h.electron.app.emit('second-instance');
    expect(window.restore).toHaveBeenCalledTimes(1);
    expect(window.show).toHaveBeenCalledTimes(1);
    expect(window.focus).toHaveBeenCalledTimes(1);
  });

  it('shows and focuses a window that is not minimized, without restoring it', async () => {
    const window = await startApp();
    h.electron.app.emit('second-instance');
    expect(window.restore).not.toHaveBeenCalled();
    expect(window.show).toHaveBeenCalledTimes(1);
    expect(window.focus).toHaveBeenCalledTimes(1);
  });

  it('ignores second-instance before the window exists', async () => {
    launchGatehouse();
    expect(() => h.electron.app.emit('second-instance')).not.toThrow();
    expect(h.electron.windows).toHaveLength(0);
  });

  it('forgets a closed window: its IPC is refused, and second-instance opens a new one instead of touching it', async () => {
    const window = await startApp();
    window.emit('closed');
    await expect(invokeIpc('listAccounts', trustedEvent(window))).resolves.toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(h.backend.dispatch).not.toHaveBeenCalled();
    h.electron.app.emit('second-instance');
    expect(window.show).not.toHaveBeenCalled();
    expect(window.focus).not.toHaveBeenCalled();
    expect(h.electron.windows).toHaveLength(2);
  });

  it('opens no window again once quitting has begun', async () => {
    const window = await startApp();
    h.electron.app.emit('before-quit', { preventDefault: vi.fn() });
    window.emit('closed');
    h.electron.app.emit('second-instance');
    h.electron.app.emit('activate', {}, false);
    expect(h.electron.windows).toHaveLength(1);
  });

  describe.each(['linux', 'win32'] as const)('on %s', (platform) => {
    beforeEach(() => {
      h.platform = platform;
    });

    it('quits when every window is closed', async () => {
      await startApp();
      expect(h.electron.app.quit).not.toHaveBeenCalled();
      h.electron.app.emit('window-all-closed');
      expect(h.electron.app.quit).toHaveBeenCalledTimes(1);
      expect(h.backend.endSession).not.toHaveBeenCalled(); // before-quit ends it as 'app_quit'
    });
  });

  describe('on macOS', () => {
    beforeEach(() => {
      h.platform = 'darwin';
    });

    it('stays in the dock when the window closes, ending the session; a dock click opens a new window', async () => {
      const first = await startApp();
      first.emit('closed');
      h.electron.app.emit('window-all-closed');
      expect(h.electron.app.quit).not.toHaveBeenCalled();
      expect(h.backend.endSession).toHaveBeenCalledWith('window_closed');
      expect(h.backend.close).not.toHaveBeenCalled();

      h.backend.startScreen.mockReturnValue('sign-in');
      h.electron.app.emit('activate', {}, false);
      expect(h.electron.windows).toHaveLength(2);
      const second = h.electron.windows[1]!;
      expect(second.loadURL).toHaveBeenCalledWith(`${APP_INDEX}#/sign-in`);
      // The new window is the trusted one, and a second dock click opens no third.
      await expect(invokeIpc('listAccounts', trustedEvent(second))).resolves.toMatchObject({ ok: true });
      h.electron.app.emit('activate', {}, true);
      expect(h.electron.windows).toHaveLength(2);
    });

    it('a second instance also reopens the window, and nothing opens before start-up finished', async () => {
      launchGatehouse();
      h.electron.app.emit('activate', {}, false);
      expect(h.electron.windows).toHaveLength(0);
      await fireReady();
      h.electron.windows[0]!.emit('closed');
      h.electron.app.emit('second-instance');
      expect(h.electron.windows).toHaveLength(2);
    });
  });
});
