/**
 * The numbers of two-factor authentication. The main process enforces them; the
 * renderer only displays them. Sources: RFC 6238/4226 (TOTP), NIST SP 800-63B and
 * OWASP (look-up secrets, throttling).
 */

/** TOTP parameters every authenticator app supports: HMAC-SHA1, 6 digits, 30-second steps. */
export const TOTP_DIGITS = 6;
export const TOTP_PERIOD_SECONDS = 30;
/** A code is accepted for the current time step and one step either side, nothing wider. */
export const TOTP_ACCEPTED_STEPS = 1;
/** Codes from up to this many steps away (±10 minutes) are refused, but recognised to warn about clock drift. */
export const TOTP_DRIFT_SEARCH_STEPS = 20;
/** The name authenticator apps show for Gatehouse accounts. */
export const TOTP_ISSUER = 'Gatehouse';

export const RECOVERY_CODE_COUNT = 10;
/** At or below this many unused recovery codes, the app urges regenerating them. */
export const RECOVERY_CODES_LOW = 3;
/**
 * Recovery code symbols: digits and lower-case letters without the look-alikes 0/o and 1/i/l.
 * Codes are shown as `xxxxx-xxxxx`; input ignores case, dashes and spaces.
 */
export const RECOVERY_CODE_ALPHABET = '23456789abcdefghjkmnpqrstuvwxyz';
export const RECOVERY_CODE_LENGTH = 10;

/** The second sign-in step must be finished within this time. */
export const SIGN_IN_CHALLENGE_TTL_MS = 5 * 60 * 1000;
/** Wrong codes that cancel one sign-in challenge (the password must be entered again). */
export const CHALLENGE_MAX_FAILURES = 5;
/** Consecutive wrong codes (across challenges and restarts) that lock the second factor. */
export const SECOND_FACTOR_MAX_FAILURES = 10;
export const SECOND_FACTOR_LOCK_MS = 15 * 60 * 1000;

/** An unconfirmed enrollment (QR shown, no valid code yet) is discarded after this time. */
export const ENROLLMENT_TTL_MS = 10 * 60 * 1000;
/** "Sudo mode": a confirmed password covers See/Regenerate Recovery Codes for this long. */
export const PASSWORD_CONFIRMATION_TTL_MS = 15 * 60 * 1000;

/**
 * "More time" (WCAG 2.2.1 Timing Adjustable): the enrollment and the sign-in step can each be
 * extended this many times, each time to a full period (ENROLLMENT_TTL_MS, SIGN_IN_CHALLENGE_TTL_MS)
 * from the moment of asking. WCAG asks for at least ten. Main counts the extensions per enrollment
 * and per challenge and refuses the next one; wrong codes stay capped per challenge and account.
 */
export const TIME_LIMIT_MAX_EXTENSIONS = 10;
/** The screens warn, and offer "More time", this long before a time limit ends. */
export const TIME_LIMIT_WARNING_MS = 60 * 1000;
