import { test } from '@playwright/test';

/** Annotation type read by `npm run security:report` from Playwright's JSON report. */
export const SECURITY_CHECK_ANNOTATION = 'security-check';

/** One row of the security report; see test/security/support/securityCheck.ts for the fields. */
export interface E2eSecurityCheckRow {
  readonly area: 'Hostile input at the IPC boundary' | 'Electron shell' | 'Secrets never leak' | 'Faults';
  readonly check: string;
  readonly tried: number;
  readonly unit: string;
}

/** Call at the end of a spec, after its assertions, with the real count tried. */
export function recordSecurityCheck(row: E2eSecurityCheckRow): void {
  test.info().annotations.push({ type: SECURITY_CHECK_ANNOTATION, description: JSON.stringify(row) });
}
