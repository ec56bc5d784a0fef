import type { OperationOutput } from '../../../src-shared/contract';
import { AppError, saveFailed } from '../appError';
import type { CoreDependencies } from '../coreDependencies';
import type { SignedIn } from '../session/requireSignedIn';
import { readCurrentRecoveryCodes } from '../twoFactor/readCurrentRecoveryCodes';
import { recoveryCodesFileContents, recoveryCodesFileName } from '../twoFactor/recoveryCodesFile';

type Deps = Pick<CoreDependencies, 'clock' | 'secrets' | 'twoFactor' | 'recoveryCodes' | 'desktop'>;

/**
 * "Download": the native save dialog, then a text file of the current codes. Cancelling is not an
 * error. Needs a password confirmed in the last 15 minutes (the access gate checks it).
 */
export async function downloadRecoveryCodes(deps: Deps, { account }: SignedIn): Promise<OperationOutput<'downloadRecoveryCodes'>> {
  const set = await readCurrentRecoveryCodes(deps, account.id);
  const now = deps.clock.now();
  let saved: { fileName: string } | null;
  try {
    saved = await deps.desktop.saveTextFile({
      suggestedName: recoveryCodesFileName(account, now),
      contents: recoveryCodesFileContents(account, set, now),
    });
  } catch (error) {
    if (error instanceof AppError) throw error; // e.g. NOT_SIGNED_IN: the session ended first
    throw saveFailed();
  }
  return saved ? { saved: true, fileName: saved.fileName } : { saved: false };
}
