import type { OperationOutput } from '../../../src-shared/contract';
import { requireSignedIn } from '../accounts/sessionInfo';
import type { CoreDependencies } from '../coreDependencies';

/** The Two-factor Authentication section's status. Cheap on purpose: SQLite only, no keychain, no hashing. */
export async function getTwoFactorStatus(
  deps: Pick<CoreDependencies, 'sessions' | 'accounts' | 'twoFactor' | 'recoveryCodes' | 'confirmations'>,
): Promise<OperationOutput<'getTwoFactorStatus'>> {
  const { account, session } = requireSignedIn(deps);
  const passwordConfirmedUntil = deps.confirmations.confirmedUntil(session);
  const record = deps.twoFactor.find(account.id);
  if (!record) return { status: { active: false, passwordConfirmedUntil } };
  return {
    status: {
      active: true,
      activatedAt: record.activatedAt,
      recoveryCodesRemaining: deps.recoveryCodes.countUnused(account.id),
      passwordConfirmedUntil,
    },
  };
}
