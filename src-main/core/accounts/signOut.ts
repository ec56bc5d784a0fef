import type { OperationOutput } from '../../../src-shared/contract';
import type { CoreDependencies } from '../coreDependencies';

/**
 * Ends the session; signing out when already signed out is not an error. An enrollment in
 * progress is discarded first, so its pending secret is gone from the keychain when this resolves.
 */
export async function signOut({ sessions, enrollments, challenges }: Pick<CoreDependencies, 'sessions' | 'enrollments' | 'challenges'>): Promise<
  OperationOutput<'signOut'>
> {
  await enrollments.discard();
  challenges.discard();
  sessions.end('user');
  return {};
}
