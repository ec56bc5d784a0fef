import { notSignedIn } from '../appError';
import type { CoreDependencies } from '../coreDependencies';
import type { ActiveSession } from '../session/sessionManager';

/**
 * After an await (a password hash, a code check): `session` must still be the signed-in one, or
 * NOT_SIGNED_IN and nothing is committed. A sign-out, a screen lock or a sign-in as someone else
 * while the check ran must not be overtaken by the change. Peeking does not count as activity.
 */
export function requireCurrentSession({ sessions }: Pick<CoreDependencies, 'sessions'>, session: ActiveSession): void {
  if (sessions.peek()?.id !== session.id) throw notSignedIn();
}
