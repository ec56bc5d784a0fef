import { isAbsolute, resolve } from 'node:path';

/**
 * Where Gatehouse keeps its database: GATEHOUSE_DATA_DIR when set (testers give
 * every app instance its own), otherwise the platform's per-user app folder.
 */
export function resolveDataDir(env: NodeJS.ProcessEnv, defaultDir: string): string {
  const override = env.GATEHOUSE_DATA_DIR?.trim();
  if (!override) return defaultDir;
  return isAbsolute(override) ? override : resolve(override);
}
