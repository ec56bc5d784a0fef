import vue from '@vitejs/plugin-vue';
import { configDefaults, defineConfig } from 'vitest/config';

/** Vue component tests: mounted in a DOM (happy-dom), so they need the Vue plugin. */
const COMPONENT_TESTS = 'test/unit/renderer/components/**/*.test.ts';

export default defineConfig({
  test: {
    pool: 'forks',
    // Hang guards, not budgets (no test asserts a time; the bench does): on a shared 2-core machine
    // at load 30 a test that takes 1 s idle took 15 s. Hooks do what tests do (create accounts,
    // activate two-factor), so they get the same guard, not vitest's 10 s default.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // scrypt at OWASP cost is ~0.3 s a call; two cores, so keep parallelism modest.
    maxWorkers: 2,
    // The JSON report feeds `npm run security:report` (rows recorded with test/support/securityCheck.ts).
    reporters: ['default', ['json', { outputFile: process.env.GATEHOUSE_VITEST_JSON ?? '.tmp/test-results/vitest.json' }]],
    projects: [
      {
        extends: true,
        test: {
          // Logic with in-memory fakes only: no SQLite file, temp file, child process or keychain.
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          exclude: [...configDefaults.exclude, COMPONENT_TESTS],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          // Real parts: a SQLite file, temp folders, child processes, the private Secret Service.
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          // Hardening checks (issue 4): fuzzing, brute force, crash injection, faults. Each test
          // records a row for `npm run security:report` (see test/support/securityCheck.ts).
          name: 'security',
          include: ['test/security/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        plugins: [vue()],
        test: {
          name: 'components',
          include: [COMPONENT_TESTS],
          environment: 'happy-dom',
          setupFiles: ['test/unit/renderer/components/setup.ts'],
        },
      },
    ],
  },
});
