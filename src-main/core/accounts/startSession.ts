import type { SessionInfo } from '../../../src-shared/models';
import type { CoreDependencies } from '../coreDependencies';
import type { AccountRecord } from '../db/accountsRepository';
import { toSessionInfo } from './sessionInfo';

/** Signs `account` in: any pending sign-in challenge is over, and the sign-in is logged. */
export function startSession(
  { sessions, events, challenges, clock }: Pick<CoreDependencies, 'sessions' | 'events' | 'challenges' | 'clock'>,
  account: AccountRecord,
): SessionInfo {
  challenges.discard();
  const session = sessions.start(account.id);
  events.record(account.id, 'signed_in', clock.now());
  return toSessionInfo(account, session);
}
