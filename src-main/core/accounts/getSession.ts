import type { OperationOutput } from '../../../src-shared/contract';
import type { CoreDependencies } from '../coreDependencies';
import { toSessionInfo } from './sessionInfo';

/** Who is signed in. Asking does not count as activity, so polling cannot keep a session alive. */
export async function getSession({ sessions, accounts }: Pick<CoreDependencies, 'sessions' | 'accounts'>): Promise<
  OperationOutput<'getSession'>
> {
  const session = sessions.peek();
  const account = session && accounts.findById(session.accountId);
  if (session && account) return { session: toSessionInfo(account, session) };
  const endedReason = sessions.lastEndReason();
  return endedReason ? { session: null, endedReason } : { session: null };
}
