import type { TestContext } from 'vitest';

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

export type SecurityArea =
  | 'Hostile input at the IPC boundary'
  | 'Electron shell'
  | 'Brute force and replay'
  | 'Faults'
  | 'Secrets never leak';

declare module 'vitest' {
  interface TaskMeta {
    securityCheck?: SecurityCheckRow;
  }
}

/** Call at the end of a test, after its assertions, with the real count tried. */
export function recordSecurityCheck(context: TestContext, row: SecurityCheckRow): void {
  context.task.meta.securityCheck = row;
}
