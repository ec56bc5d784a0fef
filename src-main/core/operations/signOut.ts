import type { OperationOutput } from '../../../src-shared/contract';
import type { CoreDependencies } from '../coreDependencies';

/**
 * Ends the session at once; signing out when already signed out is not an error. Nothing here
 * waits for the keychain: the session's end discards a pending enrollment, whose secret is
 * deleted afterwards, best-effort and bounded (a keychain that never answers cannot keep the
 * session alive; start-up reconciliation removes what it left).
 */
export async function signOut({
  sessions,
  challenges,
}: Pick<CoreDependencies, 'sessions' | 'challenges'>): Promise<OperationOutput<'signOut'>> {
  challenges.discard();
  sessions.end('user');
  return {};
}
