import { MESSAGES } from '../../../src-shared/errors';
import { secretMissing, secretStoreUnavailable } from '../appError';
import type { CoreDependencies } from '../coreDependencies';
import { SecretStoreUnavailableError } from '../secrets/secretStore';

/**
 * The active TOTP secret of `accountId`, to check a code against. An unreachable keychain and a
 * missing entry are told apart, and both point at recovery codes, which are checked without it.
 */
export async function readTotpSecret(
  { secrets }: Pick<CoreDependencies, 'secrets'>,
  accountId: string,
  missingMessage: string = MESSAGES.secretMissing,
): Promise<string> {
  let secret: string | null;
  try {
    secret = await secrets.readTotp(accountId);
  } catch (error) {
    if (error instanceof SecretStoreUnavailableError) throw secretStoreUnavailable(MESSAGES.secretStoreUnavailableAtSignIn);
    throw error;
  }
  if (secret === null) throw secretMissing(missingMessage);
  return secret;
}
