import { CLIPBOARD_CLEAR_MS, type SecurityEvent } from '../../src-shared/models';

const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const clockFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });

/** A readable local date and time, e.g. "12 Mar 2025, 14:05". */
export function formatDateTime(epochMs: number): string {
  return dateTimeFormat.format(epochMs);
}

/** A local clock time with seconds, e.g. "14:05:32". */
export function formatClockTime(epochMs: number): string {
  return clockFormat.format(epochMs);
}

export function toIsoString(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

/** "42 seconds", "1 second", "2 minutes 5 seconds". */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.ceil(totalSeconds));
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (minutes === 0) return plural(rest, 'second');
  return rest === 0 ? plural(minutes, 'minute') : `${plural(minutes, 'minute')} ${plural(rest, 'second')}`;
}

/** Up to two initials for an avatar: "Ada Lovelace" → "AL". */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/u).filter(Boolean);
  const first = words[0];
  if (!first) return '?';
  const last = words.length > 1 ? words[words.length - 1] : undefined;
  const letter = (word: string) => Array.from(word)[0]?.toLocaleUpperCase() ?? '';
  return letter(first) + (last ? letter(last) : '');
}

/** A person-readable label for a security event. */
export function securityEventLabel(event: SecurityEvent): string {
  switch (event.kind) {
    case 'account_created':
      return 'Account created';
    case 'signed_in':
      return 'Signed in';
    case 'sign_in_failed':
      return 'Sign-in failed';
    case 'password_check_failed':
      return 'Wrong password entered while signed in';
    case 'password_changed':
      return 'Password changed';
    case 'profile_updated':
      return 'Name changed';
    case 'email_changed':
      return 'Email changed';
    case 'signed_out':
      switch (event.reason) {
        case 'inactivity':
          return 'Signed out (inactivity)';
        case 'screen_locked':
          return 'Signed out (screen locked)';
        case 'app_quit':
          return 'Signed out (app closed)';
        case 'window_closed':
          return 'Signed out (window closed)';
        default:
          return 'Signed out';
      }
    case 'two_factor_activated':
      return 'Two-factor authentication activated';
    case 'two_factor_deactivated':
      return 'Two-factor authentication deactivated';
    case 'recovery_codes_viewed':
      return 'Recovery codes viewed';
    case 'recovery_codes_regenerated':
      return 'Recovery codes regenerated';
    case 'two_factor_code_accepted':
      return 'Two-factor code accepted';
    case 'two_factor_code_rejected':
      return 'Two-factor code rejected';
    case 'recovery_code_used':
      return 'Recovery code used';
    case 'recovery_code_rejected':
      return 'Recovery code rejected';
    case 'second_factor_locked':
      return 'Two-factor sign-in locked';
    default: {
      // A kind added by a newer main process: show it rather than nothing.
      const kind: string = (event as { kind: string }).kind;
      const text = kind.replaceAll('_', ' ');
      return text.charAt(0).toLocaleUpperCase() + text.slice(1);
    }
  }
}

/** A secret key in blocks of four for reading and typing: "JBSW Y3DP EHPK 3PXP". */
export function groupSecretKey(secretKey: string): string {
  return (secretKey.replace(/\s+/gu, '').match(/.{1,4}/gu) ?? []).join(' ');
}

/** A countdown as a clock face: "9:05", "0:42". */
export function formatCountdown(totalSeconds: number): string {
  const seconds = Math.max(0, Math.ceil(totalSeconds));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** What "Copy" says: done, and when the copied text goes away again. */
export function copiedMessage(): string {
  return `Copied. Gatehouse clears the clipboard in ${Math.round(CLIPBOARD_CLEAR_MS / 1000)} seconds.`;
}
