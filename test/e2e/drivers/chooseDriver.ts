import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { projectRoot } from './paths';

export type DriverName = 'electron' | 'chromium';

export interface DriverChoice {
  readonly name: DriverName;
  /** Why this driver, for the one line the run prints. */
  readonly reason: string;
  /** The Electron executable, when the electron driver was chosen. */
  readonly electronBinary: string | null;
}

/** The installed Electron executable, or null; asks scripts/electron-binary.cjs (never require('electron'), which downloads). */
export function findElectronBinary(): string | null {
  const load = createRequire(__filename);
  const helper = load(resolve(projectRoot, 'scripts', 'electron-binary.cjs')) as { electronBinaryPath: () => string | null };
  return helper.electronBinaryPath();
}

let cached: DriverChoice | undefined;

/** Reads GATEHOUSE_E2E_DRIVER (electron | chromium); without it, electron when its binary is installed. */
export function chooseDriver(): DriverChoice {
  if (cached) return cached;
  const requested = (process.env.GATEHOUSE_E2E_DRIVER ?? '').trim().toLowerCase();
  if (requested !== '' && requested !== 'electron' && requested !== 'chromium') {
    throw new Error(`Gatehouse e2e: GATEHOUSE_E2E_DRIVER must be "electron" or "chromium", not "${requested}".`);
  }
  const electronBinary = requested === 'chromium' ? null : findElectronBinary();
  if (requested === 'electron' && electronBinary === null) {
    throw new Error(
      'Gatehouse e2e: GATEHOUSE_E2E_DRIVER=electron, but the Electron binary is not installed ' +
        '(node_modules/electron has no downloaded runtime; `npm start` explains how to get it). Unset it to use the chromium driver.',
    );
  }
  if (requested === 'chromium') {
    cached = { name: 'chromium', reason: 'GATEHOUSE_E2E_DRIVER=chromium', electronBinary: null };
  } else if (electronBinary !== null) {
    cached = {
      name: 'electron',
      reason: requested === 'electron' ? 'GATEHOUSE_E2E_DRIVER=electron' : 'Electron binary installed',
      electronBinary,
    };
  } else {
    cached = { name: 'chromium', reason: 'no Electron binary installed', electronBinary: null };
  }
  return cached;
}
