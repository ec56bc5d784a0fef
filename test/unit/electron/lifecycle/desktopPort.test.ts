/**
 * runGatehouse() (src-main/electron/appLifecycle.ts) against the shared fake electron and a fake
 * backend (./harness.ts). The desktop port the backend gets: clipboard, save dialog, capture protection, clearing on quit.
 */
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../../../support/fakeElectron').then((fake) => fake.electronModule));

import { h, startApp, composedDesktop, type ComposedDesktop, useLifecycleHarness } from './harness';

useLifecycleHarness();

describe('desktop port', () => {
  it("gives the backend Electron's clipboard and a save dialog parented to the main window", async () => {
    const window = await startApp();
    const desktop = composedDesktop();
    await desktop.copyText('JBSWY3DPEHPK3PXP');
    expect(h.electron.clipboard.write).toHaveBeenCalledTimes(1);
    expect(h.electron.clipboard.text).toBe('JBSWY3DPEHPK3PXP');

    await expect(desktop.saveTextFile({ suggestedName: 'codes.txt', contents: 'x' })).resolves.toBeNull();
    expect(h.electron.dialog.showSaveDialog).toHaveBeenCalledTimes(1);
    expect(h.electron.dialog.showSaveDialog.mock.calls[0]![0]).toBe(window);
  });

  /** Emits before-quit, then will-quit, as Electron does when quitting, with events the handlers may cancel. */
  const quit = () => {
    const before = { preventDefault: vi.fn() };
    const will = { preventDefault: vi.fn() };
    h.electron.app.emit('before-quit', before);
    h.electron.app.emit('will-quit', will);
    return { before, will };
  };

  it('on will-quit holds quitting until a copied secret still on the clipboard is cleared, then quits again', async () => {
    await startApp();
    await composedDesktop().copyText('JBSWY3DPEHPK3PXP');
    const { before, will } = quit();
    expect(before.preventDefault).not.toHaveBeenCalled();
    expect(h.backend.close).toHaveBeenCalledTimes(1);
    expect(will.preventDefault).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(h.electron.app.quit).toHaveBeenCalledTimes(1), { timeout: 30_000 });
    expect(h.electron.clipboard.text).toBe('');

    // The second round finds nothing to clear and lets the app quit.
    expect(quit().will.preventDefault).not.toHaveBeenCalled();
    expect(h.backend.close).toHaveBeenCalledTimes(1);
  });

  it('on will-quit leaves the clipboard alone when the person copied something else since', async () => {
    await startApp();
    await composedDesktop().copyText('JBSWY3DPEHPK3PXP');
    h.electron.clipboard.text = 'something else';
    quit();
    await vi.waitFor(() => expect(h.electron.app.quit).toHaveBeenCalledTimes(1), { timeout: 30_000 });
    expect(h.electron.clipboard.clear).not.toHaveBeenCalled();
    expect(h.electron.clipboard.text).toBe('something else');
  });

  it('on will-quit with nothing copied, quits at once', async () => {
    await startApp();
    const { before, will } = quit();
    expect(before.preventDefault).not.toHaveBeenCalled();
    expect(will.preventDefault).not.toHaveBeenCalled();
    expect(h.electron.clipboard.readText).not.toHaveBeenCalled();
  });

  it("clears a copied secret when the window's Windows session ends (log-off, shutdown), before the handler returns", async () => {
    const window = await startApp();
    await composedDesktop().copyText('JBSWY3DPEHPK3PXP');
    // Chromium's Windows clipboard answers the read at once; the fake does too.
    window.emit('session-end', { preventDefault: vi.fn() });
    await Promise.resolve();
    await Promise.resolve();
    expect(h.electron.clipboard.clear).toHaveBeenCalledTimes(1);
    expect(h.electron.clipboard.text).toBe('');
  });

  it('protects the window from capture while the core says secrets are shown, also in a window opened later', async () => {
    const window = await startApp();
    const desktop = composedDesktop() as ComposedDesktop & { protectScreen(on: boolean): void };
    desktop.protectScreen(true);
    expect(window.setContentProtection).toHaveBeenLastCalledWith(true);
    window.emit('minimize');
    window.emit('restore');
    expect(window.setContentProtection).toHaveBeenCalledTimes(3); // at creation (off), on, and again after restore
    expect(window.setContentProtection).toHaveBeenLastCalledWith(true);
    desktop.protectScreen(false);
    expect(window.setContentProtection).toHaveBeenLastCalledWith(false);
  });
});
