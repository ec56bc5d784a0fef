// Runs a command (the e2e suite) with a display when it needs one: on Linux, when the electron
// driver will run (see scripts/e2e-driver.cjs) and there is no DISPLAY or WAYLAND_DISPLAY, it runs
// under `xvfb-run -a`, a virtual X server on a free display number. Otherwise the command runs as is.
// Usage: node scripts/with-display.mjs <command> [arguments…]. Plain Node, no dependencies.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { runChild } from './run-child.mjs';

const require = createRequire(import.meta.url);
const { chooseE2eDriver } = require('./e2e-driver.cjs');

/** Whether this run starts Electron; a bad setting is left for the harness to report. */
function electronDriver() {
  try {
    return chooseE2eDriver().name === 'electron';
  } catch {
    return false;
  }
}

const [command, ...args] = process.argv.slice(2);
const needsDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY && electronDriver();

if (!command) {
  process.stderr.write('usage: node scripts/with-display.mjs <command> [arguments…]\n');
  process.exitCode = 2;
} else if (!needsDisplay) {
  runChild(command, args, { cwd: process.cwd(), env: process.env, what: command, shell: process.platform === 'win32' });
} else if (spawnSync('xvfb-run', ['--help'], { stdio: 'ignore' }).error) {
  process.stderr.write(
    'The electron driver needs a display, and this machine has none (no DISPLAY or WAYLAND_DISPLAY) and no\n' +
      '`xvfb-run` to make one. Install it (Debian/Ubuntu: sudo apt-get install xvfb xauth), or run in a desktop session.\n',
  );
  process.exitCode = 1;
} else {
  runChild('xvfb-run', ['-a', command, ...args], { cwd: process.cwd(), env: process.env, what: 'xvfb-run' });
}
