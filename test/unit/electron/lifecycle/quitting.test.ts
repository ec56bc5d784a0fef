/**
 * runGatehouse() (src-main/electron/appLifecycle.ts) against the shared fake electron and a fake
 * backend (./harness.ts). Quitting and ending the session: the start-up work quitting waits for, lock and suspend.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../../../support/fakeElectron').then((fake) => fake.electronModule));

import { MESSAGES } from '../../../../src-shared/errors';
import { h, startApp, trustedEvent, invokeIpc, useLifecycleHarness } from './harness';

useLifecycleHarness();

describe('quitting while start-up work runs', () => {
  /** A promise and its resolve function, to settle start-up work when the test says so. */
  const deferred = () => {
    let settle!: () => void;
    const promise = new Promise<void>((resolve) => {
      settle = resolve;
    });
    return { promise, settle };
  };
  const emitBeforeQuit = () => {
    const event = { preventDefault: vi.fn() };
    h.electron.app.emit('before-quit', event);
    return event;
  };

  afterEach(() => {
    vi.useRealTimers();
  });

  it('waits for keychain reconciliation to finish before closing the database, then quits', async () => {
    const reconciliation = deferred();
    h.backend.reconciled = reconciliation.promise;
    const window = await startApp();
    const event = emitBeforeQuit();
    expect(event.preventDefault).toHaveBeenCalledTimes(1);
    expect(h.backend.endSession).toHaveBeenCalledWith('app_quit');
    expect(h.backend.close).not.toHaveBeenCalled();
    // Meanwhile the renderer gets no new work into the backend.
    await expect(invokeIpc('getSession', trustedEvent(window))).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } });

    reconciliation.settle();
    await vi.waitFor(() => expect(h.electron.app.quit).toHaveBeenCalledTimes(1), { timeout: 30_000 });
    expect(h.backend.close).toHaveBeenCalledTimes(1);
    expect(h.backend.close.mock.invocationCallOrder[0]!).toBeLessThan(h.electron.app.quit.mock.invocationCallOrder[0]!);
    // The second round closes nothing twice and lets the app quit.
    expect(emitBeforeQuit().preventDefault).not.toHaveBeenCalled();
    expect(h.backend.close).toHaveBeenCalledTimes(1);
  });

  it('waits for the daily backup in the same way', async () => {
    const backup = deferred();
    h.takeDailyBackup.mockReturnValue(backup.promise);
    await startApp();
    expect(emitBeforeQuit().preventDefault).toHaveBeenCalledTimes(1);
    expect(h.backend.close).not.toHaveBeenCalled();
    backup.settle();
    await vi.waitFor(() => expect(h.electron.app.quit).toHaveBeenCalledTimes(1), { timeout: 30_000 });
    expect(h.backend.close).toHaveBeenCalledTimes(1);
  });

  it('gives up after 5 seconds on a reconciliation that never settles: closes the database and quits', async () => {
    h.backend.reconciled = new Promise<void>(() => {});
    await startApp();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    expect(emitBeforeQuit().preventDefault).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(4_999);
    expect(h.backend.close).not.toHaveBeenCalled();
    expect(h.electron.app.quit).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(h.backend.close).toHaveBeenCalledTimes(1);
    expect(h.electron.app.quit).toHaveBeenCalledTimes(1);
    expect(emitBeforeQuit().preventDefault).not.toHaveBeenCalled();
  });

  it('closes at once when start-up work has already finished', async () => {
    await startApp();
    expect(emitBeforeQuit().preventDefault).not.toHaveBeenCalled();
    expect(h.backend.close).toHaveBeenCalledTimes(1);
  });
});

describe('ending the session', () => {
  it.each(['lock-screen', 'suspend'])("ends the session as 'screen_locked' on powerMonitor %s", async (event) => {
    await startApp();
    expect(h.backend.endSession).not.toHaveBeenCalled();
    h.electron.powerMonitor.emit(event);
    expect(h.backend.endSession).toHaveBeenCalledTimes(1);
    expect(h.backend.endSession).toHaveBeenCalledWith('screen_locked');
    expect(h.backend.close).not.toHaveBeenCalled();
  });

  it('survives a throwing endSession', async () => {
    await startApp();
    h.backend.endSession.mockImplementation(() => {
      throw new Error('keychain locked');
    });
    expect(() => h.electron.powerMonitor.emit('lock-screen')).not.toThrow();
    expect(h.consoleError).toHaveBeenCalled();
  });

  it("on before-quit ends the session as 'app_quit', then closes the backend; later IPC gets INTERNAL", async () => {
    const window = await startApp();
    h.electron.app.emit('before-quit');
    expect(h.backend.endSession).toHaveBeenCalledWith('app_quit');
    expect(h.backend.close).toHaveBeenCalledTimes(1);
    expect(h.backend.endSession.mock.invocationCallOrder[0]!).toBeLessThan(h.backend.close.mock.invocationCallOrder[0]!);

    await expect(invokeIpc('getSession', trustedEvent(window))).resolves.toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: MESSAGES.internal },
    });
    expect(h.backend.dispatch).not.toHaveBeenCalled();

    // The closed backend is not touched again: not by a lock, not by a second before-quit.
    h.electron.powerMonitor.emit('lock-screen');
    h.electron.app.emit('before-quit');
    expect(h.backend.endSession).toHaveBeenCalledTimes(1);
    expect(h.backend.close).toHaveBeenCalledTimes(1);
  });

  it('still closes the backend when ending the session throws on quit', async () => {
    await startApp();
    h.backend.endSession.mockImplementation(() => {
      throw new Error('boom');
    });
    expect(() => h.electron.app.emit('before-quit')).not.toThrow();
    expect(h.backend.close).toHaveBeenCalledTimes(1);
  });
});
