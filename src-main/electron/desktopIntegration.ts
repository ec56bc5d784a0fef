/**
 * The Electron side of the core's DesktopIntegration port: the system clipboard, the native
 * save dialog and screen-capture protection (./contentProtection).
 *
 * Clipboard: like a password manager, a copied secret is cleared again after a minute, but only if
 * the clipboard still holds exactly that text (the person may have copied something else since);
 * a later copy replaces the earlier one's timer. The text goes on the clipboard together with the
 * marks that keep it out of clipboard history and clipboard managers (./secretClipboardMarkers),
 * in one atomic write. Only the regular clipboard is written, never the Linux/X11 PRIMARY
 * selection: "Copy" means Ctrl+V, and a secret in PRIMARY would paste with any stray middle-click
 * and linger in one more place to clear.
 */
import { open, rm } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { app, clipboard, ClipboardItem, dialog, type BrowserWindow, type SaveDialogOptions } from 'electron';
import type { DesktopIntegration } from '../core/desktop/desktopIntegration';
import type { ContentProtection } from './contentProtection';
import { CLIPBOARD_CLEAR_MS } from '../../src-shared/models';
import { askDatabaseRecovery } from './databaseRecoveryDialog';
import { secretClipboardMarkers } from './secretClipboardMarkers';

/** How long copied text stays on the clipboard (shared: the screen says it). */
export { CLIPBOARD_CLEAR_MS };

/** The longest the quit-time check of the clipboard may hold up quitting. */
const QUIT_CLEAR_LIMIT_MS = 1_000;

export interface ElectronDesktopIntegration extends DesktopIntegration {
  /**
   * For quitting: clears the clipboard now if it still holds the last copied text, and stops the
   * timer. Null when no copy is waiting to be cleared; otherwise settles (never rejects) within a second.
   */
  clearCopiedText(): Promise<void> | null;
}

/** `name` with a `.txt` ending (any case), adding one if it has another or none. */
export function withTxtExtension(name: string): string {
  return extname(name).toLowerCase() === '.txt' ? name : `${name}.txt`;
}

/** Where the save dialog starts: Downloads, or the home folder where the OS has no Downloads folder. */
function saveFolder(): string {
  try {
    return app.getPath('downloads');
  } catch {
    return app.getPath('home');
  }
}

/**
 * Writes `contents` to `path` readable by the owner only. The mode is set on the open handle before
 * any byte is written, so an existing file chosen in the dialog is not left world-readable either.
 * `exclusive` refuses an existing file (one the dialog did not ask about). A failed write removes
 * the partial file and rejects.
 */
async function writePrivateFile(path: string, contents: string, exclusive: boolean): Promise<void> {
  const handle = await open(path, exclusive ? 'wx' : 'w', 0o600);
  try {
    await handle.chmod(0o600);
    await handle.writeFile(contents, 'utf8');
    await handle.close();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(path, { force: true }).catch(() => undefined);
    throw error;
  }
}

/** `work`, or a timeout of `ms`, whichever settles first. */
function settleWithin(work: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

/** `getParentWindow` is the main window (null once closed); the save dialog is modal to it. */
export function createElectronDesktopIntegration(
  getParentWindow: () => BrowserWindow | null,
  protection: Pick<ContentProtection, 'set'>,
): ElectronDesktopIntegration {
  let pendingClear: { readonly text: string; readonly timer: NodeJS.Timeout } | null = null;

  const clearIfStillCopied = async (): Promise<void> => {
    const copied = pendingClear;
    if (!copied) return;
    pendingClear = null;
    clearTimeout(copied.timer);
    const onClipboard = await clipboard.readText();
    // A copy made while reading has its own timer: leave it on the clipboard.
    if (pendingClear === null && onClipboard === copied.text) clipboard.clear();
  };
  const clearQuietly = (): Promise<void> =>
    clearIfStillCopied().catch((error: unknown) => {
      console.error(`Gatehouse could not clear the clipboard: ${error instanceof Error ? error.name : typeof error}`);
    });

  return {
    async copyText(text) {
      if (pendingClear) clearTimeout(pendingClear.timer);
      const timer = setTimeout(() => void clearQuietly(), CLIPBOARD_CLEAR_MS);
      timer.unref(); // never keeps Gatehouse alive; clearCopiedText() covers quitting
      pendingClear = { text, timer };
      await clipboard.write([new ClipboardItem({ 'text/plain': text, ...secretClipboardMarkers(process.platform) })]);
    },

    protectScreen: (on) => protection.set(on),

    async saveTextFile({ suggestedName, contents }) {
      const options: SaveDialogOptions = {
        defaultPath: join(saveFolder(), withTxtExtension(suggestedName)),
        filters: [{ name: 'Text', extensions: ['txt'] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const parent = getParentWindow();
      const choice = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
      if (choice.canceled || !choice.filePath) return null;
      const path = withTxtExtension(choice.filePath);
      // The dialog confirmed overwriting the path it returned, not one with ".txt" added to it.
      await writePrivateFile(path, contents, path !== choice.filePath);
      return { fileName: basename(path) };
    },

    chooseDatabaseRecovery: askDatabaseRecovery,

    clearCopiedText() {
      if (!pendingClear) return null;
      return settleWithin(clearQuietly(), QUIT_CLEAR_LIMIT_MS);
    },
  };
}
