import type { OperationOutput, ValidatedInput } from '../../../src-shared/contract';
import { enrollmentExpired } from '../appError';
import type { CoreDependencies } from '../coreDependencies';
import { requirePasswordConfirmation, type SudoDeps } from '../session/requirePasswordConfirmation';
import type { SignedIn } from '../session/requireSignedIn';
import { readCurrentRecoveryCodes } from '../twoFactor/readCurrentRecoveryCodes';
import { requireTwoFactorActive } from '../twoFactor/requireTwoFactorActive';
import { recoveryCodeLines } from '../twoFactor/recoveryCodesFile';
import { requireActiveEnrollment } from '../twoFactor/requireActiveEnrollment';

type Deps = SudoDeps & Pick<CoreDependencies, 'enrollments' | 'secrets' | 'twoFactor' | 'recoveryCodes' | 'desktop'>;

/**
 * "Copy": the renderer names what to copy, the main process supplies the text, so secrets the
 * renderer no longer holds never travel back through it. The secret key only while its
 * enrollment is pending; recovery codes only with 2FA active and a confirmed password. Which of
 * the two needs a password depends on the input, so this one check stays here (access level
 * `session`, not `freshPassword`: the enrollment may outlast the confirmation window).
 */
export async function copyToClipboard(
  deps: Deps,
  signedIn: SignedIn,
  { item }: ValidatedInput<'copyToClipboard'>,
): Promise<OperationOutput<'copyToClipboard'>> {
  const { account } = signedIn;
  if (item === 'secretKey') {
    await requireActiveEnrollment(deps, signedIn);
    const secret = await deps.secrets.readPending(account.id);
    if (secret === null) throw enrollmentExpired();
    await deps.desktop.copyText(secret);
    return {};
  }
  requireTwoFactorActive(deps, account.id);
  await requirePasswordConfirmation(deps, signedIn, undefined);
  const set = await readCurrentRecoveryCodes(deps, account.id);
  await deps.desktop.copyText(recoveryCodeLines(set).join('\n'));
  return {};
}
