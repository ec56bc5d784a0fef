import type { OperationOutput, ValidatedInput } from '../../../src-shared/contract';
import { TIME_LIMIT_MAX_EXTENSIONS } from '../../../src-shared/twoFactorRules';
import type { CoreDependencies } from '../coreDependencies';
import type { SignedIn } from '../session/requireSignedIn';
import { buildOtpauthUri, renderQrCode } from '../twoFactor/otpauthUri';
import { requireTwoFactorInactive } from '../twoFactor/requireTwoFactorActive';

type Deps = Pick<CoreDependencies, 'twoFactor' | 'secrets' | 'totp' | 'enrollments' | 'withTwoFactorLock'>;

/**
 * "Activate", after the password pop-up (checked by the access gate, after requireTwoFactorInactive):
 * a new secret goes to the keychain as a pending entry and is shown as a QR code and as text.
 * Nothing is enforced until a code confirms it. A second call replaces the pending secret. If the keychain is unavailable nothing is written
 * (SECRET_STORE_UNAVAILABLE): there is no fallback.
 */
export async function beginTwoFactorEnrollment(
  deps: Deps,
  { account, session }: SignedIn,
  _input: ValidatedInput<'beginTwoFactorEnrollment'>,
): Promise<OperationOutput<'beginTwoFactorEnrollment'>> {
  return deps.withTwoFactorLock(account.id, async () => {
    requireTwoFactorInactive(deps, account.id);
    const secretKey = deps.totp.generateSecret();
    await deps.secrets.writePending(account.id, secretKey);
    const qrCodeDataUrl = await renderQrCode(buildOtpauthUri(account.email, secretKey));
    const { expiresAt } = deps.enrollments.start(session);
    return { enrollment: { secretKey, qrCodeDataUrl, expiresAt, extensionsLeft: TIME_LIMIT_MAX_EXTENSIONS } };
  });
}
