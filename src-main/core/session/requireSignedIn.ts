import { notSignedIn } from '../appError';
import type { CoreDependencies } from '../coreDependencies';
import type { AccountRecord } from '../db/accountsRepository';
import type { ActiveSession } from './sessionManager';

/** Who a signed-in operation acts for: what the access gate hands every session-level use case. */
export interface SignedIn {
  readonly account: AccountRecord;
  readonly session: ActiveSession;
}

/** The signed-in account, counting this call as activity; NOT_SIGNED_IN otherwise. */
export function requireSignedIn({ sessions, accounts }: Pick<CoreDependencies, 'sessions' | 'accounts'>): SignedIn {
  const session = sessions.touch();
  const account = session && accounts.findById(session.accountId);
  if (!session || !account) throw notSignedIn();
  return { account, session };
}
