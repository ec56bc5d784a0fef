import type { OperationOutput } from '../../../src-shared/contract';
import { AppError, saveFailed } from '../appError';
import { requireSignedIn } from '../accounts/sessionInfo';
import type { CoreDependencies } from '../coreDependencies';
import { requirePasswordConfirmation, type SudoDeps } from './confirmPassword';
import { readCurrentRecoveryCodes, requireActive } from './currentRecoveryCodes';
import { recoveryCodesFileContents, recoveryCodesFileName } from './recoveryCodesFile';

type Deps = SudoDeps & Pick<CoreDependencies, 'secrets' | 'twoFactor' | 'recoveryCodes' | 'desktop'>;

/** "Download": the native save dialog, then a text file of the current codes. Cancelling is not an error. */
export async function downloadRecoveryCodes(deps: Deps): Promise<OperationOutput<'downloadRecoveryCodes'>> {
  requireActive(deps, requireSignedIn(deps).account.id);
  const { account } = await requirePasswordConfirmation(deps, undefined);
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
