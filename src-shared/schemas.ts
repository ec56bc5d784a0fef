import * as v from 'valibot';
import { EMAIL_MAX_LENGTH, isDeliverableAddress } from './emailAddress';
import { CLIPBOARD_ITEMS } from './models';
import { checkPassword, describePasswordProblem, PASSWORD_MAX_LENGTH } from './passwordPolicy';
import { RECOVERY_CODE_ALPHABET, RECOVERY_CODE_LENGTH, TOTP_DIGITS } from './twoFactorRules';

const NO_CONTROL_CHARACTERS = /^[^\p{Cc}\p{Cs}]*$/u;

export const NameSchema = v.pipe(
  v.string('Enter your name.'),
  v.trim(),
  v.nonEmpty('Enter your name.'),
  v.maxLength(100, 'Use at most 100 characters for your name.'),
  v.regex(NO_CONTROL_CHARACTERS, 'Your name contains characters that cannot be shown.'),
);

/** An email address as src-shared/emailAddress.ts defines it; NFC, so the same address typed on another keyboard is one address. */
export const EmailSchema = v.pipe(
  v.string('Enter your email address.'),
  v.trim(),
  v.nonEmpty('Enter your email address.'),
  v.maxLength(EMAIL_MAX_LENGTH, `Email addresses are at most ${EMAIL_MAX_LENGTH} characters long.`),
  v.transform((value) => value.normalize('NFC')),
  v.check(isDeliverableAddress, 'Enter a valid email address, like name@example.com.'),
);

/** A new password: the full policy applies. */
export const NewPasswordSchema = v.pipe(
  v.string('Enter a password.'),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const problem = checkPassword(dataset.value);
    if (problem) addIssue({ message: describePasswordProblem(problem) });
  }),
);

/** A password being checked against a stored hash: only sanity limits, the policy may have changed since. */
export const ExistingPasswordSchema = v.pipe(
  v.string('Enter your password.'),
  v.nonEmpty('Enter your password.'),
  v.maxLength(PASSWORD_MAX_LENGTH * 4, `Passwords are at most ${PASSWORD_MAX_LENGTH} characters long.`),
  v.check((value) => value.isWellFormed(), 'This password contains characters that cannot be stored.'),
);

/** A code from the authenticator app; spaces (as apps show and copy it: "123 456") are ignored. */
export const TotpCodeSchema = v.pipe(
  v.string('Enter the 6-digit code from your authenticator app.'),
  v.maxLength(64, 'Enter the 6-digit code from your authenticator app.'),
  v.transform((value) => value.replace(/\s+/gu, '')),
  v.regex(new RegExp(`^\\d{${TOTP_DIGITS}}$`), 'Enter the 6-digit code from your authenticator app.'),
);

const RECOVERY_CODE_PATTERN = new RegExp(`^[${RECOVERY_CODE_ALPHABET}]{${RECOVERY_CODE_LENGTH}}$`);

/** A recovery code, normalised: lower case, dashes and spaces removed (so "ABCDE-FGHJK" and "abcde fghjk" match). */
export const RecoveryCodeSchema = v.pipe(
  v.string('Enter one of your recovery codes.'),
  v.maxLength(64, 'Recovery codes look like abcde-fghjk.'),
  v.transform((value) => value.replace(/[\s-]+/gu, '').toLowerCase()),
  v.nonEmpty('Enter one of your recovery codes.'),
  v.regex(RECOVERY_CODE_PATTERN, 'Recovery codes look like abcde-fghjk.'),
);

const EmptyInput = v.strictObject({});

/** The input schema of every operation. Objects are strict: unknown keys are refused, not ignored. */
export const operationSchemas = {
  listAccounts: EmptyInput,
  createAccount: v.strictObject({ name: NameSchema, email: EmailSchema, password: NewPasswordSchema }),
  signIn: v.strictObject({ email: EmailSchema, password: ExistingPasswordSchema }),
  signOut: EmptyInput,
  getSession: EmptyInput,
  updateProfile: v.strictObject({ name: NameSchema }),
  changePassword: v.strictObject({ currentPassword: ExistingPasswordSchema, newPassword: NewPasswordSchema }),
  changeEmail: v.strictObject({ email: EmailSchema, password: ExistingPasswordSchema }),
  /** Always the password; with two-factor authentication active, also a code or a recovery code (one of them). */
  deleteAccount: v.pipe(
    v.strictObject({ password: ExistingPasswordSchema, code: v.optional(TotpCodeSchema), recoveryCode: v.optional(RecoveryCodeSchema) }),
    v.check((input) => input.code === undefined || input.recoveryCode === undefined, 'Enter a 6-digit code or a recovery code, not both.'),
  ),
  listSecurityEvents: v.strictObject({
    limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100))),
  }),
  submitTwoFactorCode: v.strictObject({ code: TotpCodeSchema }),
  submitRecoveryCode: v.strictObject({ code: RecoveryCodeSchema }),
  cancelTwoFactorChallenge: EmptyInput,
  /** "More time" on the second sign-in step; main caps it at TIME_LIMIT_MAX_EXTENSIONS. */
  extendTwoFactorChallenge: EmptyInput,
  getTwoFactorStatus: EmptyInput,
  /** Activate always asks for the password. */
  beginTwoFactorEnrollment: v.strictObject({ password: ExistingPasswordSchema }),
  confirmTwoFactorEnrollment: v.strictObject({ code: TotpCodeSchema }),
  cancelTwoFactorEnrollment: EmptyInput,
  /** "More time" during enrollment; main caps it at TIME_LIMIT_MAX_EXTENSIONS. */
  extendTwoFactorEnrollment: EmptyInput,
  /** Without a password, the password must have been confirmed in the last 15 minutes. */
  getRecoveryCodes: v.strictObject({ password: v.optional(ExistingPasswordSchema) }),
  regenerateRecoveryCodes: v.strictObject({ password: v.optional(ExistingPasswordSchema) }),
  /** Deactivate always asks for the password. */
  deactivateTwoFactor: v.strictObject({ password: ExistingPasswordSchema }),
  copyToClipboard: v.strictObject({ item: v.picklist(CLIPBOARD_ITEMS, 'This value is not accepted.') }),
  downloadRecoveryCodes: EmptyInput,
  getStartupNotice: EmptyInput,
  markSecretsHidden: EmptyInput,
} as const;

/**
 * Turns schema issues into one message per field (the first issue wins), for forms to show.
 * An unknown key is reported under 'form', not under its own name: keys are caller input,
 * and errors never echo input back (a hostile key may be megabytes long).
 */
export function fieldMessages(issues: readonly v.BaseIssue<unknown>[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const names = issue.path?.some((item) => item.origin === 'key') ? [] : issue.path;
    const key = names?.map((item) => String(item.key)).join('.') || 'form';
    fields[key] ??= issue.message;
  }
  return fields;
}
