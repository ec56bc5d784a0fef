import type { OperationOutput, ValidatedInput } from '../../../src-shared/contract';
import type { CoreDependencies } from '../coreDependencies';
import type { SignedIn } from '../session/requireSignedIn';
import { readCurrentRecoveryCodes } from '../twoFactor/readCurrentRecoveryCodes';

type Deps = Pick<CoreDependencies, 'clock' | 'twoFactor' | 'recoveryCodes' | 'secrets' | 'events' | 'withTwoFactorLock' | 'transaction'>;

/** "See Recovery Codes": the current set, used codes marked. Needs a password confirmed in the last 15 minutes (the access gate checks it). */
export async function getRecoveryCodes(
  deps: Deps,
  { account }: SignedIn,
  _input: ValidatedInput<'getRecoveryCodes'>,
): Promise<OperationOutput<'getRecoveryCodes'>> {
  return deps.withTwoFactorLock(account.id, async () => {
    const recoveryCodes = await readCurrentRecoveryCodes(deps, account.id);
    deps.transaction(() => deps.events.record(account.id, 'recovery_codes_viewed', deps.clock.now()));
    return { recoveryCodes };
  });
}
