/**
 * runGatehouse() (src-main/electron/appLifecycle.ts) against the shared fake electron and a fake
 * backend (./harness.ts). Opening the database: the daily backup, the recovery dialog, and start-up failures.
 */
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../../../support/fakeElectron').then((fake) => fake.electronModule));

import { STARTUP_ERROR_TITLE } from '../../../../src-main/electron/startupError';
import { DatabaseOpenError } from '../../../../src-main/core/db/openDatabase';
import { h, launchGatehouse, fireReady, startApp, useLifecycleHarness } from './harness';

useLifecycleHarness();

describe('database start-up', () => {
  it('takes the daily backup in the background, once the window is open', async () => {
    launchGatehouse();
    h.takeDailyBackup.mockImplementation(async () => {
      expect(h.electron.BrowserWindow).toHaveBeenCalledTimes(1);
    });
    await fireReady();
    expect(h.takeDailyBackup).toHaveBeenCalledTimes(1);
    expect(h.electron.BrowserWindow.mock.invocationCallOrder[0]!).toBeLessThan(h.takeDailyBackup.mock.invocationCallOrder[0]!);
  });

  it('quits without a window, IPC or error box when the person chooses Quit in the recovery dialog', async () => {
    h.openBackend.mockResolvedValue(null);
    launchGatehouse();
    await fireReady();
    expect(h.electron.app.quit).toHaveBeenCalledTimes(1);
    expect(h.electron.app.exit).not.toHaveBeenCalled();
    expect(h.electron.dialog.showErrorBox).not.toHaveBeenCalled();
    expect(h.electron.BrowserWindow).not.toHaveBeenCalled();
    expect(h.electron.ipcMain.handle).not.toHaveBeenCalled();
  });

  it.each([
    [0, 'restore'],
    [1, 'start-empty'],
    [2, 'quit'],
  ] as const)('asks about a damaged database with a native message box (button %i: %s)', async (response, choice) => {
    await startApp();
    const desktop = (h.openBackend.mock.calls[0]![0] as { desktop: { chooseDatabaseRecovery(r: unknown): Promise<string> } }).desktop;
    h.electron.dialog.showMessageBox.mockResolvedValue({ response, checkboxChecked: false });
    const takenAt = Date.UTC(2026, 10, 27, 9, 30);
    const report = { movedTo: '/fake/data/gatehouse.db.damaged-20261128T090000000Z', newestBackup: { takenAt } };
    await expect(desktop.chooseDatabaseRecovery(report)).resolves.toBe(choice);
    const [options] = h.electron.dialog.showMessageBox.mock.calls[0]! as [{ detail: string; buttons: string[]; cancelId: number }];
    expect(options.detail).toContain(report.movedTo);
    const date = new Date(takenAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
    expect(options.buttons).toEqual([`Restore backup from ${date}`, 'Start with no accounts', 'Quit']);
    expect(options.buttons[options.cancelId]).toBe('Quit');
    // What a restore undoes (password changes since the backup) and what it does not (two-factor state).
    expect(options.detail).toContain('names and passwords are as they were then, so sign in with the password you had then');
    expect(options.detail).toContain('used codes stay used, a replaced set of recovery codes stays replaced, and a lock stays in place');
    expect(options.detail).toContain('Accounts deleted since stay deleted.');
  });

  it('without a backup, offers only "Start with no accounts" and "Quit"', async () => {
    await startApp();
    const desktop = (h.openBackend.mock.calls[0]![0] as { desktop: { chooseDatabaseRecovery(r: unknown): Promise<string> } }).desktop;
    h.electron.dialog.showMessageBox.mockResolvedValue({ response: 0, checkboxChecked: false });
    await expect(desktop.chooseDatabaseRecovery({ movedTo: '/fake/x', newestBackup: null })).resolves.toBe('start-empty');
    expect((h.electron.dialog.showMessageBox.mock.calls[0]![0] as { buttons: string[] }).buttons).toEqual([
      'Start with no accounts',
      'Quit',
    ]);
    expect((h.electron.dialog.showMessageBox.mock.calls[0]![0] as { detail: string }).detail).not.toContain('Restoring undoes');
  });
});

describe('start-up failure', () => {
  it("shows a DatabaseOpenError's message in an error box, then exits with code 1", async () => {
    const message = 'This Gatehouse data was saved by a newer version of Gatehouse. Please install the latest Gatehouse.';
    launchGatehouse();
    h.composeBackend.mockImplementation(() => {
      throw new DatabaseOpenError(message, 'newer-version', '/fake/data/gatehouse.db');
    });
    await fireReady();
    const { dialog, app } = h.electron;
    expect(dialog.showErrorBox).toHaveBeenCalledTimes(1);
    expect(dialog.showErrorBox).toHaveBeenCalledWith(STARTUP_ERROR_TITLE, message);
    expect(STARTUP_ERROR_TITLE).not.toBe('');
    expect(app.exit).toHaveBeenCalledTimes(1);
    expect(app.exit).toHaveBeenCalledWith(1);
    expect(dialog.showErrorBox.mock.invocationCallOrder[0]!).toBeLessThan(app.exit.mock.invocationCallOrder[0]!);
    expect(h.electron.BrowserWindow).not.toHaveBeenCalled();
    expect(h.electron.ipcMain.handle).not.toHaveBeenCalled();
  });

  it('keeps any other error text out of the dialog', async () => {
    h.composeBackend.mockImplementation(() => {
      throw new Error('SQLITE_CORRUPT at /home/ada/secret/path');
    });
    launchGatehouse();
    await fireReady();
    expect(h.electron.dialog.showErrorBox).toHaveBeenCalledTimes(1);
    const [title, text] = h.electron.dialog.showErrorBox.mock.calls[0]!;
    expect(title).toBe(STARTUP_ERROR_TITLE);
    expect(text).not.toContain('/home/ada/secret/path');
    expect(h.electron.app.exit).toHaveBeenCalledWith(1);
  });

  it('closes an already composed backend when a later start-up step fails', async () => {
    h.electron.BrowserWindow.mockImplementation(function () {
      throw new Error('no display');
    });
    launchGatehouse();
    await fireReady();
    expect(h.composeBackend).toHaveBeenCalledTimes(1);
    expect(h.backend.close).toHaveBeenCalledTimes(1);
    expect(h.electron.dialog.showErrorBox).toHaveBeenCalledTimes(1);
    expect(h.electron.app.exit).toHaveBeenCalledWith(1);
    expect(h.backend.close.mock.invocationCallOrder[0]!).toBeLessThan(h.electron.app.exit.mock.invocationCallOrder[0]!);
  });
});
