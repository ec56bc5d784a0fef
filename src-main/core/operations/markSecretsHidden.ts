import type { OperationOutput } from '../../../src-shared/contract';
import type { CoreDependencies } from '../coreDependencies';

/**
 * The renderer closed the last view showing secrets, so the window may be captured again. Needs
 * no session: the view may close after the session ended (which already lifted the protection).
 * A renderer that never calls it leaves the window protected until the session ends: the safe side.
 */
export async function markSecretsHidden({ desktop }: Pick<CoreDependencies, 'desktop'>): Promise<OperationOutput<'markSecretsHidden'>> {
  desktop.protectScreen(false);
  return {};
}
