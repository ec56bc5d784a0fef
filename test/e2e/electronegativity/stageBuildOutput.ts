/**
 * Copies the parts of out/ that ship (main, preload, renderer) into a scan directory, in the shape
 * electronegativity can read: it only scans .js/.jsx/.ts/.tsx/.html/.htm files, so the preload's
 * .cjs/.mjs bundle is copied as .js (else the preload would silently go unscanned).
 */
import { cp, readdir, rename } from 'node:fs/promises';
import { extname, join, relative } from 'node:path';

/** File types electronegativity's directory loader scans (dist/util/file.js, list_files). */
const SCANNED = new Set(['.js', '.jsx', '.ts', '.tsx', '.html', '.htm']);
const PARTS = ['main', 'preload', 'renderer'] as const;

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/** Returns the staged files electronegativity will scan, relative to stageDir, sorted. */
export async function stageBuildOutput(outDir: string, stageDir: string): Promise<string[]> {
  for (const part of PARTS) await cp(join(outDir, part), join(stageDir, part), { recursive: true });
  for (const file of await filesUnder(join(stageDir, 'preload'))) {
    const extension = extname(file);
    if (extension === '.cjs' || extension === '.mjs') await rename(file, `${file.slice(0, -extension.length)}.js`);
  }
  const staged = await filesUnder(stageDir);
  return staged
    .filter((file) => SCANNED.has(extname(file).toLowerCase()))
    .map((file) => relative(stageDir, file).split('\\').join('/'))
    .sort();
}
