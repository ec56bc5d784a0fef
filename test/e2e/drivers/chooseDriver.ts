import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { projectRoot } from './paths';

export type DriverName = 'electron' | 'chromium';

export interface DriverChoice {
  readonly name: DriverName;
  /** Why this driver, for the one line the run prints. */
  readonly reason: string;
  /** The Electron executable, when the electron driver was chosen: the project's Electron, or a packaged Gatehouse. */
  readonly electronBinary: string | null;
  /** The executable is an installed or packaged Gatehouse (GATEHOUSE_E2E_EXECUTABLE), not the project's Electron. */
  readonly packaged: boolean;
}

const load = createRequire(__filename);

/** The installed Electron executable, or null; asks scripts/electron-binary.cjs (never require('electron'), which downloads). */
export function findElectronBinary(): string | null {
  const helper = load(resolve(projectRoot, 'scripts', 'electron-binary.cjs')) as { electronBinaryPath: () => string | null };
  return helper.electronBinaryPath();
}

let cached: DriverChoice | undefined;

/**
 * Reads GATEHOUSE_E2E_EXECUTABLE and GATEHOUSE_E2E_DRIVER (electron | chromium); without either,
 * electron when its runtime is installed. The rules live in scripts/e2e-driver.cjs, which
 * scripts/with-display.mjs reads too.
 */
export function chooseDriver(): DriverChoice {
  if (cached) return cached;
  const { chooseE2eDriver } = load(resolve(projectRoot, 'scripts', 'e2e-driver.cjs')) as {
    chooseE2eDriver(): { name: DriverName; reason: string; executable: string | null; packaged: boolean };
  };
  const choice = chooseE2eDriver();
  cached = { name: choice.name, reason: choice.reason, electronBinary: choice.executable, packaged: choice.packaged };
  return cached;
}
