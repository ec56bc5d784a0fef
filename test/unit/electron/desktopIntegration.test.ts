/**
 * The Electron DesktopIntegration adapter (src-main/electron/desktopIntegration.ts) with the shared
 * fake `electron`: an in-memory clipboard (Electron 45's clipboard.write of ClipboardItems) and a scripted
 * save dialog. Files are written for real, into a temporary folder.
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow, SaveDialogOptions } from 'electron';

vi.mock('electron', () => import('../../support/fakeElectron').then((fake) => fake.electronModule));

import { resetFakeElectron, type FakeElectron } from '../../support/fakeElectron';
import { CLIPBOARD_CLEAR_MS, createElectronDesktopIntegration, withTxtExtension } from '../../../src-main/electron/desktopIntegration';

const mainWindow = { id: 'main window' } as unknown as BrowserWindow;
const protection = { set: vi.fn() };

let electron: FakeElectron;
beforeEach(() => {
  electron = resetFakeElectron();
  electron.dialog.showSaveDialog.mockResolvedValue({ canceled: true });
});

describe('copyText', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('puts the text on the clipboard and clears it after 60 s if it is still there', async () => {
    const desktop = createElectronDesktopIntegration(() => mainWindow, protection);
    await desktop.copyText('JBSWY3DPEHPK3PXP');
    expect(electron.clipboard.write).toHaveBeenCalledTimes(1);
    expect(electron.clipboard.text).toBe('JBSWY3DPEHPK3PXP');

    await vi.advanceTimersByTimeAsync(CLIPBOARD_CLEAR_MS - 1);
    expect(electron.clipboard.clear).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(electron.clipboard.clear).toHaveBeenCalledTimes(1);
    expect(electron.clipboard.text).toBe('');
    expect(CLIPBOARD_CLEAR_MS).toBe(60_000);
  });

  it('leaves the clipboard alone when the person copied something else meanwhile', async () => {
    const desktop = createElectronDesktopIntegration(() => mainWindow, protection);
    await desktop.copyText('secret');
    electron.clipboard.text = 'a shopping list';
    await vi.advanceTimersByTimeAsync(CLIPBOARD_CLEAR_MS);
    expect(electron.clipboard.clear).not.toHaveBeenCalled();
    expect(electron.clipboard.text).toBe('a shopping list');
  });

  it('a later copy cancels the earlier timer and gets a full minute of its own', async () => {
    const desktop = createElectronDesktopIntegration(() => mainWindow, protection);
    await desktop.copyText('first');
    await vi.advanceTimersByTimeAsync(CLIPBOARD_CLEAR_MS / 2);
    await desktop.copyText('second');
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(CLIPBOARD_CLEAR_MS / 2);
    expect(electron.clipboard.text).toBe('second'); // the first copy's minute is up, but its timer is gone
    await vi.advanceTimersByTimeAsync(CLIPBOARD_CLEAR_MS / 2);
    expect(electron.clipboard.text).toBe('');
    expect(electron.clipboard.clear).toHaveBeenCalledTimes(1);
  });

  it('does not clear a copy made while the earlier one was being checked', async () => {
    const desktop = createElectronDesktopIntegration(() => mainWindow, protection);
    await desktop.copyText('same text');
    let finishReading!: (text: string) => void;
    electron.clipboard.readText.mockImplementationOnce(() => new Promise((resolve) => (finishReading = resolve)));
    await vi.advanceTimersByTimeAsync(CLIPBOARD_CLEAR_MS); // the check starts and waits for the clipboard
    await desktop.copyText('same text'); // copied again: a fresh minute
    finishReading('same text');
    await vi.advanceTimersByTimeAsync(0);
    expect(electron.clipboard.clear).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(CLIPBOARD_CLEAR_MS);
    expect(electron.clipboard.clear).toHaveBeenCalledTimes(1);
  });

  it('logs only the error name when the clipboard cannot be read', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      await createElectronDesktopIntegration(() => mainWindow, protection).copyText('secret');
      electron.clipboard.readText.mockRejectedValueOnce(new TypeError('secret in a message'));
      await vi.advanceTimersByTimeAsync(CLIPBOARD_CLEAR_MS);
      expect(log).toHaveBeenCalledTimes(1);
      expect(String(log.mock.calls[0])).toContain('TypeError');
      expect(String(log.mock.calls[0])).not.toContain('secret');
    } finally {
      log.mockRestore();
    }
  });

  it('does not keep the process alive while waiting', async () => {
    const unref = vi.fn();
    const setTimeoutSpy = vi.spyOn(globalThis, 'setTimeout').mockReturnValue({ unref } as unknown as NodeJS.Timeout);
    try {
      await createElectronDesktopIntegration(() => mainWindow, protection).copyText('secret');
      expect(unref).toHaveBeenCalledTimes(1);
    } finally {
      setTimeoutSpy.mockRestore();
    }
  });

  it('clearCopiedText (on quit) clears at once if the text is still there, and has nothing to do afterwards', async () => {
    const desktop = createElectronDesktopIntegration(() => mainWindow, protection);
    expect(desktop.clearCopiedText()).toBeNull();
    await desktop.copyText('secret');
    await desktop.clearCopiedText();
    expect(electron.clipboard.text).toBe('');
    expect(vi.getTimerCount()).toBe(0);
    expect(desktop.clearCopiedText()).toBeNull();
    expect(electron.clipboard.clear).toHaveBeenCalledTimes(1);
  });

  it('clearCopiedText leaves a different text alone, and gives up after a second if the clipboard hangs', async () => {
    const desktop = createElectronDesktopIntegration(() => mainWindow, protection);
    await desktop.copyText('secret');
    electron.clipboard.text = 'copied elsewhere';
    await desktop.clearCopiedText();
    expect(electron.clipboard.text).toBe('copied elsewhere');

    await desktop.copyText('secret');
    electron.clipboard.readText.mockImplementationOnce(() => new Promise(() => {}));
    let settled = false;
    void desktop.clearCopiedText()!.then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(999);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toBe(true);
    expect(electron.clipboard.clear).not.toHaveBeenCalled();
  });
});

describe('copyText marks the secret for clipboard managers', () => {
  const platform = process.platform;
  afterEach(() => Object.defineProperty(process, 'platform', { value: platform }));
  const on = (name: NodeJS.Platform) => Object.defineProperty(process, 'platform', { value: name });
  const bytes = async (value: Blob | string | undefined): Promise<number[]> =>
    value instanceof Blob ? [...new Uint8Array(await value.arrayBuffer())] : [...Buffer.from(value ?? '')];

  it('on Windows, writes the text with the three history and cloud formats (DWORD 0) in one write', async () => {
    on('win32');
    await createElectronDesktopIntegration(() => mainWindow, protection).copyText('JBSWY3DPEHPK3PXP');
    expect(electron.clipboard.write).toHaveBeenCalledTimes(1);
    const { formats } = electron.clipboard;
    expect(formats['text/plain']).toBe('JBSWY3DPEHPK3PXP');
    for (const name of ['ExcludeClipboardContentFromMonitorProcessing', 'CanIncludeInClipboardHistory', 'CanUploadToCloudClipboard']) {
      expect(await bytes(formats[`electron application/osclipboard;format="${name}"`]), name).toEqual([0, 0, 0, 0]);
    }
    expect(Object.keys(formats)).toHaveLength(4);
  });

  it('on macOS, adds org.nspasteboard.ConcealedType', async () => {
    on('darwin');
    await createElectronDesktopIntegration(() => mainWindow, protection).copyText('abcde-fghjk');
    expect(Object.keys(electron.clipboard.formats).sort()).toEqual(
      ['electron application/osclipboard;format="org.nspasteboard.ConcealedType"', 'text/plain'].sort(),
    );
  });

  it("on Linux, adds KDE Klipper's x-kde-passwordManagerHint = secret", async () => {
    on('linux');
    await createElectronDesktopIntegration(() => mainWindow, protection).copyText('abcde-fghjk');
    const hint = electron.clipboard.formats['electron application/osclipboard;format="x-kde-passwordManagerHint"'];
    expect(Buffer.from(await bytes(hint)).toString()).toBe('secret');
    expect(Object.keys(electron.clipboard.formats)).toHaveLength(2);
  });

  it('never puts the secret under any format but text/plain', async () => {
    for (const name of ['win32', 'darwin', 'linux'] as const) {
      on(name);
      await createElectronDesktopIntegration(() => mainWindow, protection).copyText('JBSWY3DPEHPK3PXP');
      for (const [format, value] of Object.entries(electron.clipboard.formats)) {
        if (format !== 'text/plain')
          expect(Buffer.from(await bytes(value)).toString(), `${name} ${format}`).not.toContain('JBSWY3DPEHPK3PXP');
      }
    }
  });
});

describe('protectScreen', () => {
  it('hands the wanted state to the content protection', () => {
    const desktop = createElectronDesktopIntegration(() => mainWindow, protection);
    desktop.protectScreen(true);
    desktop.protectScreen(false);
    expect(protection.set.mock.calls).toEqual([[true], [false]]);
  });
});

describe('saveTextFile', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'gatehouse-save-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  const choose = (filePath: string): void => {
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath });
  };
  const request = { suggestedName: 'Gatehouse recovery codes - ada@example.com - 2026-11-28.txt', contents: 'abcde-fghjk\n' };

  it('shows the save dialog on the main window, starting in Downloads with the suggested name, for .txt files', async () => {
    const desktop = createElectronDesktopIntegration(() => mainWindow, protection);
    await desktop.saveTextFile(request);
    expect(electron.dialog.showSaveDialog).toHaveBeenCalledTimes(1);
    const [parent, options] = electron.dialog.showSaveDialog.mock.calls[0]! as [BrowserWindow, SaveDialogOptions];
    expect(parent).toBe(mainWindow);
    expect(options.defaultPath).toBe(join('/fake/downloads', request.suggestedName));
    expect(options.filters).toEqual([{ name: 'Text', extensions: ['txt'] }]);
  });

  it('suggests a .txt name and falls back to the home folder when there is no Downloads folder', async () => {
    electron.app.getPath.mockImplementationOnce(() => {
      throw new Error('Failed to get downloads path');
    });
    await createElectronDesktopIntegration(() => mainWindow, protection).saveTextFile({ suggestedName: 'codes', contents: 'x' });
    const options = electron.dialog.showSaveDialog.mock.calls[0]!.at(-1) as SaveDialogOptions;
    expect(options.defaultPath).toBe(join('/fake/home', 'codes.txt'));
  });

  it('shows an unparented dialog once the main window is gone', async () => {
    await createElectronDesktopIntegration(() => null, protection).saveTextFile(request);
    expect(electron.dialog.showSaveDialog.mock.calls[0]).toHaveLength(1);
  });

  it('resolves to null and writes nothing when the person cancels', async () => {
    const desktop = createElectronDesktopIntegration(() => mainWindow, protection);
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: join(folder, 'codes.txt') });
    await expect(desktop.saveTextFile(request)).resolves.toBeNull();
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '' });
    await expect(desktop.saveTextFile(request)).resolves.toBeNull();
    expect(() => statSync(join(folder, 'codes.txt'))).toThrow();
  });

  it('writes the contents readable by the owner only and resolves to the file name', async () => {
    const path = join(folder, 'codes.txt');
    choose(path);
    await expect(createElectronDesktopIntegration(() => mainWindow, protection).saveTextFile(request)).resolves.toEqual({
      fileName: 'codes.txt',
    });
    expect(readFileSync(path, 'utf8')).toBe(request.contents);
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it.skipIf(process.platform === 'win32')('makes an existing file the dialog confirmed owner-only before writing into it', async () => {
    const path = join(folder, 'old.txt');
    writeFileSync(path, 'an older, longer set of recovery codes');
    chmodSync(path, 0o644);
    choose(path);
    await createElectronDesktopIntegration(() => mainWindow, protection).saveTextFile(request);
    expect(readFileSync(path, 'utf8')).toBe(request.contents);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('adds .txt when the chosen name lacks it, but never overwrites a file the dialog did not ask about', async () => {
    const desktop = createElectronDesktopIntegration(() => mainWindow, protection);
    choose(join(folder, 'my codes'));
    await expect(desktop.saveTextFile(request)).resolves.toEqual({ fileName: 'my codes.txt' });
    expect(readFileSync(join(folder, 'my codes.txt'), 'utf8')).toBe(request.contents);

    writeFileSync(join(folder, 'keep.txt'), 'keep me');
    choose(join(folder, 'keep'));
    await expect(desktop.saveTextFile(request)).rejects.toMatchObject({ code: 'EEXIST' });
    expect(readFileSync(join(folder, 'keep.txt'), 'utf8')).toBe('keep me');
  });

  it('rejects when the file cannot be written', async () => {
    choose(join(folder, 'no such folder', 'codes.txt'));
    await expect(createElectronDesktopIntegration(() => mainWindow, protection).saveTextFile(request)).rejects.toMatchObject({
      code: 'ENOENT',
    });
  });

  it('rejects when the dialog itself fails', async () => {
    electron.dialog.showSaveDialog.mockRejectedValueOnce(new Error('no portal'));
    await expect(createElectronDesktopIntegration(() => mainWindow, protection).saveTextFile(request)).rejects.toThrow('no portal');
  });
});

describe('withTxtExtension', () => {
  it.each([
    ['codes.txt', 'codes.txt'],
    ['codes.TXT', 'codes.TXT'],
    ['codes', 'codes.txt'],
    ['codes.md', 'codes.md.txt'],
    ['Gatehouse - a@b.c - 2026-11-28', 'Gatehouse - a@b.c - 2026-11-28.txt'],
  ])('%s → %s', (name, expected) => {
    expect(withTxtExtension(name)).toBe(expected);
  });
});
