/**
 * The main window's size, position and maximised state, kept per data folder in a small JSON
 * file beside the database, so each Gatehouse data folder (and each tester's instance) opens its
 * window where it was last. It is a convenience: a missing, unreadable or damaged file is ignored
 * and the window opens at its default size.
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';

export const WINDOW_STATE_FILE_NAME = 'window-state.json';

/** Far beyond any real desktop (several 8K displays side by side), so only garbage is refused. */
const COORDINATE_LIMIT = 100_000;
const coordinate = v.pipe(v.number(), v.integer(), v.minValue(-COORDINATE_LIMIT), v.maxValue(COORDINATE_LIMIT));
const length = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(COORDINATE_LIMIT));

/** Unknown keys are ignored rather than refused, so a later Gatehouse may add some. */
const WindowStateSchema = v.object({
  /** The window's normal (not maximised) bounds, in screen coordinates (DIP). */
  x: coordinate,
  y: coordinate,
  width: length,
  height: length,
  maximized: v.boolean(),
});

export type WindowState = v.InferOutput<typeof WindowStateSchema>;

/** The saved state, or null when there is none or it is damaged in any way. */
export function readWindowState(dataDir: string): WindowState | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(join(dataDir, WINDOW_STATE_FILE_NAME), 'utf8'));
  } catch {
    return null;
  }
  const result = v.safeParse(WindowStateSchema, parsed);
  return result.success ? result.output : null;
}

/**
 * Saves `state` readable by the owner only. Written to a temporary file and renamed over the old
 * one, so a crash mid-write leaves the previous file, never half of one. Throws when it cannot write.
 */
export function writeWindowState(dataDir: string, state: WindowState): void {
  const file = join(dataDir, WINDOW_STATE_FILE_NAME);
  const temporary = `${file}.tmp`;
  try {
    writeFileSync(temporary, `${JSON.stringify(v.parse(WindowStateSchema, state))}\n`, { mode: 0o600 });
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
