import type { OperationOutput } from '../../../src-shared/contract';
import type { SignedIn } from '../session/requireSignedIn';
import type { CoreDependencies } from '../coreDependencies';

/** "Cancel" during enrollment: the pending secret is deleted from the keychain. Cancelling nothing is fine. */
export async function cancelTwoFactorEnrollment(
  deps: Pick<CoreDependencies, 'enrollments' | 'withTwoFactorLock'>,
  { account, session }: SignedIn,
): Promise<OperationOutput<'cancelTwoFactorEnrollment'>> {
  await deps.withTwoFactorLock(account.id, async () => {
    const enrollment = deps.enrollments.forSession(session);
    if (enrollment) await deps.enrollments.discard(enrollment);
    else await deps.enrollments.discardIfExpired();
  });
  return {};
}
