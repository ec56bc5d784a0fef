import type { OperationOutput } from '../../../src-shared/contract';
import type { CoreDependencies } from '../coreDependencies';
import { toChallengeInfo } from '../twoFactor/toChallengeInfo';
import { toSessionInfo } from '../session/toSessionInfo';

/**
 * Who is signed in, or the pending second sign-in step. Asking does not count as activity,
 * so polling cannot keep a session alive.
 */
export async function getSession(
  deps: Pick<CoreDependencies, 'sessions' | 'accounts' | 'challenges' | 'twoFactor'>,
): Promise<OperationOutput<'getSession'>> {
  const { sessions, accounts, challenges } = deps;
  const session = sessions.peek();
  const account = session && accounts.findById(session.accountId);
  if (session && account) return { session: toSessionInfo(account, session) };
  const endedReason = sessions.lastEndReason();
  const pending = challenges.current();
  const challenge = pending && toChallengeInfo(deps, pending);
  return { session: null, ...(endedReason ? { endedReason } : {}), ...(challenge ? { challenge } : {}) };
}
