/**
 * A UTC time as it appears in file names: `20261128T143005123Z` (to the millisecond). Sorting
 * such names as text sorts them by time, and they hold no character any file system refuses.
 */
export function utcStamp(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/[-:]/g, '').replace('.', '');
}

const STAMP = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/;

/** The epoch milliseconds of a stamp made by utcStamp, or null if `text` is not one. */
export function parseUtcStamp(text: string): number | null {
  const parts = STAMP.exec(text);
  if (!parts) return null;
  const [, y, mo, d, h, mi, s, ms] = parts.map(Number) as [number, ...number[]];
  const at = Date.UTC(y!, mo! - 1, d!, h!, mi!, s!, ms!);
  return Number.isNaN(at) ? null : at;
}
