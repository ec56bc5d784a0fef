import type { OperationOutput, ValidatedInput } from '../../../src-shared/contract';
import { enrollmentExpired } from '../appError';
import { requireSignedIn } from '../accounts/sessionInfo';
import type { CoreDependencies } from '../coreDependencies';
import { requireActiveEnrollment } from './activeEnrollment';
import { requirePasswordConfirmation, type SudoDeps } from './confirmPassword';
import { readCurrentRecoveryCodes, requireActive } from './currentRecoveryCodes';
import { recoveryCodeLines } from './recoveryCodesFile';

type Deps = SudoDeps & Pick<CoreDependencies, 'enrollments' | 'secrets' | 'twoFactor' | 'recoveryCodes' | 'desktop'>;

/**
 * "Copy": the renderer names what to copy, the main process supplies the text, so secrets the
 * renderer no longer holds never travel back through it. The secret key only while its
 * enrollment is pending; recovery codes only with 2FA active and a confirmed password.
 */
export async function copyToClipboard(deps: Deps, { item }: ValidatedInput<'copyToClipboard'>): Promise<OperationOutput<'copyToClipboard'>> {
  if (item === 'secretKey') {
    const { account } = await requireActiveEnrollment(deps);
    const secret = await deps.secrets.readPending(account.id);
    if (secret === null) throw enrollmentExpired();
    await deps.desktop.copyText(secret);
    return {};
  }
  requireActive(deps, requireSignedIn(deps).account.id);
  const { account } = await requirePasswordConfirmation(deps, undefined);
  const set = await readCurrentRecoveryCodes(deps, account.id);
  await deps.desktop.copyText(recoveryCodeLines(set).join('\n'));
  return {};
}
