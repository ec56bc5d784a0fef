import type { OperationOutput, ValidatedInput } from '../../../src-shared/contract';
import { clockDriftMessage, MESSAGES } from '../../../src-shared/errors';
import { openSession, recordSignIn } from '../accounts/startSession';
import type { CoreDependencies } from '../coreDependencies';
import { readTotpSecret } from './readTotpSecret';
import { rejectSecondFactor } from './rejectSecondFactor';
import { runChallengeStep } from './runChallengeStep';
import { driftMinutes } from './totp';

type Deps = Pick<
  CoreDependencies,
  'accounts' | 'events' | 'sessions' | 'challenges' | 'twoFactor' | 'secrets' | 'totp' | 'clock' | 'transaction' | 'withTwoFactorLock'
>;

/** The second sign-in step with a code from the authenticator app. */
export async function submitTwoFactorCode(deps: Deps, { code }: ValidatedInput<'submitTwoFactorCode'>): Promise<OperationOutput<'submitTwoFactorCode'>> {
  return runChallengeStep(deps, async ({ challenge, assertStillCurrent }) => {
    const { accountId } = challenge;
    const secret = await readTotpSecret(deps, accountId);
    const check = await deps.totp.check(secret, code);
    assertStillCurrent();

    if (check.kind === 'drift') {
      const minutes = driftMinutes(check.steps);
      throw rejectSecondFactor(deps, challenge, {
        event: 'two_factor_code_rejected',
        message: clockDriftMessage(minutes),
        clockDriftMinutes: minutes,
      });
    }
    if (check.kind === 'invalid') {
      throw rejectSecondFactor(deps, challenge, { event: 'two_factor_code_rejected', message: MESSAGES.invalidTotpCode });
    }
    // RFC 6238 §5.2: a step is accepted once; the conditional UPDATE is the final word even under concurrency.
    const accepted = deps.transaction(() => {
      if (!deps.twoFactor.advanceStep(accountId, check.step)) return false;
      deps.twoFactor.clearFailures(accountId);
      deps.events.record(accountId, 'two_factor_code_accepted', deps.clock.now());
      recordSignIn(deps, accountId);
      return true;
    });
    if (!accepted) {
      throw rejectSecondFactor(deps, challenge, { event: 'two_factor_code_rejected', message: MESSAGES.replayedTotpCode });
    }
    return { session: openSession(deps, deps.accounts.findById(accountId)!) };
  });
}
