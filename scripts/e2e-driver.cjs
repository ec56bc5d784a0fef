'use strict';
/**
 * Which driver an e2e run uses. Shared by the Playwright harness (test/e2e/drivers/chooseDriver.ts)
 * and scripts/with-display.mjs, which must know before Playwright starts whether Electron needs a
 * display.
 *
 * - GATEHOUSE_E2E_EXECUTABLE=/path/to/Gatehouse: the electron driver on that installed or packaged
 *   build instead of out/main/index.js in the project's Electron.
 * - GATEHOUSE_E2E_DRIVER=electron | chromium: that driver.
 * - neither: electron when Electron's runtime is installed, else chromium.
 */
const fs = require('node:fs');
const path = require('node:path');
const { electronBinaryPath } = require('./electron-binary.cjs');

const PROJECT_DIR = path.resolve(__dirname, '..');

/**
 * @param {{ env?: NodeJS.ProcessEnv, projectDir?: string }} [options]
 * @returns {{ name: 'electron' | 'chromium', reason: string, executable: string | null, packaged: boolean }}
 * @throws {Error} with a message a person can act on, for a setting that cannot work
 */
function chooseE2eDriver(options = {}) {
  const env = options.env ?? process.env;
  const projectDir = options.projectDir ?? PROJECT_DIR;
  const requested = (env.GATEHOUSE_E2E_DRIVER ?? '').trim().toLowerCase();
  if (requested !== '' && requested !== 'electron' && requested !== 'chromium') {
    throw new Error(`Gatehouse e2e: GATEHOUSE_E2E_DRIVER must be "electron" or "chromium", not "${requested}".`);
  }

  const packagedApp = (env.GATEHOUSE_E2E_EXECUTABLE ?? '').trim();
  if (packagedApp) {
    if (requested === 'chromium') {
      throw new Error(
        'Gatehouse e2e: GATEHOUSE_E2E_EXECUTABLE runs the electron driver; unset GATEHOUSE_E2E_DRIVER=chromium or the executable.',
      );
    }
    const executable = path.resolve(packagedApp);
    if (!fs.statSync(executable, { throwIfNoEntry: false })?.isFile()) {
      throw new Error(
        `Gatehouse e2e: GATEHOUSE_E2E_EXECUTABLE=${packagedApp} is not a file. Point it at Gatehouse's executable ` +
          '(on macOS the one inside the app: Gatehouse.app/Contents/MacOS/Gatehouse).',
      );
    }
    return { name: 'electron', reason: `GATEHOUSE_E2E_EXECUTABLE=${executable}`, executable, packaged: true };
  }

  if (requested === 'chromium') return { name: 'chromium', reason: 'GATEHOUSE_E2E_DRIVER=chromium', executable: null, packaged: false };
  const binary = electronBinaryPath({ projectDir, env });
  if (binary) {
    const reason = requested === 'electron' ? 'GATEHOUSE_E2E_DRIVER=electron' : 'Electron runtime installed';
    return { name: 'electron', reason, executable: binary, packaged: false };
  }
  if (requested === 'electron') {
    throw new Error(
      "Gatehouse e2e: GATEHOUSE_E2E_DRIVER=electron, but Electron's runtime is not installed. Run `npx install-electron` " +
        '(or `npm start`, which runs it) once, or unset GATEHOUSE_E2E_DRIVER to use the chromium driver.',
    );
  }
  return { name: 'chromium', reason: "Electron's runtime not installed", executable: null, packaged: false };
}

module.exports = { chooseE2eDriver };
