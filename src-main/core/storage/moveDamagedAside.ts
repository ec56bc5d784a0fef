import { existsSync, linkSync, readdirSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { utcStamp } from './utcStamp';

/** SQLite's companions of a database file: they belong to it and move with it. */
const COMPANIONS = ['-wal', '-shm'] as const;

/**
 * Moves a damaged database (and its -wal/-shm, if any) out of the way within its folder, as
 * `<name>.damaged-<UTC time>` (then `-2`, `-3`, … if that name is taken), and returns the new path
 * of the database file. Nothing is ever overwritten: each file is hard-linked under its new name,
 * which fails if the name exists, and only then unlinked from the old one.
 */
export function moveDamagedAside(file: string, now: number): string {
  const folder = dirname(file);
  const base = `${basename(file)}.damaged-${utcStamp(now)}`;
  for (let n = 1; ; n++) {
    const target = join(folder, n === 1 ? base : `${base}-${n}`);
    if (tryMove(file, target)) return target;
  }
}

/** Moves `file` and its companions to `target`; false (nothing moved) when a target name is taken. */
function tryMove(file: string, target: string): boolean {
  if (COMPANIONS.some((suffix) => existsSync(target + suffix))) return false;
  try {
    linkSync(file, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  unlinkSync(file);
  for (const suffix of COMPANIONS) {
    if (!existsSync(file + suffix)) continue;
    linkSync(file + suffix, target + suffix);
    unlinkSync(file + suffix);
  }
  return true;
}

/**
 * The path of the most recently moved-aside copy of `file`, or null. A start that finds no database
 * but such a copy was interrupted at the recovery question (the person chose Quit): ask again.
 */
export function findDamagedAside(file: string): string | null {
  const prefix = `${basename(file)}.damaged-`;
  // A first start: the data folder itself is made later, when the database is created.
  if (!existsSync(dirname(file))) return null;
  const aside = readdirSync(dirname(file))
    .filter((name) => name.startsWith(prefix) && !COMPANIONS.some((suffix) => name.endsWith(suffix)))
    // The UTC stamp sorts by time; a -n suffix for the same millisecond sorts after its first.
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  return aside.length ? join(dirname(file), aside.at(-1)!) : null;
}
