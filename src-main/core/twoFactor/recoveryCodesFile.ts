import type { RecoveryCodeSet } from '../../../src-shared/models';
import type { AccountRecord } from '../db/accountsRepository';

/** One line per code, used codes marked, as copied and saved. */
export function recoveryCodeLines(set: RecoveryCodeSet): string[] {
  return set.codes.map(({ code, used }) => (used ? `${code} (used)` : code));
}

/** The local date as YYYY-MM-DD: the person's calendar day, not UTC's. */
function localDate(at: number): string {
  const date = new Date(at);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** `gatehouse-recovery-codes-<email local part>-<date>.txt`, safe as a file name on every OS. */
export function recoveryCodesFileName(account: AccountRecord, at: number): string {
  const localPart = account.email.split('@')[0] ?? '';
  const safe =
    localPart
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^[-.]+|[-.]+$/g, '')
      .slice(0, 40) || 'account';
  return `gatehouse-recovery-codes-${safe}-${localDate(at)}.txt`;
}

/** The downloaded file: it names the app, the account and the date, and says how the codes work. */
export function recoveryCodesFileContents(account: AccountRecord, set: RecoveryCodeSet, at: number): string {
  return [
    'Gatehouse recovery codes',
    '',
    `Account: ${account.name} <${account.email}>`,
    `Saved: ${localDate(at)}`,
    '',
    'Use one of these codes to sign in when you cannot use your authenticator app.',
    'Each code works only once. Keep this file somewhere safe.',
    '',
    ...recoveryCodeLines(set),
    '',
  ].join('\n');
}
