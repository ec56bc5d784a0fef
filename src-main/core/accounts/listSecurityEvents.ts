import type { OperationOutput, ValidatedInput } from '../../../src-shared/contract';
import { SECURITY_EVENTS_PAGE_SIZE } from '../../../src-shared/models';
import type { CoreDependencies } from '../coreDependencies';
import { requireSignedIn } from './sessionInfo';

/** The signed-in account's recent security activity, newest first. */
export async function listSecurityEvents(
  deps: Pick<CoreDependencies, 'accounts' | 'events' | 'sessions'>,
  { limit }: ValidatedInput<'listSecurityEvents'>,
): Promise<OperationOutput<'listSecurityEvents'>> {
  const { account } = requireSignedIn(deps);
  return { events: deps.events.recent(account.id, limit ?? SECURITY_EVENTS_PAGE_SIZE) };
}
