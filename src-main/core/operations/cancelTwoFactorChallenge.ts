import type { OperationOutput } from '../../../src-shared/contract';
import type { CoreDependencies } from '../coreDependencies';

/** Leaves the second sign-in step ("Back to sign in"); nothing is counted. */
export async function cancelTwoFactorChallenge({
  challenges,
}: Pick<CoreDependencies, 'challenges'>): Promise<OperationOutput<'cancelTwoFactorChallenge'>> {
  challenges.discard();
  return {};
}
