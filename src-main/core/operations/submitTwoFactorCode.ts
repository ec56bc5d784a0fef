import type { OperationOutput, ValidatedInput } from '../../../src-shared/contract';
import { openSession, recordSignIn } from '../session/openSession';
import type { CoreDependencies } from '../coreDependencies';
import { acceptTotpCode } from '../twoFactor/acceptTotpCode';
import { readTotpSecret } from '../twoFactor/readTotpSecret';
import { rejectSecondFactor } from '../twoFactor/rejectSecondFactor';
import { runChallengeStep } from '../twoFactor/runChallengeStep';
import { matchedSteps, refusalFor } from '../twoFactor/totp';

type Deps = Pick<
  CoreDependencies,
  | 'accounts'
  | 'events'
  | 'sessions'
  | 'challenges'
  | 'twoFactor'
  | 'secrets'
  | 'totp'
  | 'clock'
  | 'transaction'
  | 'bookkeeping'
  | 'withTwoFactorLock'
  | 'restoreCheck'
>;

/**
 * The second sign-in step with a code from the authenticator app. Every time step the code matched
 * is spent with the outcome, in the same transaction: a code refused now, with a clock-drift hint
 * or without, is never accepted later (waiting for a hinted step to come round gets nobody in).
 */
export async function submitTwoFactorCode(
  deps: Deps,
  { code }: ValidatedInput<'submitTwoFactorCode'>,
): Promise<OperationOutput<'submitTwoFactorCode'>> {
  return runChallengeStep(deps, async ({ challenge, assertStillCurrent }) => {
    const { accountId } = challenge;
    const secret = await readTotpSecret(deps, accountId);
    const check = await deps.totp.check(secret, code);
    assertStillCurrent();

    const accepted =
      check.inWindow.length > 0 &&
      deps.transaction(() => {
        if (!acceptTotpCode(deps, accountId, check)) return false;
        deps.twoFactor.clearFailures(accountId);
        deps.events.record(accountId, 'two_factor_code_accepted', deps.clock.now());
        recordSignIn(deps, accountId);
        return true;
      });
    if (!accepted) {
      throw rejectSecondFactor(deps, challenge, {
        event: 'two_factor_code_rejected',
        ...refusalFor(check),
        spentSteps: matchedSteps(check),
      });
    }
    return { session: openSession(deps, deps.accounts.findById(accountId)!) };
  });
}
