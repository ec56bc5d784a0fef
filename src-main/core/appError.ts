import { MESSAGES, type ApiError } from '../../src-shared/errors';

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
