import type { OperationOutput } from '../../../src-shared/contract';
import type { CoreDependencies } from '../coreDependencies';

/** Ends the session; signing out when already signed out is not an error. */
export async function signOut({ sessions }: Pick<CoreDependencies, 'sessions'>): Promise<OperationOutput<'signOut'>> {
  sessions.end('user');
  return {};
}
