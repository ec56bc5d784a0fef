import { chooseDriver } from './drivers/chooseDriver';
import { assertBuilt } from './drivers/paths';

/** Runs once per `playwright test`: says which driver the run uses and fails early without a build. */
export default function globalSetup(): void {
  const choice = chooseDriver();
  console.log(`Gatehouse e2e driver: ${choice.name} (${choice.reason})`);
  // A packaged Gatehouse (GATEHOUSE_E2E_EXECUTABLE) brings its own build.
  if (!choice.packaged) assertBuilt(choice.name === 'electron' ? ['main', 'preload', 'rendererIndex'] : ['rendererIndex']);
}
