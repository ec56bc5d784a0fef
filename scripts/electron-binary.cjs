'use strict';
/**
 * Where the Electron runtime binary is, without running the electron package's index.js
 * (which downloads the runtime when it is missing). Shared by `npm start`, `npm run dev` and the
 * e2e harness. The electron package's installer (install.js) writes node_modules/electron/path.txt,
 * naming the executable inside node_modules/electron/dist; ELECTRON_OVERRIDE_DIST_PATH points at
 * another folder holding it, exactly as the electron package reads it.
 */
const fs = require('node:fs');
const path = require('node:path');

const PROJECT_DIR = path.resolve(__dirname, '..');

/** The executable's path inside dist, as electron/install.js names it per platform. */
function platformExecutable(platform) {
  if (platform === 'darwin' || platform === 'mas') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}

function isFile(file) {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * @param {{ projectDir?: string, env?: NodeJS.ProcessEnv, platform?: string }} [options]
 * @returns {{ ok: true, path: string } | { ok: false, missing: string, electronVersion: string | null }}
 */
function electronBinaryStatus(options = {}) {
  const projectDir = options.projectDir ?? PROJECT_DIR;
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;

  let packageDir;
  let electronVersion = null;
  try {
    const packageJson = require.resolve('electron/package.json', { paths: [projectDir] });
    packageDir = path.dirname(packageJson);
    electronVersion = JSON.parse(fs.readFileSync(packageJson, 'utf8')).version ?? null;
  } catch {
    return { ok: false, missing: 'the electron package (node_modules/electron)', electronVersion };
  }

  const pathFile = path.join(packageDir, 'path.txt');
  const named = isFile(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : '';
  const relPackageDir = path.relative(projectDir, packageDir) || packageDir;

  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const binary = path.join(override, named || platformExecutable(platform));
    return isFile(binary)
      ? { ok: true, path: binary }
      : { ok: false, missing: `${binary} (from ELECTRON_OVERRIDE_DIST_PATH)`, electronVersion };
  }
  if (!named) {
    return {
      ok: false,
      missing: `${path.join(relPackageDir, 'path.txt')} and the runtime in ${path.join(relPackageDir, 'dist')}`,
      electronVersion,
    };
  }
  const binary = path.join(packageDir, 'dist', named);
  return isFile(binary) ? { ok: true, path: binary } : { ok: false, missing: path.join(relPackageDir, 'dist', named), electronVersion };
}

/** The Electron executable's absolute path, or null when it is not installed. */
function electronBinaryPath(options) {
  const status = electronBinaryStatus(options);
  return status.ok ? status.path : null;
}

module.exports = { electronBinaryPath, electronBinaryStatus, platformExecutable };
