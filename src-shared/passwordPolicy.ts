/**
 * Password rules after NIST SP 800-63B: length is what matters, every Unicode
 * character counts as one, no composition rules, nothing is truncated.
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
