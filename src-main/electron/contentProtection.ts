/**
 * Keeps the main window out of screen capture while secrets are on screen
 * (BrowserWindow.setContentProtection: NSWindowSharingNone on macOS, display affinity on Windows;
 * Linux has no equivalent and Electron does nothing there).
 *
 * The wanted state lives here, not in the window: Electron and the OS have dropped it silently
 * when a window was hidden (electron/electron#29085, #45844), and Bitwarden's desktop app lost it
 * after minimising or re-creating its window (bitwarden/clients#15184) because it applied the
 * setting only when it changed. So it is applied to every window as it is attached, and applied
 * again whenever the window's state or the displays change.
 */
import type { EventEmitter } from 'node:events';
import { powerMonitor, screen, type BrowserWindow } from 'electron';

/** Window events after which the OS may have reset the protection. */
export const REAPPLY_ON_WINDOW_EVENTS = ['show', 'restore', 'maximize', 'unmaximize', 'enter-full-screen', 'leave-full-screen'] as const;

/** Display and power changes after which the OS may have reset it (Windows re-creates surfaces). */
export const REAPPLY_ON_DISPLAY_EVENTS = ['display-added', 'display-removed', 'display-metrics-changed'] as const;
export const REAPPLY_ON_POWER_EVENTS = ['resume', 'unlock-screen'] as const;

export interface ContentProtection {
  /** Whether the window should be protected now. */
  readonly wanted: boolean;
  set(on: boolean): void;
  /** Makes `window` the protected window: applies the current state now and after every event above. */
  attach(window: BrowserWindow): void;
}

/** Call once the app is ready (it listens to `screen`). */
export function createContentProtection(): ContentProtection {
  let wanted = false;
  let current: BrowserWindow | null = null;

  const apply = (): void => {
    if (current && !current.isDestroyed()) current.setContentProtection(wanted);
  };
  const onEach = (emitter: EventEmitter, events: readonly string[]): void => {
    for (const event of events) emitter.on(event, apply);
  };
  onEach(screen, REAPPLY_ON_DISPLAY_EVENTS);
  onEach(powerMonitor, REAPPLY_ON_POWER_EVENTS);

  return {
    get wanted() {
      return wanted;
    },
    set(on) {
      wanted = on;
      apply();
    },
    attach(window) {
      current = window;
      apply();
      onEach(window, REAPPLY_ON_WINDOW_EVENTS);
      window.once('closed', () => {
        if (current === window) current = null;
      });
    },
  };
}
