import { enrollmentExpired } from '../appError';
import type { CoreDependencies } from '../coreDependencies';
import type { SignedIn } from '../session/requireSignedIn';
import type { PendingEnrollment } from './pendingEnrollments';

/** The signed-in session's unexpired enrollment; otherwise ENROLLMENT_EXPIRED, and an expired one is discarded. */
export async function requireActiveEnrollment(
  { enrollments }: Pick<CoreDependencies, 'enrollments'>,
  { session }: SignedIn,
): Promise<PendingEnrollment> {
  const enrollment = enrollments.forSession(session);
  if (!enrollment) {
    await enrollments.discardIfExpired();
    throw enrollmentExpired();
  }
  return enrollment;
}
