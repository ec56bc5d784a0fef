import { resolve } from 'node:path';
import { projectRoot } from '../../test/e2e/drivers/paths';

/** Where the bench reads and writes. Everything but results.json is scratch under .tmp/bench. */
export const benchPaths = {
  projectRoot,
  results: resolve(projectRoot, 'bench', 'results.json'),
  work: resolve(projectRoot, '.tmp', 'bench'),
  baselineApp: resolve(projectRoot, 'bench', 'baseline-app'),
  appRenderer: resolve(projectRoot, 'src-renderer'),
  electronViteConfig: resolve(projectRoot, 'electron.vite.config.ts'),
} as const;

/** The module report buildRenderer writes next to a built renderer. */
export const moduleReportFile = (rendererDir: string): string => `${rendererDir}.modules.json`;
