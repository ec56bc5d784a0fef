// `npm start`: make sure the Electron runtime is installed (downloading it once), build Gatehouse,
// then run it in Electron. Plain Node, no dependencies.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runChild } from './run-child.mjs';

const require = createRequire(import.meta.url);
const { ensureElectronRuntime } = require('./electron-runtime.cjs');
const { electronViteBin } = require('./electron-vite-bin.cjs');

const projectDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function main() {
  const electron = ensureElectronRuntime({ projectDir, command: 'npm start' });
  if (!electron) {
    process.exitCode = 1;
    return;
  }

  const build = spawnSync(process.execPath, [electronViteBin(projectDir), 'build'], { cwd: projectDir, stdio: 'inherit' });
  if (build.status !== 0) {
    process.stderr.write('\nGatehouse was not started: the build failed (see above).\n');
    process.exitCode = build.status ?? 1;
    return;
  }

  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE; // would turn Electron into plain Node
  delete env.ELECTRON_RENDERER_URL; // npm start serves the built renderer, never a dev server
  runChild(electron, [projectDir, ...process.argv.slice(2)], { cwd: projectDir, env, what: `Electron (${electron})` });
}

try {
  main();
} catch (error) {
  process.stderr.write(`npm start failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
