/**
 * Every operation the renderer may call, by name. Kept free of the schema
 * library so the preload and the test harness can import it cheaply.
 */
export const OPERATION_NAMES = [
  'listAccounts',
  'createAccount',
  'signIn',
  'signOut',
  'getSession',
  'updateProfile',
  'changePassword',
  'changeEmail',
  'deleteAccount',
  'listSecurityEvents',
  'submitTwoFactorCode',
  'submitRecoveryCode',
  'cancelTwoFactorChallenge',
  'extendTwoFactorChallenge',
  'getTwoFactorStatus',
  'beginTwoFactorEnrollment',
  'confirmTwoFactorEnrollment',
  'cancelTwoFactorEnrollment',
  'extendTwoFactorEnrollment',
  'getRecoveryCodes',
  'regenerateRecoveryCodes',
  'deactivateTwoFactor',
  'copyToClipboard',
  'downloadRecoveryCodes',
  'getStartupNotice',
  'markSecretsHidden',
] as const;

export type OperationName = (typeof OPERATION_NAMES)[number];

/** The IPC channel an operation travels on; only the preload and the IPC registration use it. */
export function channelFor(operation: OperationName): string {
  return `gatehouse:${operation}`;
}

export function isOperationName(value: unknown): value is OperationName {
  return typeof value === 'string' && (OPERATION_NAMES as readonly string[]).includes(value);
}
