/**
 * runGatehouse() (src-main/electron/appLifecycle.ts) against the shared fake electron and a fake
 * backend (./harness.ts). Before `ready` (sandbox, app scheme, single-instance lock) and on it (backend, IPC, window, menu).
 */
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../../../support/fakeElectron').then((fake) => fake.electronModule));

import { MESSAGES } from '../../../../src-shared/errors';
import { OPERATION_NAMES } from '../../../../src-shared/operations';
import { h, USER_DATA, APP_INDEX, launchGatehouse, fireReady, startApp, trustedEvent, invokeIpc, useLifecycleHarness } from './harness';

useLifecycleHarness();

describe('before ready', () => {
  it('enables the sandbox and registers the gatehouse: scheme, but composes nothing yet', async () => {
    launchGatehouse();
    expect(h.electron.app.enableSandbox).toHaveBeenCalledTimes(1);
    expect(h.electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    expect(h.electron.protocol.registerSchemesAsPrivileged.mock.calls[0]![0]).toMatchObject([{ scheme: 'gatehouse' }]);
    expect(h.composeBackend).not.toHaveBeenCalled();
    expect(h.electron.ipcMain.handle).not.toHaveBeenCalled();
    expect(h.electron.BrowserWindow).not.toHaveBeenCalled();
  });

  it('leaves a --no-sandbox switch in place (Playwright, root containers): no enableSandbox, windows still sandboxed', async () => {
    // app.enableSandbox() would strip --no-sandbox, and Electron then aborts sandboxed processes run as root.
    h.electron.app.commandLine.hasSwitch.mockImplementation((name) => name === 'no-sandbox');
    const window = await startApp();
    expect(h.electron.app.enableSandbox).not.toHaveBeenCalled();
    expect(window.options.webPreferences).toMatchObject({ sandbox: true });
  });

  it('quits at once, composing nothing and opening no window, when another instance holds the lock', async () => {
    h.electron.app.requestSingleInstanceLock.mockReturnValue(false);
    launchGatehouse();
    expect(h.electron.app.quit).toHaveBeenCalledTimes(1);
    expect(h.electron.app.whenReady).not.toHaveBeenCalled();
    expect(h.electron.app.listenerCount('second-instance')).toBe(0);
    expect(h.electron.app.listenerCount('before-quit')).toBe(0);
    // Even if ready fired anyway, nothing would start.
    await fireReady();
    expect(h.composeBackend).not.toHaveBeenCalled();
    expect(h.electron.BrowserWindow).not.toHaveBeenCalled();
    expect(h.electron.ipcMain.handle).not.toHaveBeenCalled();
  });
});

describe('on ready', () => {
  it('composes the backend once and registers IPC for every operation', async () => {
    await startApp();
    expect(h.composeBackend).toHaveBeenCalledTimes(1);
    expect(h.electron.ipcMain.handle).toHaveBeenCalledTimes(OPERATION_NAMES.length);
    expect(h.electron.ipcMain.handle.mock.calls.map(([channel]) => channel).sort()).toEqual(
      OPERATION_NAMES.map((name) => `gatehouse:${name}`).sort(),
    );
  });

  it('denies permissions on the default session', async () => {
    await startApp();
    const { defaultSession } = h.electron.session;
    expect(defaultSession.setPermissionRequestHandler).toHaveBeenCalledTimes(1);
    expect(defaultSession.setPermissionCheckHandler).toHaveBeenCalledTimes(1);
    expect(defaultSession.setDevicePermissionHandler).toHaveBeenCalledTimes(1);
    const callback = vi.fn();
    defaultSession.setPermissionRequestHandler.mock.calls[0]![0]({}, 'media', callback, {});
    expect(callback).toHaveBeenCalledWith(false);
    expect(defaultSession.setPermissionCheckHandler.mock.calls[0]![0]({}, 'media', APP_INDEX, {})).toBe(false);
  });

  it('serves the app protocol, installs the menu, and opens one locked-down window on the app', async () => {
    const window = await startApp();
    expect(h.electron.protocol.handle).toHaveBeenCalledWith('gatehouse', expect.any(Function));
    expect(h.electron.Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
    expect(h.electron.BrowserWindow).toHaveBeenCalledTimes(1);
    expect(window.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(String(window.options.webPreferences['preload'])).toMatch(/[\\/]preload[\\/]index\.cjs$/);
    expect(window.loadURL).toHaveBeenCalledWith(`${APP_INDEX}#/create-account`);
  });

  it.each([
    ['sign-in', `${APP_INDEX}#/sign-in`],
    ['create-account', `${APP_INDEX}#/create-account`],
    [null, APP_INDEX],
  ] as const)('opens the window on the start screen main chose before creating it (%s)', async (screen, url) => {
    h.backend.startScreen.mockReturnValue(screen);
    const window = await startApp();
    expect(h.backend.startScreen).toHaveBeenCalledTimes(1);
    expect(h.backend.startScreen.mock.invocationCallOrder[0]!).toBeLessThan(h.electron.BrowserWindow.mock.invocationCallOrder[0]!);
    expect(window.loadURL).toHaveBeenCalledWith(url);
  });

  it('sets the About panel (version, licence, data folder) and adds a Help menu', async () => {
    await startApp();
    expect(h.electron.app.setAboutPanelOptions).toHaveBeenCalledTimes(1);
    const about = JSON.stringify(h.electron.app.setAboutPanelOptions.mock.calls[0]![0]);
    for (const fact of ['0.1.0', 'MIT License', USER_DATA]) expect(about).toContain(fact);
    const menu = h.electron.Menu.buildFromTemplate.mock.calls[0]![0] as { role?: string }[];
    expect(menu.at(-1)).toMatchObject({ role: 'help' });
  });

  it.each([
    { isPackaged: true, devTools: false },
    { isPackaged: false, devTools: true },
  ])('isPackaged $isPackaged → DevTools and developer menu items: $devTools', async ({ isPackaged, devTools }) => {
    h.electron.app.isPackaged = isPackaged;
    const window = await startApp();
    expect(window.options.webPreferences['devTools']).toBe(devTools);
    const menu = JSON.stringify(h.electron.Menu.buildFromTemplate.mock.calls[0]![0]);
    expect(menu.includes('toggleDevTools')).toBe(devTools);
    expect(menu.includes('forceReload')).toBe(devTools);
  });

  it('lets the main window call IPC through to the backend', async () => {
    const window = await startApp();
    const payload = { email: 'ada@example.com', password: 'pw' };
    await expect(invokeIpc('signIn', trustedEvent(window), payload)).resolves.toEqual({
      ok: true,
      value: 'dispatched signIn',
    });
    expect(h.backend.dispatch).toHaveBeenCalledWith('signIn', payload);
  });

  it('refuses IPC from another webContents', async () => {
    const window = await startApp();
    const stranger = { ...trustedEvent(window), sender: { id: 99, mainFrame: window.webContents.mainFrame } };
    await expect(invokeIpc('listAccounts', stranger)).resolves.toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: MESSAGES.forbidden },
    });
    expect(h.backend.dispatch).not.toHaveBeenCalled();
  });
});
