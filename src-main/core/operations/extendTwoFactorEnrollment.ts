import type { OperationOutput } from '../../../src-shared/contract';
import { TIME_LIMIT_MAX_EXTENSIONS } from '../../../src-shared/twoFactorRules';
import { extensionLimitReached } from '../appError';
import type { CoreDependencies } from '../coreDependencies';
import type { SignedIn } from '../session/requireSignedIn';
import { requireActiveEnrollment } from '../twoFactor/requireActiveEnrollment';

/**
 * "More time" during enrollment (WCAG 2.2.1): the pending secret is kept a full period from now.
 * Each enrollment allows TIME_LIMIT_MAX_EXTENSIONS; the next one is refused. An expired or
 * cancelled enrollment answers ENROLLMENT_EXPIRED, like every other step of it.
 */
export async function extendTwoFactorEnrollment(
  deps: Pick<CoreDependencies, 'enrollments'>,
  signedIn: SignedIn,
): Promise<OperationOutput<'extendTwoFactorEnrollment'>> {
  const enrollment = await requireActiveEnrollment(deps, signedIn);
  if (!deps.enrollments.extend(enrollment)) throw extensionLimitReached();
  return { expiresAt: enrollment.expiresAt, extensionsLeft: TIME_LIMIT_MAX_EXTENSIONS - enrollment.extensions };
}
