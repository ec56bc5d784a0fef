import { MESSAGES, type ApiError } from '../../src-shared/errors';
import { describeScreenedPassword, type ScreenedPasswordProblem } from '../../src-shared/passwordPolicy';

/** A failure the renderer is meant to see: it carries exactly the payload sent across the bridge. */
export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(readonly apiError: ApiError) {
    super(apiError.code);
  }
}

/** `retryAt`: set when this failure starts a wait before the next attempt, so the UI can say so at once. */
export const invalidCredentials = (retryAt?: number | null): AppError =>
  new AppError(
    retryAt
      ? { code: 'INVALID_CREDENTIALS', message: MESSAGES.invalidCredentials, retryAt }
      : { code: 'INVALID_CREDENTIALS', message: MESSAGES.invalidCredentials },
  );

export const rateLimited = (retryAt: number): AppError =>
  new AppError({
    code: 'RATE_LIMITED',
    message: 'Too many failed attempts. Wait a moment before trying again.',
    retryAt,
  });

export const notSignedIn = (): AppError => new AppError({ code: 'NOT_SIGNED_IN', message: MESSAGES.notSignedIn });

export const emailTaken = (): AppError =>
  new AppError({ code: 'EMAIL_TAKEN', message: MESSAGES.emailTaken, fields: { email: MESSAGES.emailTaken } });

export const wrongPassword = (field: string): AppError =>
  new AppError({ code: 'WRONG_PASSWORD', message: MESSAGES.wrongPassword, fields: { [field]: MESSAGES.wrongPassword } });

export const secretStoreUnavailable = (message: string = MESSAGES.secretStoreUnavailable): AppError =>
  new AppError({ code: 'SECRET_STORE_UNAVAILABLE', message });

export const passwordConfirmationRequired = (): AppError =>
  new AppError({ code: 'PASSWORD_CONFIRMATION_REQUIRED', message: MESSAGES.passwordConfirmationRequired });

/** A wrong code. `attemptsLeft` during sign-in; `clockDriftMinutes` when the code belongs to a time step minutes away. */
export function invalidCode(options: { message: string; attemptsLeft?: number; clockDriftMinutes?: number }): AppError {
  const { message, attemptsLeft, clockDriftMinutes } = options;
  return new AppError({
    code: 'INVALID_CODE',
    message,
    fields: { code: message },
    ...(attemptsLeft === undefined ? {} : { attemptsLeft }),
    ...(clockDriftMinutes === undefined ? {} : { clockDriftMinutes }),
  });
}

export const challengeExpired = (message: string = MESSAGES.challengeExpired): AppError =>
  new AppError({ code: 'CHALLENGE_EXPIRED', message });

export const secondFactorLocked = (retryAt: number): AppError =>
  new AppError({ code: 'SECOND_FACTOR_LOCKED', message: MESSAGES.secondFactorLocked, retryAt });

export const enrollmentExpired = (): AppError => new AppError({ code: 'ENROLLMENT_EXPIRED', message: MESSAGES.enrollmentExpired });

export const twoFactorAlreadyActive = (): AppError =>
  new AppError({ code: 'TWO_FACTOR_ALREADY_ACTIVE', message: MESSAGES.twoFactorAlreadyActive });

export const twoFactorNotActive = (): AppError => new AppError({ code: 'TWO_FACTOR_NOT_ACTIVE', message: MESSAGES.twoFactorNotActive });

export const secretMissing = (message: string = MESSAGES.secretMissing): AppError => new AppError({ code: 'SECRET_MISSING', message });

export const saveFailed = (): AppError => new AppError({ code: 'SAVE_FAILED', message: MESSAGES.saveFailed });

/** A new password that screening refused (NIST SP 800-63B), with the reason; never the password itself. */
export function weakPassword(field: string, problem: ScreenedPasswordProblem): AppError {
  const message = describeScreenedPassword(problem);
  return new AppError({ code: 'WEAK_PASSWORD', message, fields: { [field]: message } });
}
export const extensionLimitReached = (): AppError =>
  new AppError({ code: 'EXTENSION_LIMIT_REACHED', message: MESSAGES.extensionLimitReached });
