'use strict';
/**
 * Makes sure the Electron runtime is there before `npm start` or `npm run dev` launches it. Since
 * Electron 42 the electron npm package downloads its runtime on first use, not at `npm ci`: when
 * it is missing, this runs the package's own installer (node_modules/electron/install.js, its
 * `install-electron` bin) exactly as the package's index.js does, so ELECTRON_MIRROR, the download
 * cache and proxy settings work as Electron documents them. As in index.js,
 * ELECTRON_OVERRIDE_DIST_PATH means "use this folder" and never triggers a download. If the runtime
 * is still missing, it says what is missing, the installer's own reason and what to do — never a
 * stack trace.
 */
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const { electronBinaryStatus } = require('./electron-binary.cjs');

/** The installer's error output without the stack frames it prints (`console.error(err.stack)`). */
function installerReason(stderr) {
  const lines = String(stderr ?? '')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '' && !/^\s+at\s/.test(line));
  return lines.slice(0, 8).join('\n').slice(0, 800);
}

/** Runs the electron package's installer with this process's environment; its progress shows as it goes. */
function runInstaller(projectDir, env) {
  const installer = require.resolve('electron/install.js', { paths: [projectDir] });
  const run = spawnSync(process.execPath, [installer], {
    cwd: projectDir,
    env,
    stdio: ['inherit', 'inherit', 'pipe'],
    encoding: 'utf8',
  });
  if (run.error) return { ok: false, reason: run.error.message };
  const reason = installerReason(run.stderr);
  if (run.status === 0) {
    if (reason) process.stderr.write(`${reason}\n`); // warnings, passed on
    return { ok: true };
  }
  const exit = run.signal ? `was stopped by ${run.signal}` : `exited with code ${run.status}`;
  return { ok: false, reason: reason || `the installer ${exit} without saying why` };
}

function describeSource(env, version) {
  const electron = version ? `Electron ${version}` : 'Electron';
  const platform = `${env.ELECTRON_INSTALL_PLATFORM || process.platform}-${env.ELECTRON_INSTALL_ARCH || process.arch}`;
  const mirror = env.ELECTRON_MIRROR?.trim();
  return `${electron} for ${platform} from ${mirror ? `ELECTRON_MIRROR (${mirror})` : "Electron's releases on GitHub"}`;
}

function message(headline, details, fixes) {
  return [`Gatehouse can't start: ${headline}`, '', ...details.map((line) => `  ${line}`), '', ...fixes, ''].join('\n');
}

/** What to do when the download failed: every way Electron's installer offers. */
function downloadFixes(command, version) {
  return [
    `To fix it, then run \`${command}\` again (the download happens once):`,
    "  - Check that this computer can reach Electron's releases (github.com).",
    `  - Behind a mirror:  ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/ ${command}`,
    `  - Behind a proxy:   ELECTRON_GET_USE_PROXY=1 HTTPS_PROXY=http://proxy.example:8080 ${command}`,
    `  - ${version ? `Electron ${version}` : 'Electron'} already unpacked: ELECTRON_OVERRIDE_DIST_PATH=/path/to/its/folder ${command}`,
    "  - To see the installer's whole output: npx --no install-electron",
    '',
    '`npm test` does not need the runtime: without it, the end-to-end tests use the Chromium driver.',
  ];
}

/**
 * The Electron executable to launch, installing the runtime first if it is missing; null (after
 * printing why) when there is none. `command` is what the person ran, for the advice.
 * @param {{ projectDir: string, env?: NodeJS.ProcessEnv, command: string }} options
 * @returns {string | null}
 */
function ensureElectronRuntime({ projectDir, env = process.env, command }) {
  let status = electronBinaryStatus({ projectDir, env });
  if (status.ok) return status.path;
  const version = status.electronVersion;
  const fail = (text) => {
    process.stderr.write(text);
    return null;
  };

  if (version === null && status.missing.startsWith('the electron package')) {
    return fail(
      message(
        'the electron package is not installed.',
        [`Missing: ${status.missing}`],
        [`To fix it, run \`npm ci\`, then \`${command}\` again.`],
      ),
    );
  }
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    return fail(
      message(
        'ELECTRON_OVERRIDE_DIST_PATH names a folder without the Electron runtime.',
        [`Missing: ${status.missing}`],
        [
          `To fix it, point ELECTRON_OVERRIDE_DIST_PATH at an unpacked Electron ${version} (the folder holding`,
          `its executable), or unset it so that \`${command}\` downloads the runtime.`,
        ],
      ),
    );
  }

  const source = describeSource(env, version);
  process.stdout.write(`The Electron runtime is not installed yet: downloading ${source}, once (about 100 MB)…\n`);
  const installed = runInstaller(projectDir, env);
  status = electronBinaryStatus({ projectDir, env });
  if (status.ok) return status.path;
  const headline = installed.ok
    ? "the electron package's installer finished, but the Electron runtime is still missing."
    : "the Electron runtime is not installed, and the electron package's installer could not download it.";
  const details = [`Missing: ${status.missing}`, `Tried:   downloading ${source}`];
  if (!installed.ok) {
    const installer = path.join('node_modules', 'electron', 'install.js');
    details.push(`Reason:  ${installed.reason.split('\n').join('\n           ')}`, `         (said by ${installer})`);
  }
  return fail(message(headline, details, downloadFixes(command, version)));
}

module.exports = { ensureElectronRuntime, installerReason };
