import type { OperationOutput, ValidatedInput } from '../../../src-shared/contract';
import { SECURITY_EVENTS_PAGE_SIZE } from '../../../src-shared/models';
import type { CoreDependencies } from '../coreDependencies';
import type { SignedIn } from '../session/requireSignedIn';

/** The signed-in account's recent security activity, newest first. */
export async function listSecurityEvents(
  deps: Pick<CoreDependencies, 'events'>,
  { account }: SignedIn,
  { limit }: ValidatedInput<'listSecurityEvents'>,
): Promise<OperationOutput<'listSecurityEvents'>> {
  return { events: deps.events.recent(account.id, limit ?? SECURITY_EVENTS_PAGE_SIZE) };
}
