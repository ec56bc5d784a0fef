import { twoFactorAlreadyActive, twoFactorNotActive } from '../appError';
import type { CoreDependencies } from '../coreDependencies';
import type { TwoFactorRecord } from '../db/twoFactorRepository';

/** The active two_factor row of `accountId`, or TWO_FACTOR_NOT_ACTIVE. */
export function requireTwoFactorActive({ twoFactor }: Pick<CoreDependencies, 'twoFactor'>, accountId: string): TwoFactorRecord {
  const record = twoFactor.find(accountId);
  if (!record) throw twoFactorNotActive();
  return record;
}

/** TWO_FACTOR_ALREADY_ACTIVE if `accountId` has two-factor authentication on. */
export function requireTwoFactorInactive({ twoFactor }: Pick<CoreDependencies, 'twoFactor'>, accountId: string): void {
  if (twoFactor.find(accountId)) throw twoFactorAlreadyActive();
}
