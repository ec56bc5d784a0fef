import { defineConfig } from '@playwright/test';
import { chooseDriver } from './test/e2e/drivers/chooseDriver';

/**
 * End-to-end tests: test/e2e/*.spec.ts against the built app (run `npm run build` first).
 * The app is launched by the fixtures in test/e2e/fixtures.ts, not by a browser project:
 * the electron driver needs no browser, the chromium driver launches its own.
 */
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/e2e',
  globalSetup: './test/e2e/globalSetup.ts',
  // Two cores; scrypt (N=2^17) makes each sign-in cost ~0.3-0.5 s of CPU. Under the electron driver
  // the apps share one real clipboard (one display; one clipboard on macOS and Windows), and specs
  // copy and read it: one worker, so they never race.
  workers: chooseDriver().name === 'electron' ? 1 : 2,
  fullyParallel: true,
  retries: 0,
  forbidOnly: !!process.env.CI,
  // Hang guards, not budgets: every wait is for an event (a heading, an alert), and these only stop
  // a hung test. A shared 2-core machine at load 40 stretched one OWASP scrypt to ~10 s, so an
  // expectation after a sign-in outlasted 10 s. Timing targets live in the bench.
  timeout: 180_000,
  expect: { timeout: 45_000 },
  // The JSON report feeds `npm run security:report` (rows recorded with test/e2e/support/securityCheck.ts).
  reporter: [
    ['list'],
    ['json', { outputFile: process.env.GATEHOUSE_PLAYWRIGHT_JSON ?? '.tmp/test-results/playwright.json' }],
    ...(process.env.CI ? [] : [['html', { open: 'never' }] as const]),
  ],
  use: {
    trace: 'retain-on-failure',
    actionTimeout: 45_000,
  },
});
