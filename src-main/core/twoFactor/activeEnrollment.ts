import { enrollmentExpired } from '../appError';
import { requireSignedIn } from '../accounts/sessionInfo';
import type { CoreDependencies } from '../coreDependencies';
import type { AccountRecord } from '../db/accountsRepository';
import type { ActiveSession } from '../session/sessionManager';
import type { PendingEnrollment } from './pendingEnrollments';

/** The signed-in session's unexpired enrollment; otherwise ENROLLMENT_EXPIRED, and an expired one is discarded. */
export async function requireActiveEnrollment(
  deps: Pick<CoreDependencies, 'sessions' | 'accounts' | 'enrollments'>,
): Promise<{ account: AccountRecord; session: ActiveSession; enrollment: PendingEnrollment }> {
  const { account, session } = requireSignedIn(deps);
  const enrollment = deps.enrollments.forSession(session);
  if (!enrollment) {
    await deps.enrollments.discardIfExpired();
    throw enrollmentExpired();
  }
  return { account, session, enrollment };
}
