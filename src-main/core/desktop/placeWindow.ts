import type { WindowState } from './windowStateFile';

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface Size {
  readonly width: number;
  readonly height: number;
}

/** Where the window opens: without x and y the OS centres it. */
export interface WindowPlacement {
  readonly bounds: Size & { readonly x?: number; readonly y?: number };
  readonly maximized: boolean;
}

/** How much of the window's top edge must lie on one display, so its title bar can be grabbed. */
export const MIN_VISIBLE_WIDTH = 100;
export const TITLE_BAR_HEIGHT = 32;
/** Windows puts snapped windows a few pixels outside the work area (its invisible resize border). */
const EDGE_TOLERANCE = 16;

/** True when the top edge of `bounds` (its title bar) lies on `area` for at least MIN_VISIBLE_WIDTH px. */
export function titleBarVisibleOn(bounds: Rect, area: Rect): boolean {
  const overlap = Math.min(bounds.x + bounds.width, area.x + area.width) - Math.max(bounds.x, area.x);
  return (
    overlap >= MIN_VISIBLE_WIDTH &&
    bounds.y >= area.y - EDGE_TOLERANCE &&
    bounds.y + TITLE_BAR_HEIGHT <= area.y + area.height + EDGE_TOLERANCE
  );
}

const clampSize = (size: Size, area: Rect, minimum: Size): Size => ({
  width: Math.max(minimum.width, Math.min(size.width, area.width)),
  height: Math.max(minimum.height, Math.min(size.height, area.height)),
});

/**
 * Where to open the window from the saved state and the displays there are now (their work areas):
 * the saved position only while a display still shows its title bar (a monitor may have been
 * unplugged or rearranged since); otherwise the saved size on the primary display, centred. Sizes
 * never exceed the display they open on, nor go below the window's minimum.
 */
export function placeWindow(
  saved: WindowState | null,
  workAreas: readonly Rect[],
  primary: Rect,
  defaults: Size,
  minimum: Size,
): WindowPlacement {
  if (!saved) return { bounds: clampSize(defaults, primary, minimum), maximized: false };
  const display = workAreas.find((area) => titleBarVisibleOn(saved, area));
  if (!display) return { bounds: clampSize(saved, primary, minimum), maximized: saved.maximized };
  return { bounds: { x: saved.x, y: saved.y, ...clampSize(saved, display, minimum) }, maximized: saved.maximized };
}
