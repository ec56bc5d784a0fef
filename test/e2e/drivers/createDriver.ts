import { chooseDriver } from './chooseDriver';
import type { AppDriver } from './types';

/** The driver for this run; each is loaded only when chosen (the chromium one loads the core). */
export async function createDriver(): Promise<AppDriver> {
  const choice = chooseDriver();
  if (choice.name === 'electron') {
    const { createElectronDriver } = await import('./electronDriver');
    return createElectronDriver(choice.electronBinary!, { packaged: choice.packaged });
  }
  const { createChromiumDriver } = await import('./chromiumDriver');
  return createChromiumDriver();
}
