import type { SessionInfo } from '../../../src-shared/models';
import type { CoreDependencies } from '../coreDependencies';
import type { AccountRecord } from '../db/accountsRepository';
import { toSessionInfo } from './toSessionInfo';

/**
 * Signing in happens in two steps so it costs one durable commit, not two:
 * `recordSignIn` runs inside the transaction that accepted the credentials (the log
 * entry commits with them), and `openSession` runs once that transaction has committed
 * (a session never starts on credentials whose acceptance was rolled back).
 */

/** Inside the accepting transaction: whoever was signed in is signed out, and the sign-in is logged. */
export function recordSignIn(
  { sessions, events, clock }: Pick<CoreDependencies, 'sessions' | 'events' | 'clock'>,
  accountId: string,
): void {
  sessions.end('user');
  events.record(accountId, 'signed_in', clock.now());
}

/** After the commit: the session starts, and any pending sign-in challenge is over. */
export function openSession(
  { sessions, challenges }: Pick<CoreDependencies, 'sessions' | 'challenges'>,
  account: AccountRecord,
): SessionInfo {
  challenges.discard();
  return toSessionInfo(account, sessions.start(account.id));
}
