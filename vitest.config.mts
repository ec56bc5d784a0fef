import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
    // scrypt at OWASP cost is ~0.3 s a call; two cores, so keep parallelism modest.
    maxWorkers: 2,
  },
});
