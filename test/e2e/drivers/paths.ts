import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** The repository root (this file lives in test/e2e/drivers/). */
export const projectRoot = resolve(__dirname, '..', '..', '..');

/** Where `npm run build` (electron-vite) writes each part of the app. */
export const buildOutput = {
  main: resolve(projectRoot, 'out', 'main', 'index.js'),
  preload: resolve(projectRoot, 'out', 'preload', 'index.cjs'),
  rendererDir: resolve(projectRoot, 'out', 'renderer'),
  rendererIndex: resolve(projectRoot, 'out', 'renderer', 'index.html'),
} as const;

/** Throws a message a person can act on when the built files a driver needs are missing. */
export function assertBuilt(parts: readonly (keyof typeof buildOutput)[]): void {
  const missing = parts.filter((part) => !existsSync(buildOutput[part])).map((part) => buildOutput[part]);
  if (missing.length > 0) {
    throw new Error(`Gatehouse e2e: the app is not built (missing ${missing.join(', ')}). Run \`npm run build\` first.`);
  }
}
