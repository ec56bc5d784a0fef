import { defineConfig } from '@playwright/test';

// README screenshots are always taken with the chromium driver (same pixels on every machine).
process.env.GATEHOUSE_E2E_DRIVER = 'chromium';

/** `npm run screenshots`: writes docs/screenshots/*.png from test/screenshots/*.spec.ts. */
export default defineConfig({
  testDir: 'test/screenshots',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/screenshots',
  globalSetup: './test/e2e/globalSetup.ts',
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: 'list',
  use: {
    viewport: { width: 1200, height: 800 },
    colorScheme: 'light',
    trace: 'retain-on-failure',
  },
});
