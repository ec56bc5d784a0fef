import type { Backend } from '../../src-main/core/composeBackend';
import type { TwoFactorEnrollment } from '../../src-shared/models';
import { authenticatorCode } from '../../test/support/totpCodes';
import { call } from './benchBackend';
import { BENCH_PASSWORD } from './hashers';

export const TWO_FACTOR_EMAIL = 'ada@example.com';

/**
 * Creates an account and activates two-factor authentication on it the way a person does
 * (Activate → password → code from the authenticator app). Leaves it signed in; returns the secret.
 */
export async function activateTwoFactor(backend: Backend, now: () => number): Promise<string> {
  await call(backend, 'createAccount', { name: 'Ada Lovelace', email: TWO_FACTOR_EMAIL, password: BENCH_PASSWORD });
  const { enrollment } = (await call(backend, 'beginTwoFactorEnrollment', { password: BENCH_PASSWORD })) as {
    enrollment: TwoFactorEnrollment;
  };
  await call(backend, 'confirmTwoFactorEnrollment', { code: await authenticatorCode(enrollment.secretKey, now()) });
  return enrollment.secretKey;
}
