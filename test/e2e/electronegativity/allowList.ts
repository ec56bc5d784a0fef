/**
 * Electronegativity findings on the build output that were reviewed and accepted. Keep it short:
 * every entry names one check on one file and says why it is safe. electronegativity.spec.ts fails
 * on any finding not listed here, and on any entry that no longer matches a finding (so the list
 * cannot quietly outlive the code it excuses).
 *
 * Not an entry but a scan setting (see runElectronegativity.cjs): AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK
 * is excluded because it downloads Electron's release list from GitHub, and the scan runs offline.
 * Keeping Electron current is a dependency-update task (package.json pins the major, 45).
 */
export interface AllowedFinding {
  /** Electronegativity's check id, as in the SARIF ruleId. */
  readonly check: string;
  /** The file, relative to the scanned directory (main/, preload/, renderer/). */
  readonly file: string;
  readonly reason: string;
}

export const ALLOWED_FINDINGS: readonly AllowedFinding[] = [
  {
    // A "review" note, raised for any call to shell.openExternal.
    check: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'main/index.js',
    reason:
      'The only call is inside openExternalSafely (src-main/electron/openExternalSafely.ts): https URLs whose ' +
      'origin is on an exact allow-list (empty today), no credentials; unit-tested in test/security/electronShellOpenExternal.test.ts.',
  },
  {
    // csp-evaluator's "MEDIUM_MAYBE": 'self' can be problematic if you host JSONP, Angular or user uploads.
    check: 'CSP_GLOBAL_CHECK',
    file: 'renderer/index.html',
    reason:
      "script-src 'self' is gatehouse://app, which serves only the read-only build output (out/renderer): no JSONP, " +
      'no Angular, no user-supplied files. Every other source is none (default-src, connect-src, object-src, base-uri).',
  },
];
