/** Error codes the renderer can receive. Messages are written for people; they never carry secrets. */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'INVALID_CREDENTIALS',
  'EMAIL_TAKEN',
  'RATE_LIMITED',
  'NOT_SIGNED_IN',
  'WRONG_PASSWORD',
  'SECRET_STORE_UNAVAILABLE',
  'STORAGE_BUSY',
  'FORBIDDEN',
  'INTERNAL',
  'PASSWORD_CONFIRMATION_REQUIRED',
  'INVALID_CODE',
  'CHALLENGE_EXPIRED',
  'SECOND_FACTOR_LOCKED',
  'ENROLLMENT_EXPIRED',
  'TWO_FACTOR_ALREADY_ACTIVE',
  'TWO_FACTOR_NOT_ACTIVE',
  'SECRET_MISSING',
  'SAVE_FAILED',
  'WEAK_PASSWORD',
  'EXTENSION_LIMIT_REACHED',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  readonly code: ErrorCode;
  readonly message: string;
  /**
   * Epoch milliseconds when the next attempt is allowed: always for RATE_LIMITED and
   * SECOND_FACTOR_LOCKED, and for INVALID_CREDENTIALS when this failure starts a wait.
   */
  readonly retryAt?: number;
  /** For INVALID_INPUT (and WRONG_PASSWORD, INVALID_CODE, WEAK_PASSWORD): a message per offending field, keyed by field name. */
  readonly fields?: Readonly<Record<string, string>>;
  /** For INVALID_CODE during sign-in: wrong codes left before the sign-in attempt is cancelled. */
  readonly attemptsLeft?: number;
  /**
   * For INVALID_CODE: the code matched a time step this many minutes away (positive: the
   * computer's clock is behind), so the computer's clock is probably wrong.
   */
  readonly clockDriftMinutes?: number;
}

export const MESSAGES = {
  invalidCredentials: 'Incorrect email or password.',
  emailTaken: 'An account with this email already exists on this computer.',
  notSignedIn: 'You are signed out. Please sign in again.',
  wrongPassword: 'Your current password is incorrect.',
  secretStoreUnavailable: "Gatehouse can't reach your system keychain. Unlock it (or start your desktop's keyring service) and try again.",
  storageBusy: 'Gatehouse is busy saving other changes. Please try again in a moment.',
  forbidden: 'This request was refused.',
  internal: 'Something went wrong. Nothing was changed; please try again.',
  invalidInput: 'Some fields need your attention.',
  passwordConfirmationRequired: 'Confirm your password to continue.',
  invalidTotpCode:
    "That code didn't work. Check that it is from your app's Gatehouse entry for this account, and if the code just changed, enter the new one. If codes keep failing, set your computer's clock to update automatically.",
  replayedTotpCode: 'That code was already used. Wait for the next code in your authenticator app.',
  invalidRecoveryCode: "That recovery code didn't work. Check it and try again; each code works only once.",
  challengeExpired: 'Your sign-in attempt expired. Please sign in again.',
  challengeFailedTooOften: 'Too many wrong codes. Please sign in again.',
  secondFactorLocked: 'Too many wrong codes. Two-factor sign-in for this account is locked for a while.',
  enrollmentExpired: 'Two-factor setup was not finished in time. Click Activate to start again.',
  twoFactorAlreadyActive: 'Two-factor authentication is already active.',
  twoFactorNotActive: 'Two-factor authentication is not active.',
  secretMissing:
    'Your two-factor secret is missing from the system keychain. Sign in with a recovery code, then deactivate and activate two-factor authentication again.',
  secretStoreUnavailableAtSignIn:
    "Gatehouse can't reach your system keychain to check this code. Unlock it and try again, or use a recovery code.",
  recoveryCodesMissing:
    'Your recovery codes are missing from the system keychain, so they cannot be shown. Click Regenerate Codes to get a new set.',
  saveFailed: 'Gatehouse could not save the file. Choose another folder and try again.',
  restoreNeedsKeychain:
    'Gatehouse restored a backup and must check your system keychain before anyone signs in, so that nothing the backup undid works again. Unlock the keychain and try again.',
  sameEmail: 'This is already your email address.',
  secondFactorRequired: 'Enter the 6-digit code from your authenticator app, or one of your recovery codes.',
  secretMissingUseRecoveryCode:
    'Your two-factor secret is missing from the system keychain, so codes from your authenticator app cannot be checked. Use one of your recovery codes instead.',
  extensionLimitReached: 'No more time can be added. Finish before the time runs out, or start again.',
} as const;

/** INVALID_CODE's message when the code belongs to a time step minutes away from the computer's clock. */
export function clockDriftMessage(clockDriftMinutes: number): string {
  const minutes = Math.max(1, Math.abs(clockDriftMinutes));
  const unit = minutes === 1 ? 'minute' : 'minutes';
  const direction = clockDriftMinutes > 0 ? 'behind' : 'ahead';
  return (
    `That code is from a different time: your computer's clock looks about ${minutes} ${unit} ${direction}. ` +
    'Set the date and time to update automatically, then try a new code.'
  );
}
