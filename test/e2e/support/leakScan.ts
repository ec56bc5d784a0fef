/**
 * The leak scanner: looks for every needle (see ./leakNeedles) in every place — each file under the
 * data directory read as bytes, what the app printed, each error that reached the renderer — and
 * reports hits by place and needle kind only, never by value.
 */
import { lstat, readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import type { RendererError } from '../drivers/types';
import type { Needle } from './leakNeedles';

export interface ScanPlace {
  /** Where the bytes came from, e.g. "data dir: gatehouse.db-wal" or "app output". */
  readonly name: string;
  readonly bytes: Buffer;
}

export interface LeakHit {
  readonly place: string;
  readonly needle: string;
}

export interface ScanResult {
  readonly hits: readonly LeakHit[];
  /** Needle × place searches actually made. */
  readonly scans: number;
}

const isInside = (path: string, folder: string): boolean => path === folder || path.startsWith(folder + sep);

/**
 * Every regular file under `dataDir`, recursively, as bytes, except those inside `excluded` folders
 * (the test's downloads folder, where the person saved the codes on purpose). Files that vanish while
 * the running app tidies up are skipped; symlinks and sockets are not followed.
 */
export async function dataDirPlaces(dataDir: string, excluded: readonly string[] = []): Promise<ScanPlace[]> {
  const skip = excluded.map((folder) => resolve(folder));
  const places: ScanPlace[] = [];
  const walk = async (folder: string): Promise<void> => {
    if (skip.some((each) => isInside(folder, each))) return;
    for (const entry of await readdir(folder, { withFileTypes: true }).catch(() => [])) {
      const path = join(folder, entry.name);
      const info = await lstat(path).catch(() => null);
      if (info?.isDirectory()) await walk(path);
      else if (info?.isFile() && !skip.some((each) => isInside(path, each))) {
        const bytes = await readFile(path).catch(() => null);
        if (bytes) places.push({ name: `data dir: ${relative(dataDir, path)}`, bytes });
      }
    }
  };
  await walk(resolve(dataDir));
  return places;
}

/** A text place (output, an error message), as the UTF-8 bytes it would have on a terminal or in a log file. */
export function textPlace(name: string, text: string): ScanPlace {
  return { name, bytes: Buffer.from(text, 'utf8') };
}

/** One place per error that reached the renderer: the whole reply error (every field) or the alert text. */
export function rendererErrorPlaces(errors: readonly RendererError[]): ScanPlace[] {
  return errors.map((each, index) =>
    each.via === 'reply'
      ? textPlace(`renderer error #${index + 1} (reply ${each.error.code})`, JSON.stringify(each.error))
      : textPlace(`renderer error #${index + 1} (alert)`, each.text),
  );
}

export function scanForLeaks(places: readonly ScanPlace[], needles: readonly Needle[]): ScanResult {
  const hits: LeakHit[] = [];
  let scans = 0;
  for (const place of places) {
    for (const needle of needles) {
      scans += 1;
      if (place.bytes.includes(needle.bytes)) hits.push({ place: place.name, needle: needle.kind });
    }
  }
  return { hits, scans };
}

/** A failure message that names each place and needle kind; it never contains a secret. */
export function describeLeaks(hits: readonly LeakHit[]): string {
  return hits.map(({ place, needle }) => `${needle} found in ${place}`).join('\n');
}
