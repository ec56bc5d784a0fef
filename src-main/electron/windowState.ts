/** The main window opens where it was last, on a display that still exists (see core/desktop). */
import { screen, type BrowserWindow } from 'electron';
import { placeWindow, type WindowPlacement } from '../core/desktop/placeWindow';
import { readWindowState, writeWindowState } from '../core/desktop/windowStateFile';
import { WINDOW_MIN_SIZE, WINDOW_SIZE } from './createMainWindow';

/** Call after ready (it asks `screen` for the displays). */
export function restoreWindowPlacement(dataDir: string): WindowPlacement {
  const workAreas = screen.getAllDisplays().map((display) => display.workArea);
  return placeWindow(readWindowState(dataDir), workAreas, screen.getPrimaryDisplay().workArea, WINDOW_SIZE, WINDOW_MIN_SIZE);
}

/**
 * Saves the window's normal bounds (what un-maximising returns to) and whether it is maximised
 * when it closes, and when the Windows session ends (log-off or shutdown may end the process
 * without closing it). A failure is logged; it never stops the window from closing.
 */
export function rememberWindowState(window: BrowserWindow, dataDir: string): void {
  const save = (): void => {
    try {
      if (window.isDestroyed()) return;
      const { x, y, width, height } = window.getNormalBounds();
      writeWindowState(dataDir, {
        x: Math.round(x),
        y: Math.round(y),
        width: Math.round(width),
        height: Math.round(height),
        maximized: window.isMaximized(),
      });
    } catch (error) {
      console.error(`Gatehouse could not save its window size and position: ${error instanceof Error ? error.name : typeof error}`);
    }
  };
  window.on('close', save);
  window.on('session-end', save);
}
