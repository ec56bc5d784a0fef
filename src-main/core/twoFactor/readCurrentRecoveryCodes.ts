import { MESSAGES } from '../../../src-shared/errors';
import type { RecoveryCodeSet } from '../../../src-shared/models';
import { secretMissing } from '../appError';
import type { CoreDependencies } from '../coreDependencies';
import { toRecoveryCodeSet } from './newRecoverySet';
import { requireTwoFactorActive } from './requireTwoFactorActive';

type Deps = Pick<CoreDependencies, 'twoFactor' | 'recoveryCodes' | 'secrets'>;

/**
 * The current set in plaintext (from the keychain entry named by recovery_set_id) with which
 * codes are used (from SQLite). A missing entry is SECRET_MISSING: regenerating makes a new set.
 */
export async function readCurrentRecoveryCodes(deps: Deps, accountId: string): Promise<RecoveryCodeSet> {
  const record = requireTwoFactorActive(deps, accountId);
  const codes = await deps.secrets.readRecovery(accountId, record.recoverySetId);
  if (!codes) throw secretMissing(MESSAGES.recoveryCodesMissing);
  const used = new Set(deps.recoveryCodes.list(accountId).flatMap((code) => (code.usedAt === null ? [] : [code.position])));
  return toRecoveryCodeSet(codes, used, record.recoveryGeneratedAt);
}
