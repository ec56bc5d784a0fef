/**
 * Every screen and dialog of Gatehouse, as journeys through the app: each journey starts from a
 * freshly launched app and each of its screens brings the app from the previous screen to itself
 * (by role and name, waiting for what a person sees). The accessibility walk (axe, light and dark:
 * accessibility.spec.ts) and the reflow checks (sizes: reflow.spec.ts) visit exactly this list.
 *
 * Adding a screen: append `{ name, show }` to the journey (in ./journeys/) whose last screen leads to it (or add a
 * journey to JOURNEYS); both specs pick it up. `show` may read and write `context.state` to pass
 * what it learnt (a secret, recovery codes) to later screens of its journey.
 */
import type { Page } from '@playwright/test';
import type { GatehouseApp } from '../fixtures';
import type { Authenticator } from './twoFactor';
import { accountJourney } from './journeys/accounts';
import { accountManagementJourney } from './journeys/accountManagement';
import { damagedDatabaseJourney } from './journeys/damagedDatabase';
import { twoFactorActiveJourney, twoFactorSetupJourney } from './journeys/twoFactor';

export interface JourneyContext {
  readonly page: Page;
  readonly app: GatehouseApp;
  /** What earlier screens of the journey learnt. */
  readonly state: { secret?: string; authenticator?: Authenticator; recoveryCodes?: string[] };
}

export interface Screen {
  /** How the checks name it, e.g. "Enrollment: wrong code". */
  readonly name: string;
  /** Brings the app from the journey's previous screen to this one. */
  readonly show: (context: JourneyContext) => Promise<void>;
}

export interface Journey {
  readonly name: string;
  /** Mark the journey's tests slow (a third TOTP code in one window waits for the next step). */
  readonly slow?: boolean;
  readonly screens: readonly Screen[];
}

/** Every journey: together they visit every screen and dialog of the app. */
export const JOURNEYS: readonly Journey[] = [
  accountJourney,
  accountManagementJourney,
  twoFactorSetupJourney,
  twoFactorActiveJourney,
  damagedDatabaseJourney,
];

/** Walks `journey` from a freshly launched app, running `check` on each screen once it shows. */
export async function walkJourney(
  journey: Journey,
  context: Omit<JourneyContext, 'state'>,
  check: (screen: Screen) => Promise<void>,
): Promise<string[]> {
  const full: JourneyContext = { ...context, state: {} };
  const visited: string[] = [];
  for (const screen of journey.screens) {
    await screen.show(full);
    await check(screen);
    visited.push(screen.name);
  }
  return visited;
}
