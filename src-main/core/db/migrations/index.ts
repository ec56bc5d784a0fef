import { initialSchema } from './001-initial';
import { twoFactorSchema } from './002-two-factor';
import { accountsByCreation } from './003-accounts-by-creation';
import { unknownEmailThrottle } from './004-unknown-email-throttle';
import { spentTotpSteps } from './005-spent-totp-steps';
import { twoFactorVersions } from './006-two-factor-versions';
import { deletedAccounts } from './007-deleted-accounts';
import type { Migration } from './migration';

/** Every migration in order. Append only: a released migration never changes. */
export const MIGRATIONS: readonly Migration[] = [
  initialSchema,
  twoFactorSchema,
  accountsByCreation,
  unknownEmailThrottle,
  spentTotpSteps,
  twoFactorVersions,
  deletedAccounts,
];
