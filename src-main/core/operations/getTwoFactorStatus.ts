import type { OperationOutput } from '../../../src-shared/contract';
import type { SignedIn } from '../session/requireSignedIn';
import type { CoreDependencies } from '../coreDependencies';

/** The Two-factor Authentication section's status. Cheap on purpose: SQLite only, no keychain, no hashing. */
export async function getTwoFactorStatus(
  deps: Pick<CoreDependencies, 'twoFactor' | 'recoveryCodes' | 'confirmations'>,
  { account, session }: SignedIn,
): Promise<OperationOutput<'getTwoFactorStatus'>> {
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
