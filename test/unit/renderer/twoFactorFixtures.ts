import type { RecoveryCodeSet, SignInChallenge, TwoFactorEnrollment, TwoFactorStatus } from '../../../src-shared/models';
import { TIME_LIMIT_MAX_EXTENSIONS } from '../../../src-shared/twoFactorRules';

export const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

export function challengeFor(email = 'ada@example.com', expiresAt = Date.now() + 5 * 60_000): SignInChallenge {
  return { email, expiresAt, attemptsLeft: 5, extensionsLeft: TIME_LIMIT_MAX_EXTENSIONS };
}

export function enrollment(expiresAt = Date.now() + 10 * 60_000): TwoFactorEnrollment {
  return { secretKey: SECRET, qrCodeDataUrl: 'data:image/png;base64,iVBORw0KGgo=', expiresAt, extensionsLeft: TIME_LIMIT_MAX_EXTENSIONS };
}

export function codeSet(used = 0): RecoveryCodeSet {
  const codes = Array.from({ length: 10 }, (_, index) => ({
    code: `abcd${index + 2}-fghj${index + 2}`,
    used: index < used,
  }));
  return { codes, generatedAt: Date.now(), remaining: 10 - used };
}

export function activeStatus(overrides: Partial<TwoFactorStatus> = {}): TwoFactorStatus {
  return { active: true, activatedAt: Date.now(), recoveryCodesRemaining: 10, passwordConfirmedUntil: null, ...overrides };
}

export const INACTIVE: TwoFactorStatus = { active: false, passwordConfirmedUntil: null };
