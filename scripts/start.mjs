// `npm start`: build Gatehouse, then run it in Electron. Plain Node, no dependencies.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { electronBinaryStatus, missingElectronBinaryMessage } = require('./electron-binary.cjs');

const projectDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function main() {
  const status = electronBinaryStatus({ projectDir });
  if (!status.ok) {
    process.stderr.write(missingElectronBinaryMessage(status));
    process.exitCode = 1;
    return;
  }

  const electronVite = require.resolve('electron-vite/bin/electron-vite.js', { paths: [projectDir] });
  const build = spawnSync(process.execPath, [electronVite, 'build'], { cwd: projectDir, stdio: 'inherit' });
  if (build.status !== 0) {
    process.stderr.write('\nGatehouse was not started: the build failed (see above).\n');
    process.exitCode = build.status ?? 1;
    return;
  }

  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE; // would turn Electron into plain Node
  delete env.ELECTRON_RENDERER_URL; // npm start serves the built renderer, never a dev server
  const child = spawn(status.path, [projectDir, ...process.argv.slice(2)], {
    cwd: projectDir,
    env,
    stdio: 'inherit',
    windowsHide: false,
  });

  // Electron quits gracefully (ending the session) on its first SIGINT/SIGTERM, but a second
  // one kills it at once. Ctrl+C already reaches Electron from the terminal (same process
  // group), so SIGINT is only passed on if Electron is still running a moment later, e.g.
  // when this script alone was signalled. SIGTERM and SIGHUP are passed on once, straight away.
  const running = () => child.exitCode === null && child.signalCode === null;
  const forwarded = new Set();
  const forward = (signal) => {
    if (forwarded.has(signal)) return;
    forwarded.add(signal);
    if (signal === 'SIGINT') {
      setTimeout(() => running() && child.kill(signal), 2000).unref();
    } else if (running()) {
      child.kill(signal);
    }
  };
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const signal of signals) process.on(signal, forward);

  child.on('error', (error) => {
    process.stderr.write(`Gatehouse could not launch Electron (${status.path}): ${error.message}\n`);
    process.exitCode = 1;
  });
  child.on('exit', (code, signal) => {
    for (const s of signals) process.off(s, forward);
    if (signal) {
      process.kill(process.pid, signal); // end the same way Electron did
      return;
    }
    process.exitCode = code ?? 1;
  });
}

try {
  main();
} catch (error) {
  process.stderr.write(`npm start failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
