/**
 * Password rules after NIST SP 800-63B: length is what matters, every Unicode
 * character counts as one, no composition rules, nothing is truncated. A new
 * password is also screened in the main process (src-main/core/security/passwordScreen.ts)
 * against commonly used and compromised passwords and the words of its context.
 */
export const PASSWORD_MIN_LENGTH = 12;
/** We accept far more than the 64 NIST asks for; beyond this a paste is surely a mistake. */
export const PASSWORD_MAX_LENGTH = 1024;

/** Counts Unicode code points, so an emoji or a CJK character is one character. */
export function passwordLength(password: string): number {
  let count = 0;
  for (const _ of password) count += 1;
  return count;
}

export type PasswordProblem = 'too-short' | 'too-long' | 'malformed';

export function checkPassword(password: string): PasswordProblem | null {
  // Every code point takes one or two UTF-16 units: a string this long is too long without counting.
  if (password.length > PASSWORD_MAX_LENGTH * 2) return 'too-long';
  if (!password.isWellFormed()) return 'malformed';
  const length = passwordLength(password);
  if (length < PASSWORD_MIN_LENGTH) return 'too-short';
  if (length > PASSWORD_MAX_LENGTH) return 'too-long';
  return null;
}

export function describePasswordProblem(problem: PasswordProblem): string {
  switch (problem) {
    case 'too-short':
      return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
    case 'too-long':
      return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
    case 'malformed':
      return 'This password contains characters that cannot be stored. Please retype it.';
  }
}

/** The app's own name: a context word no password may lean on. */
export const APP_NAME = 'Gatehouse';

/**
 * Why screening refused a new password: it is (built from) a commonly used or leaked password or
 * dictionary word, a predictable pattern (repeats, sequences, keyboard rows, dates), or it leans
 * on a word of its context: the person's email address, their name, or the app's name.
 */
export const SCREENED_PASSWORD_PROBLEMS = ['common', 'predictable', 'contains-email', 'contains-name', 'contains-app-name'] as const;
export type ScreenedPasswordProblem = (typeof SCREENED_PASSWORD_PROBLEMS)[number];

const CHOOSE_ANOTHER = 'Choose another one: three or four unrelated words work well.';

/** Fixed messages, one per reason: they never repeat the password or any part of it. */
export function describeScreenedPassword(problem: ScreenedPasswordProblem): string {
  switch (problem) {
    case 'common':
      return `This password is too common: it is made of passwords or words that many people use, or that have leaked. ${CHOOSE_ANOTHER}`;
    case 'predictable':
      return `This password is too easy to guess: it is made of repeated or sequential characters, a keyboard pattern or a date. ${CHOOSE_ANOTHER}`;
    case 'contains-email':
      return `This password contains your email address, which makes it easy to guess. ${CHOOSE_ANOTHER}`;
    case 'contains-name':
      return `This password contains your name, which makes it easy to guess. ${CHOOSE_ANOTHER}`;
    case 'contains-app-name':
      return `This password contains “${APP_NAME}”, which makes it easy to guess. ${CHOOSE_ANOTHER}`;
  }
}
