import type { SessionInfo } from '../../../src-shared/models';
import type { AccountRecord } from '../db/accountsRepository';
import type { ActiveSession } from './sessionManager';

/** The session as the renderer sees it: the account's public fields and the inactivity expiry. */
export function toSessionInfo(account: AccountRecord, session: ActiveSession): SessionInfo {
  return { account: { id: account.id, name: account.name, email: account.email }, expiresAt: session.expiresAt };
}
