import type { TestInfo } from '@playwright/test';
import type { TestContext } from 'vitest';

/**
 * The report's areas, in the order it prints them. scripts/security-report.mjs keeps the same list
 * (it runs on plain Node); test/integration/scripts/securityReport.test.ts holds the two together.
 */
export const SECURITY_AREAS = [
  'Hostile input at the IPC boundary',
  'Electron shell',
  'Brute force and replay',
  'Faults',
  'Secrets never leak',
] as const;

export type SecurityArea = (typeof SECURITY_AREAS)[number];

/**
 * One row of `npm run security:report`: what was checked, how many payloads, attempts or crash
 * points were tried. The result column comes from the test's own outcome, so a row can only read
 * "pass" when every assertion in its test held.
 */
export interface SecurityCheckRow {
  /** The heading the check belongs to, e.g. "Hostile input at the IPC boundary". */
  readonly area: SecurityArea;
  /** What was checked, in a few words, e.g. "fuzz signIn: arbitrary and near-valid payloads". */
  readonly check: string;
  /** How many cases were tried. */
  readonly tried: number;
  /** What `tried` counts: "payloads", "attempts", "crash points", "findings", … */
  readonly unit: string;
}

/** Annotation type the report reads from Playwright's JSON report (vitest's carries the row in task meta). */
export const SECURITY_CHECK_ANNOTATION = 'security-check';

declare module 'vitest' {
  interface TaskMeta {
    securityCheck?: SecurityCheckRow;
  }
}

/**
 * Call at the end of a test, after its assertions, with the real count tried. `test` is the running
 * test: vitest's test context, or Playwright's `test.info()`. Type-only imports keep this module
 * loadable by either runner.
 */
export function recordSecurityCheck(test: TestContext | TestInfo, row: SecurityCheckRow): void {
  if ('task' in test) test.task.meta.securityCheck = row;
  else test.annotations.push({ type: SECURITY_CHECK_ANNOTATION, description: JSON.stringify(row) });
}
