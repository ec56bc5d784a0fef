import type { OperationOutput, ValidatedInput } from '../../../src-shared/contract';
import { TIME_LIMIT_MAX_EXTENSIONS } from '../../../src-shared/twoFactorRules';
import { twoFactorAlreadyActive } from '../appError';
import { requireSignedIn } from '../accounts/sessionInfo';
import type { CoreDependencies } from '../coreDependencies';
import { requirePasswordConfirmation, type SudoDeps } from './confirmPassword';
import { buildOtpauthUri, renderQrCode } from './otpauthUri';

type Deps = SudoDeps & Pick<CoreDependencies, 'twoFactor' | 'secrets' | 'totp' | 'enrollments' | 'withTwoFactorLock'>;

/**
 * "Activate", after the password pop-up: a new secret goes to the keychain as a pending entry
 * and is shown as a QR code and as text. Nothing is enforced until a code confirms it. A second
 * call replaces the pending secret. If the keychain is unavailable nothing is written
 * (SECRET_STORE_UNAVAILABLE): there is no fallback.
 */
export async function beginTwoFactorEnrollment(
  deps: Deps,
  { password }: ValidatedInput<'beginTwoFactorEnrollment'>,
): Promise<OperationOutput<'beginTwoFactorEnrollment'>> {
  const { account: signedIn } = requireSignedIn(deps);
  if (deps.twoFactor.find(signedIn.id)) throw twoFactorAlreadyActive();
  const { account, session } = await requirePasswordConfirmation(deps, password);

  return deps.withTwoFactorLock(account.id, async () => {
    if (deps.twoFactor.find(account.id)) throw twoFactorAlreadyActive();
    const secretKey = deps.totp.generateSecret();
    await deps.secrets.writePending(account.id, secretKey);
    const qrCodeDataUrl = await renderQrCode(buildOtpauthUri(account.email, secretKey));
    const { expiresAt } = deps.enrollments.start(session);
    return { enrollment: { secretKey, qrCodeDataUrl, expiresAt, extensionsLeft: TIME_LIMIT_MAX_EXTENSIONS } };
  });
}
