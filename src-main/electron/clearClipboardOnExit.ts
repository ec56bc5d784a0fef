/**
 * A copied secret does not outlive Gatehouse: the minute-long clear of the clipboard
 * (./desktopIntegration) also runs when Gatehouse ends before the minute is up.
 *
 * - will-quit, after every window has closed (so nothing can be copied after it): quitting waits
 *   until the clipboard is checked (a second at most), then goes on.
 * - A window's session-end (Windows: log-off, restart, shutdown), after which Windows may end the
 *   process without quitting. The check runs at once: Chromium's Windows clipboard answers the
 *   read synchronously, so the clear happens in the same task, before the handler returns.
 */
import type { App, BrowserWindow } from 'electron';
import type { ElectronDesktopIntegration } from './desktopIntegration';

type Clearing = Pick<ElectronDesktopIntegration, 'clearCopiedText'>;

export function clearClipboardOnQuit(app: Pick<App, 'on' | 'quit'>, desktop: Clearing): void {
  app.on('will-quit', (event) => {
    const clearing = desktop.clearCopiedText();
    if (!clearing) return;
    event.preventDefault();
    void clearing.finally(() => app.quit());
  });
}

export function clearClipboardOnSessionEnd(window: BrowserWindow, desktop: Clearing): void {
  window.on('session-end', () => void desktop.clearCopiedText());
}
