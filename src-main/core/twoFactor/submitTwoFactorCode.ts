import type { OperationOutput, ValidatedInput } from '../../../src-shared/contract';
import { MESSAGES } from '../../../src-shared/errors';
import { secretMissing, secretStoreUnavailable } from '../appError';
import { openSession, recordSignIn } from '../accounts/startSession';
import type { CoreDependencies } from '../coreDependencies';
import { SecretStoreUnavailableError } from '../secrets/secretStore';
import { rejectSecondFactor } from './rejectSecondFactor';
import { runChallengeStep } from './runChallengeStep';
import { matchedSteps, refusalFor } from './totp';

type Deps = Pick<
  CoreDependencies,
  'accounts' | 'events' | 'sessions' | 'challenges' | 'twoFactor' | 'secrets' | 'totp' | 'clock' | 'transaction' | 'withTwoFactorLock' | 'restoreCheck'
>;

/**
 * The second sign-in step with a code from the authenticator app. Every time step the code matched
 * is spent with the outcome, in the same transaction: a code refused now, with a clock-drift hint
 * or without, is never accepted later (waiting for a hinted step to come round gets nobody in).
 */
export async function submitTwoFactorCode(deps: Deps, { code }: ValidatedInput<'submitTwoFactorCode'>): Promise<OperationOutput<'submitTwoFactorCode'>> {
  return runChallengeStep(deps, async ({ challenge, assertStillCurrent }) => {
    const { accountId } = challenge;
    const secret = await readSecret(deps, accountId);
    const check = await deps.totp.check(secret, code);
    assertStillCurrent();

    const accepted =
      check.inWindow.length > 0 &&
      deps.transaction(() => {
        // RFC 6238 §5.2: a step is accepted once; the conditional UPDATE is the final word even under concurrency.
        const step = firstAccepted(deps, accountId, check.inWindow);
        if (step === null) return false;
        deps.twoFactor.spendSteps(accountId, matchedSteps(check));
        deps.twoFactor.clearFailures(accountId);
        deps.events.record(accountId, 'two_factor_code_accepted', deps.clock.now());
        recordSignIn(deps, accountId);
        return true;
      });
    if (!accepted) {
      throw rejectSecondFactor(deps, challenge, { event: 'two_factor_code_rejected', ...refusalFor(check), spentSteps: matchedSteps(check) });
    }
    return { session: openSession(deps, deps.accounts.findById(accountId)!) };
  });
}

/** The first of `steps` the replay guard accepts (it records it as the last accepted step), or null. */
function firstAccepted({ twoFactor }: Pick<Deps, 'twoFactor'>, accountId: string, steps: readonly number[]): number | null {
  for (const step of steps) if (twoFactor.acceptStep(accountId, step)) return step;
  return null;
}

async function readSecret({ secrets }: Pick<Deps, 'secrets'>, accountId: string): Promise<string> {
  let secret: string | null;
  try {
    secret = await secrets.readTotp(accountId);
  } catch (error) {
    if (error instanceof SecretStoreUnavailableError) throw secretStoreUnavailable(MESSAGES.secretStoreUnavailableAtSignIn);
    throw error;
  }
  if (secret === null) throw secretMissing();
  return secret;
}
