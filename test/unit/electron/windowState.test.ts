/**
 * The main window opens where it was last (src-main/electron/windowState.ts, createMainWindow),
 * with the shared fake `electron`: displays from a fake `screen`, a fake window; the state file is real.
 */
import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from 'electron';

vi.mock('electron', () => import('../../support/fakeElectron').then((fake) => fake.electronModule));

import { resetFakeElectron, type FakeElectron } from '../../support/fakeElectron';
import { WINDOW_STATE_FILE_NAME } from '../../../src-main/core/desktop/windowStateFile';
import { createMainWindow, WINDOW_MIN_SIZE, WINDOW_SIZE } from '../../../src-main/electron/createMainWindow';
import { rememberWindowState, restoreWindowPlacement } from '../../../src-main/electron/windowState';

const PRIMARY = { x: 0, y: 0, width: 1920, height: 1040 };
const SECOND = { x: 1920, y: 0, width: 2560, height: 1400 };

let dataDir: string;
let electron: FakeElectron;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'gatehouse-window-shell-'));
  electron = resetFakeElectron();
  electron.screen.displays = [{ workArea: PRIMARY }, { workArea: SECOND }];
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

const save = (state: object) => writeFileSync(join(dataDir, WINDOW_STATE_FILE_NAME), JSON.stringify(state));
const saved = () => JSON.parse(readFileSync(join(dataDir, WINDOW_STATE_FILE_NAME), 'utf8'));

/** A window as rememberWindowState sees it. */
class WindowToRemember extends EventEmitter {
  maximized = false;
  destroyed = false;
  bounds = { x: 2000.4, y: 60, width: 1300, height: 900.6 };
  getNormalBounds = () => this.bounds;
  isMaximized = () => this.maximized;
  isDestroyed = () => this.destroyed;
}

describe('restoreWindowPlacement', () => {
  it('opens at the default size without a saved state', () => {
    expect(restoreWindowPlacement(dataDir)).toEqual({ bounds: WINDOW_SIZE, maximized: false });
  });

  it('restores the saved place on the second display while it is connected', () => {
    save({ x: 2000, y: 60, width: 1300, height: 900, maximized: true });
    expect(restoreWindowPlacement(dataDir)).toEqual({ bounds: { x: 2000, y: 60, width: 1300, height: 900 }, maximized: true });
  });

  it('keeps only the size once that display is unplugged', () => {
    save({ x: 2000, y: 60, width: 1300, height: 900, maximized: false });
    electron.screen.displays = [{ workArea: PRIMARY }];
    expect(restoreWindowPlacement(dataDir)).toEqual({ bounds: { width: 1300, height: 900 }, maximized: false });
  });

  it('ignores a damaged file', () => {
    writeFileSync(join(dataDir, WINDOW_STATE_FILE_NAME), '{"x": "left"');
    expect(restoreWindowPlacement(dataDir)).toEqual({ bounds: WINDOW_SIZE, maximized: false });
  });
});

describe('rememberWindowState', () => {
  it('saves the normal bounds (rounded) and the maximised state when the window closes', () => {
    const window = new WindowToRemember();
    rememberWindowState(window as unknown as BrowserWindow, dataDir);
    window.maximized = true;
    window.emit('close');
    expect(saved()).toEqual({ x: 2000, y: 60, width: 1300, height: 901, maximized: true });
  });

  it('saves when the Windows session ends too (log-off may end the process without closing the window)', () => {
    const window = new WindowToRemember();
    rememberWindowState(window as unknown as BrowserWindow, dataDir);
    window.emit('session-end');
    expect(saved()).toMatchObject({ x: 2000, maximized: false });
  });

  it('logs and carries on when it cannot save, so the window still closes', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const window = new WindowToRemember();
      rememberWindowState(window as unknown as BrowserWindow, join(dataDir, 'gone'));
      expect(() => window.emit('close')).not.toThrow();
      expect(log).toHaveBeenCalledTimes(1);
      expect(String(log.mock.calls[0])).not.toContain(dataDir);
    } finally {
      log.mockRestore();
    }
  });
});

describe('createMainWindow with a placement', () => {
  const options = {
    preloadPath: '/app/preload.cjs',
    startUrl: 'gatehouse://app/index.html',
    allowedOrigin: 'gatehouse://app',
    devTools: false,
  };
  type Created = EventEmitter & { options: Record<string, unknown>; show: ReturnType<typeof vi.fn>; maximize: ReturnType<typeof vi.fn> };

  it('uses the restored bounds and keeps the minimum size', () => {
    createMainWindow({ ...options, placement: { bounds: { x: 2000, y: 60, width: 1300, height: 900 }, maximized: false } });
    const window = electron.windows[0] as Created;
    expect(window.options).toMatchObject({
      x: 2000,
      y: 60,
      width: 1300,
      height: 900,
      minWidth: WINDOW_MIN_SIZE.width,
      minHeight: WINDOW_MIN_SIZE.height,
    });
    window.emit('ready-to-show');
    expect(window.maximize).not.toHaveBeenCalled();
    expect(window.show).toHaveBeenCalledTimes(1);
  });

  it('maximises a window that was maximised, only once it has painted, just before showing it', () => {
    createMainWindow({ ...options, placement: { bounds: { width: 1300, height: 900 }, maximized: true } });
    const window = electron.windows[0] as Created;
    expect(window.maximize).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.maximize).toHaveBeenCalledTimes(1);
    expect(window.maximize.mock.invocationCallOrder[0]!).toBeLessThan(window.show.mock.invocationCallOrder[0]!);
  });
});
