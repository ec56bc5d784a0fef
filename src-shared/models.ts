/** Data shapes that cross the bridge. Nothing here ever holds a password, hash or secret. */
export interface AccountSummary {
  readonly id: string;
  readonly name: string;
  readonly email: string;
}

export interface SessionInfo {
  readonly account: AccountSummary;
  /** Epoch milliseconds when the session ends unless there is activity before then. */
  readonly expiresAt: number;
}

export const SECURITY_EVENT_KINDS = [
  'account_created',
  'signed_in',
  'sign_in_failed',
  /** A wrong password while signed in (Change password, the password pop-up). */
  'password_check_failed',
  'password_changed',
  'profile_updated',
  'email_changed',
  'signed_out',
  'two_factor_activated',
  'two_factor_deactivated',
  'recovery_codes_viewed',
  'recovery_codes_regenerated',
  'two_factor_code_accepted',
  'two_factor_code_rejected',
  'recovery_code_used',
  'recovery_code_rejected',
  'second_factor_locked',
] as const;

export type SecurityEventKind = (typeof SECURITY_EVENT_KINDS)[number];

/** `window_closed`: on macOS, closing the window keeps Gatehouse in the dock but ends the session. */
export const SIGN_OUT_REASONS = ['user', 'inactivity', 'screen_locked', 'app_quit', 'window_closed'] as const;
export type SignOutReason = (typeof SIGN_OUT_REASONS)[number];

export interface SecurityEvent {
  readonly id: number;
  readonly kind: SecurityEventKind;
  /** Epoch milliseconds. */
  readonly at: number;
  /** For signed_out: why the session ended. */
  readonly reason?: SignOutReason;
}

/** Session and sign-in timing rules; the main process enforces them, the renderer only displays them. */
export const SESSION_IDLE_TIMEOUT_MS = 15 * 60 * 1000;
export const SECURITY_EVENTS_PAGE_SIZE = 20;

/** The second sign-in step, pending after a correct password for an account with two-factor authentication. */
export interface SignInChallenge {
  /** Who is signing in, so the screen can say so. */
  readonly email: string;
  /** Epoch milliseconds; after this the person must start again with their password. */
  readonly expiresAt: number;
  /** Wrong codes left before this challenge is cancelled. */
  readonly attemptsLeft: number;
  /** How many more times "More time" may extend `expiresAt`. */
  readonly extensionsLeft: number;
}

export interface TwoFactorStatus {
  readonly active: boolean;
  /** Epoch milliseconds; present when active. */
  readonly activatedAt?: number;
  /** Unused recovery codes; present when active. */
  readonly recoveryCodesRemaining?: number;
  /**
   * Epoch milliseconds until which See/Regenerate Recovery Codes need no password, or null.
   * Activate and Deactivate always ask for it.
   */
  readonly passwordConfirmedUntil: number | null;
}

/** What the Activate step shows: the QR code and the same secret as text. Sent only during enrollment. */
export interface TwoFactorEnrollment {
  /** Base32 without padding, upper case, as authenticator apps expect it typed in. */
  readonly secretKey: string;
  /** A PNG data URL of the QR code encoding the otpauth:// URI. */
  readonly qrCodeDataUrl: string;
  /** Epoch milliseconds; the pending secret is discarded after this. */
  readonly expiresAt: number;
  /** How many more times "More time" may extend `expiresAt`. */
  readonly extensionsLeft: number;
}

export interface RecoveryCode {
  /** Shown as `xxxxx-xxxxx`. */
  readonly code: string;
  readonly used: boolean;
}

export interface RecoveryCodeSet {
  readonly codes: readonly RecoveryCode[];
  /** Epoch milliseconds when this set was generated. */
  readonly generatedAt: number;
  readonly remaining: number;
}

/** What "Copy" may put on the clipboard: the main process supplies the text, the renderer only names it. */
export const CLIPBOARD_ITEMS = ['secretKey', 'recoveryCodes'] as const;
export type ClipboardItem = (typeof CLIPBOARD_ITEMS)[number];
/** How long copied text stays on the clipboard: the shell clears it then (if unchanged), and "Copy" says so. */
export const CLIPBOARD_CLEAR_MS = 60_000;

/**
 * What start-up had to do to the database, shown on the sign-in / create-account screen: the
 * database was damaged, so it was moved to `movedTo` (a full path) and either a backup taken at
 * `restoredFrom` (epoch ms) was restored, or (null) Gatehouse started with no accounts.
 */
export interface StartupNotice {
  readonly movedTo: string;
  readonly restoredFrom: number | null;
}
