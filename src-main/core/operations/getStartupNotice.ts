import type { OperationOutput } from '../../../src-shared/contract';
import type { StartupNotice } from '../../../src-shared/models';

/** What start-up did to a damaged database this run (openBackend), for the first screen to say; null if nothing. */
export async function getStartupNotice(notice: StartupNotice | null): Promise<OperationOutput<'getStartupNotice'>> {
  return { notice };
}
