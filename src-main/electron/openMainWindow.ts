/**
 * Opens the main window with everything the desktop expects of it: on the start screen main chose
 * (so the first screen paints without a bridge call), where it was last (./windowState), protected
 * from capture if secrets are still meant to be (./contentProtection), and with a copied secret
 * cleared when the Windows session ends (./clearClipboardOnExit).
 */
import type { BrowserWindow } from 'electron';
import { startUrlWithScreen, type StartScreen } from '../../src-shared/startScreen';
import { clearClipboardOnSessionEnd } from './clearClipboardOnExit';
import type { ContentProtection } from './contentProtection';
import { createMainWindow, type MainWindowOptions } from './createMainWindow';
import type { ElectronDesktopIntegration } from './desktopIntegration';
import { rememberWindowState, restoreWindowPlacement } from './windowState';

export interface MainWindowContext extends Omit<MainWindowOptions, 'placement'> {
  readonly dataDir: string;
  /** Null when the renderer must ask main (a session or second step is live). */
  readonly startScreen: StartScreen | null;
  readonly protection: Pick<ContentProtection, 'attach'>;
  readonly desktop: Pick<ElectronDesktopIntegration, 'clearCopiedText'>;
}

export function openMainWindow({ dataDir, startScreen, protection, desktop, ...options }: MainWindowContext): BrowserWindow {
  const window = createMainWindow({
    ...options,
    startUrl: startUrlWithScreen(options.startUrl, startScreen),
    placement: restoreWindowPlacement(dataDir),
  });
  protection.attach(window);
  rememberWindowState(window, dataDir);
  clearClipboardOnSessionEnd(window, desktop);
  return window;
}
