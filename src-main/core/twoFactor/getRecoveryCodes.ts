import type { OperationOutput, ValidatedInput } from '../../../src-shared/contract';
import { requireSignedIn } from '../accounts/sessionInfo';
import type { CoreDependencies } from '../coreDependencies';
import { requirePasswordConfirmation, type SudoDeps } from './confirmPassword';
import { readCurrentRecoveryCodes, requireActive } from './currentRecoveryCodes';

type Deps = SudoDeps & Pick<CoreDependencies, 'twoFactor' | 'recoveryCodes' | 'secrets' | 'events' | 'withTwoFactorLock' | 'transaction'>;

/** "See Recovery Codes": the current set, used codes marked. Needs a password confirmed in the last 15 minutes. */
export async function getRecoveryCodes(deps: Deps, { password }: ValidatedInput<'getRecoveryCodes'>): Promise<OperationOutput<'getRecoveryCodes'>> {
  requireActive(deps, requireSignedIn(deps).account.id);
  const { account } = await requirePasswordConfirmation(deps, password);
  return deps.withTwoFactorLock(account.id, async () => {
    const recoveryCodes = await readCurrentRecoveryCodes(deps, account.id);
    deps.transaction(() => deps.events.record(account.id, 'recovery_codes_viewed', deps.clock.now()));
    return { recoveryCodes };
  });
}
