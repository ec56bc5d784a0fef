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
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  readonly code: ErrorCode;
  readonly message: string;
  /**
   * Epoch milliseconds when the next attempt is allowed: always for RATE_LIMITED, and for
   * INVALID_CREDENTIALS when this failure starts a wait.
   */
  readonly retryAt?: number;
  /** For INVALID_INPUT: a message per offending field, keyed by field name. */
  readonly fields?: Readonly<Record<string, string>>;
}

export const MESSAGES = {
  invalidCredentials: 'Incorrect email or password.',
  emailTaken: 'An account with this email already exists on this computer.',
  notSignedIn: 'You are signed out. Please sign in again.',
  wrongPassword: 'Your current password is incorrect.',
  secretStoreUnavailable:
    "Gatehouse can't reach your system keychain. Unlock it (or start your desktop's keyring service) and try again.",
  storageBusy: 'Gatehouse is busy saving other changes. Please try again in a moment.',
  forbidden: 'This request was refused.',
  internal: 'Something went wrong. Nothing was changed; please try again.',
  invalidInput: 'Some fields need your attention.',
} as const;
