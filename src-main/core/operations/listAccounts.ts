import type { OperationOutput } from '../../../src-shared/contract';
import type { CoreDependencies } from '../coreDependencies';

/** The accounts on this computer, for the sign-in screen. */
export async function listAccounts({ accounts }: Pick<CoreDependencies, 'accounts'>): Promise<OperationOutput<'listAccounts'>> {
  return { accounts: accounts.list() };
}
