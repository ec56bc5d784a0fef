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
  'password_changed',
  'profile_updated',
  'signed_out',
] as const;

export type SecurityEventKind = (typeof SECURITY_EVENT_KINDS)[number];

export const SIGN_OUT_REASONS = ['user', 'inactivity', 'screen_locked', 'app_quit'] as const;
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
