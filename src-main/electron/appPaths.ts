/**
 * Where a running Gatehouse keeps things. The data directory holds Gatehouse's own files (the
 * database, its backups) and Electron's single-instance lock, which is what makes each data
 * directory one Gatehouse. Chromium's profile (caches, local storage, GPU and code caches) and its
 * crash dumps go to the per-user cache folder instead, one folder per data directory: a crash dump
 * of a renderer that held a typed password never sits beside the database, and nothing in them is
 * needed (deleting the folder loses nothing).
 */
import { createHash } from 'node:crypto';
import { isAbsolute, join } from 'node:path';
import type { App } from 'electron';
import { resolveDataDir } from '../core/resolveDataDir';
import type { AppIdentity } from './appIdentity';

export interface AppPaths {
  readonly dataDir: string;
  /** Chromium's session data (its profile); crash dumps go to its Crashpad folder. */
  readonly chromiumDir: string;
}

const absolute = (path: string | undefined): string | undefined => (path && isAbsolute(path) ? path : undefined);

/** The platform's per-user cache folder: where disposable state belongs (Windows: local, never roaming). */
export function userCacheDir(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home: string): string {
  if (platform === 'win32') return absolute(env.LOCALAPPDATA) ?? join(home, 'AppData', 'Local');
  if (platform === 'darwin') return join(home, 'Library', 'Caches');
  return absolute(env.XDG_CACHE_HOME) ?? join(home, '.cache');
}

/** `Chromium` for the default data directory, `Chromium-<hash of its path>` for any other. */
export function chromiumDirName(dataDir: string, defaultDataDir: string): string {
  if (dataDir === defaultDataDir) return 'Chromium';
  return `Chromium-${createHash('sha256').update(dataDir).digest('hex').slice(0, 16)}`;
}

/**
 * Names the app and points Electron at these folders. Call it first, before the single-instance
 * lock and before `ready`: Chromium reads them as it starts. Electron creates each folder
 * (owner-only) when needed. The data directory is `<appData>/<name>` unless GATEHOUSE_DATA_DIR says
 * otherwise; it is also userData, so the single-instance lock is per data directory and instances on
 * different ones run side by side.
 */
export function configureAppPaths(app: App, env: NodeJS.ProcessEnv, identity: AppIdentity): AppPaths {
  app.setName(identity.name);
  const defaultDataDir = join(app.getPath('appData'), identity.name);
  const dataDir = resolveDataDir(env, defaultDataDir);
  const cacheDir = join(userCacheDir(process.platform, env, app.getPath('home')), identity.name);
  const chromiumDir = join(cacheDir, chromiumDirName(dataDir, defaultDataDir));
  app.setPath('userData', dataDir);
  app.setPath('sessionData', chromiumDir);
  app.setPath('crashDumps', join(chromiumDir, 'Crashpad'));
  return { dataDir, chromiumDir };
}
