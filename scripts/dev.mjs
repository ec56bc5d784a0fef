// `npm run dev`: make sure the Electron runtime is installed (downloading it once, as `npm start`
// does), then run `electron-vite dev`: the renderer from Vite's dev server with hot reload, the main
// process and preload built once (`npm run dev -- --watch` rebuilds them and restarts Electron on
// change). Arguments after `--` go to electron-vite dev. Plain Node, no dependencies.
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runChild } from './run-child.mjs';

const require = createRequire(import.meta.url);
const { ensureElectronRuntime } = require('./electron-runtime.cjs');
const { electronViteBin } = require('./electron-vite-bin.cjs');

const projectDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function main() {
  const electron = ensureElectronRuntime({ projectDir, command: 'npm run dev' });
  if (!electron) {
    process.exitCode = 1;
    return;
  }
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE; // electron-vite passes its environment on to Electron
  // electron-vite reads only node_modules/electron/path.txt otherwise, never ELECTRON_OVERRIDE_DIST_PATH.
  env.ELECTRON_EXEC_PATH = electron;
  runChild(process.execPath, [electronViteBin(projectDir), 'dev', ...process.argv.slice(2)], {
    cwd: projectDir,
    env,
    what: 'electron-vite dev',
  });
}

try {
  main();
} catch (error) {
  process.stderr.write(`npm run dev failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
