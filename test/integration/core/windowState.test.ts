/**
 * The window's remembered place: the JSON file in the data folder (real files in a temp folder,
 * validated on read; anything damaged is ignored) and where the window opens given the displays
 * there are now.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIN_VISIBLE_WIDTH, placeWindow, titleBarVisibleOn } from '../../../src-main/core/desktop/placeWindow';
import { readWindowState, WINDOW_STATE_FILE_NAME, writeWindowState } from '../../../src-main/core/desktop/windowStateFile';

const STATE = { x: 120, y: 80, width: 1200, height: 800, maximized: false };

describe('the window state file', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'gatehouse-window-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));
  const file = () => join(dataDir, WINDOW_STATE_FILE_NAME);

  it('round-trips, owner-only, with no temporary file left behind', () => {
    expect(readWindowState(dataDir)).toBeNull();
    writeWindowState(dataDir, STATE);
    expect(readWindowState(dataDir)).toEqual(STATE);
    writeWindowState(dataDir, { ...STATE, maximized: true, x: -1800 });
    expect(readWindowState(dataDir)).toEqual({ ...STATE, maximized: true, x: -1800 });
    expect(readdirSync(dataDir)).toEqual([WINDOW_STATE_FILE_NAME]);
    if (process.platform !== 'win32') expect(statSync(file()).mode & 0o777).toBe(0o600);
  });

  it.each([
    ['not JSON', '{"x": 1, "y"'],
    ['empty', ''],
    ['a list', '[1, 2, 3]'],
    ['a missing field', JSON.stringify({ x: 1, y: 2, width: 900 })],
    ['a string for a number', JSON.stringify({ ...STATE, width: '900' })],
    ['a fraction', JSON.stringify({ ...STATE, x: 1.5 })],
    ['a zero size', JSON.stringify({ ...STATE, height: 0 })],
    ['absurd coordinates', JSON.stringify({ ...STATE, y: 1e12 })],
    ['NaN written as null', JSON.stringify({ ...STATE, x: Number.NaN })],
    ['maximized as a string', JSON.stringify({ ...STATE, maximized: 'yes' })],
  ])('ignores a damaged file: %s', (_, contents) => {
    writeFileSync(file(), contents);
    expect(readWindowState(dataDir)).toBeNull();
  });

  it('ignores keys it does not know (a later Gatehouse may add some)', () => {
    writeFileSync(file(), JSON.stringify({ ...STATE, displayId: 7 }));
    expect(readWindowState(dataDir)).toEqual(STATE);
  });

  it('ignores a file it cannot read (a folder in its place: unreadable even for root)', () => {
    mkdirSync(file());
    expect(readWindowState(dataDir)).toBeNull();
  });

  it('refuses to write nonsense and keeps the previous file when a write fails', () => {
    writeWindowState(dataDir, STATE);
    expect(() => writeWindowState(dataDir, { ...STATE, width: Number.NaN })).toThrow();
    expect(() => writeWindowState(join(dataDir, 'missing folder'), STATE)).toThrow();
    expect(readWindowState(dataDir)).toEqual(STATE);
    expect(readdirSync(dataDir)).toEqual([WINDOW_STATE_FILE_NAME]);
  });
});

describe('placeWindow', () => {
  const LAPTOP = { x: 0, y: 0, width: 1440, height: 875 };
  const MONITOR_LEFT = { x: -1920, y: 0, width: 1920, height: 1040 };
  const DEFAULTS = { width: 1100, height: 760 };
  const MINIMUM = { width: 760, height: 560 };
  const place = (saved: Parameters<typeof placeWindow>[0], areas = [LAPTOP, MONITOR_LEFT]) =>
    placeWindow(saved, areas, LAPTOP, DEFAULTS, MINIMUM);

  it('opens at the default size, centred, without a saved state', () => {
    expect(place(null)).toEqual({ bounds: DEFAULTS, maximized: false });
  });

  it('restores size, position and maximised state on a display that still exists', () => {
    const saved = { x: -1700, y: 100, width: 1200, height: 800, maximized: true };
    expect(place(saved)).toEqual({ bounds: { x: -1700, y: 100, width: 1200, height: 800 }, maximized: true });
  });

  it('keeps only the size (centred on the primary display) when that display is gone', () => {
    const saved = { x: -1700, y: 100, width: 1200, height: 800, maximized: true };
    expect(place(saved, [LAPTOP])).toEqual({ bounds: { width: 1200, height: 800 }, maximized: true });
  });

  it('shrinks a window larger than the display it opens on, but never below the minimum', () => {
    expect(place({ x: 0, y: 0, width: 3000, height: 2000, maximized: false }, [LAPTOP]).bounds).toEqual({
      x: 0,
      y: 0,
      width: 1440,
      height: 875,
    });
    const tiny = { x: 0, y: 0, width: 640, height: 480 };
    expect(placeWindow({ ...tiny, maximized: false }, [tiny], tiny, DEFAULTS, MINIMUM).bounds).toEqual({ x: 0, y: 0, ...MINIMUM });
  });

  it('needs the title bar on a display: not off the bottom, not above the top, not a sliver at the side', () => {
    expect(titleBarVisibleOn({ x: 100, y: 100, width: 800, height: 600 }, LAPTOP)).toBe(true);
    expect(titleBarVisibleOn({ x: 100, y: 870, width: 800, height: 600 }, LAPTOP)).toBe(false);
    expect(titleBarVisibleOn({ x: 100, y: -400, width: 800, height: 600 }, LAPTOP)).toBe(false);
    expect(titleBarVisibleOn({ x: 1440 - MIN_VISIBLE_WIDTH + 1, y: 100, width: 800, height: 600 }, LAPTOP)).toBe(false);
    expect(titleBarVisibleOn({ x: 1440 - MIN_VISIBLE_WIDTH, y: 100, width: 800, height: 600 }, LAPTOP)).toBe(true);
    // Windows' snapped windows sit a few pixels outside the work area.
    expect(titleBarVisibleOn({ x: -7, y: -7, width: 800, height: 600 }, LAPTOP)).toBe(true);
  });
});
