import type { OperationName } from './operations';

/**
 * Who may call an operation, declared once here and enforced once by main's dispatch before the
 * use case runs (like route middleware); the renderer derives its session handling from it too.
 * - `guest`: anyone, signed in or not (reading the session, signing in or out, start-up reads);
 * - `challenge`: only while a second sign-in step (two-factor challenge) is pending;
 * - `session`: a signed-in session; the call moves the session's inactivity expiry;
 * - `freshPassword`: a signed-in session whose password was confirmed in the last 15 minutes, or
 *   the `password` sent with this call (a wrong one is refused and counted like a failed sign-in).
 */
export type AccessLevel = 'guest' | 'challenge' | 'session' | 'freshPassword';

export const OPERATION_ACCESS = {
  listAccounts: 'guest',
  createAccount: 'guest',
  signIn: 'guest',
  signOut: 'guest',
  getSession: 'guest',
  getStartupNotice: 'guest',
  markSecretsHidden: 'guest',
  // Leaving the second step is always allowed, like signing out: the renderer also sends it after
  // main has already dropped the challenge (lock, time up), and cancelling nothing is not an error.
  cancelTwoFactorChallenge: 'guest',
  submitTwoFactorCode: 'challenge',
  submitRecoveryCode: 'challenge',
  extendTwoFactorChallenge: 'challenge',
  updateProfile: 'session',
  changePassword: 'session',
  changeEmail: 'session',
  deleteAccount: 'session',
  listSecurityEvents: 'session',
  getTwoFactorStatus: 'session',
  confirmTwoFactorEnrollment: 'session',
  cancelTwoFactorEnrollment: 'session',
  extendTwoFactorEnrollment: 'session',
  // The secret key may be copied during its enrollment without a password (which can outlast the
  // 15-minute window); the recovery codes need a fresh password, which the use case checks.
  copyToClipboard: 'session',
  beginTwoFactorEnrollment: 'freshPassword',
  getRecoveryCodes: 'freshPassword',
  regenerateRecoveryCodes: 'freshPassword',
  deactivateTwoFactor: 'freshPassword',
  downloadRecoveryCodes: 'freshPassword',
} as const satisfies { readonly [K in OperationName]: AccessLevel };

/** The access level of `K`, as a type (the handler table gives session-level handlers the signed-in account). */
export type AccessOf<K extends OperationName> = (typeof OPERATION_ACCESS)[K];

/** Whether `operation` acts within a signed-in session (and so moves its expiry). */
export function actsInSession(operation: OperationName): boolean {
  const access = OPERATION_ACCESS[operation];
  return access === 'session' || access === 'freshPassword';
}
