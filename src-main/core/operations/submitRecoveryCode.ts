import type { OperationOutput, ValidatedInput } from '../../../src-shared/contract';
import { MESSAGES } from '../../../src-shared/errors';
import { openSession, recordSignIn } from '../session/openSession';
import type { CoreDependencies } from '../coreDependencies';
import { rejectSecondFactor } from '../twoFactor/rejectSecondFactor';
import { runChallengeStep } from '../twoFactor/runChallengeStep';

type Deps = Pick<
  CoreDependencies,
  | 'accounts'
  | 'events'
  | 'sessions'
  | 'challenges'
  | 'twoFactor'
  | 'recoveryCodes'
  | 'recoveryKdf'
  | 'clock'
  | 'transaction'
  | 'bookkeeping'
  | 'withTwoFactorLock'
  | 'restoreCheck'
>;

/**
 * The second sign-in step with a recovery code (already normalised by the schema). Checked
 * against the hashes in SQLite only, so it works while the keychain is unavailable.
 */
export async function submitRecoveryCode(
  deps: Deps,
  { code }: ValidatedInput<'submitRecoveryCode'>,
): Promise<OperationOutput<'submitRecoveryCode'>> {
  return runChallengeStep(deps, async ({ challenge, record, assertStillCurrent }) => {
    const { accountId } = challenge;
    const unused = deps.recoveryCodes.list(accountId).filter((stored) => stored.usedAt === null);
    const hash = await deps.recoveryKdf.hash(code, record.recoveryKdf);
    assertStillCurrent();
    const [position] = deps.recoveryKdf.matches(hash, unused);

    // Single use: the conditional UPDATE only succeeds for a code nobody has used yet.
    const used =
      position !== undefined &&
      deps.transaction(() => {
        if (!deps.recoveryCodes.markUsed(accountId, position, deps.clock.now())) return false;
        deps.twoFactor.clearFailures(accountId);
        deps.events.record(accountId, 'recovery_code_used', deps.clock.now());
        recordSignIn(deps, accountId);
        return true;
      });
    if (!used) {
      throw rejectSecondFactor(deps, challenge, { event: 'recovery_code_rejected', message: MESSAGES.invalidRecoveryCode });
    }
    const session = openSession(deps, deps.accounts.findById(accountId)!);
    return { session, recoveryCodesRemaining: deps.recoveryCodes.countUnused(accountId) };
  });
}
