import type { CoreDependencies } from '../coreDependencies';
import { matchedSteps, type TotpCheck } from './totp';

/**
 * Inside the committing transaction: accepts the code `check` describes, or answers false when no
 * step it matched can be accepted any more (used or spent already). RFC 6238 §5.2: a step is
 * accepted once, and the conditional UPDATE is the final word even under concurrency. With the
 * accepted step, every other step the code matched is spent, so it can never be accepted later.
 */
export function acceptTotpCode({ twoFactor }: Pick<CoreDependencies, 'twoFactor'>, accountId: string, check: TotpCheck): boolean {
  const accepted = check.inWindow.some((step) => twoFactor.acceptStep(accountId, step));
  if (accepted) twoFactor.spendSteps(accountId, matchedSteps(check));
  return accepted;
}
