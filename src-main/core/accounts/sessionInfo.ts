import type { SessionInfo } from '../../../src-shared/models';
import { notSignedIn } from '../appError';
import type { CoreDependencies } from '../coreDependencies';
import type { AccountRecord } from '../db/accountsRepository';
import type { ActiveSession } from '../session/sessionManager';

export function toSessionInfo(account: AccountRecord, session: ActiveSession): SessionInfo {
  return { account: { id: account.id, name: account.name, email: account.email }, expiresAt: session.expiresAt };
}

/** The signed-in account, counting this call as activity; NOT_SIGNED_IN otherwise. */
export function requireSignedIn({ sessions, accounts }: Pick<CoreDependencies, 'sessions' | 'accounts'>): {
  account: AccountRecord;
  session: ActiveSession;
} {
  const session = sessions.touch();
  const account = session && accounts.findById(session.accountId);
  if (!session || !account) throw notSignedIn();
  return { account, session };
}
