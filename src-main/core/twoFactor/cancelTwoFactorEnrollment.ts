import type { OperationOutput } from '../../../src-shared/contract';
import { requireSignedIn } from '../accounts/sessionInfo';
import type { CoreDependencies } from '../coreDependencies';

/** "Cancel" during enrollment: the pending secret is deleted from the keychain. Cancelling nothing is fine. */
export async function cancelTwoFactorEnrollment(
  deps: Pick<CoreDependencies, 'sessions' | 'accounts' | 'enrollments' | 'withTwoFactorLock'>,
): Promise<OperationOutput<'cancelTwoFactorEnrollment'>> {
  const { account, session } = requireSignedIn(deps);
  await deps.withTwoFactorLock(account.id, async () => {
    const enrollment = deps.enrollments.forSession(session);
    if (enrollment) await deps.enrollments.discard(enrollment);
    else await deps.enrollments.discardIfExpired();
  });
  return {};
}
