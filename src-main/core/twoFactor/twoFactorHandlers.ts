import type { CoreDependencies } from '../coreDependencies';
import type { HandlerTable } from '../handlerTable';
import { beginTwoFactorEnrollment } from './beginTwoFactorEnrollment';
import { cancelTwoFactorChallenge } from './cancelTwoFactorChallenge';
import { cancelTwoFactorEnrollment } from './cancelTwoFactorEnrollment';
import { confirmTwoFactorEnrollment } from './confirmTwoFactorEnrollment';
import { copyToClipboard } from './copyToClipboard';
import { deactivateTwoFactor } from './deactivateTwoFactor';
import { downloadRecoveryCodes } from './downloadRecoveryCodes';
import { getRecoveryCodes } from './getRecoveryCodes';
import { getTwoFactorStatus } from './getTwoFactorStatus';
import { markSecretsHidden } from './markSecretsHidden';
import { regenerateRecoveryCodes } from './regenerateRecoveryCodes';
import { revealsSecrets } from './revealsSecrets';
import { submitRecoveryCode } from './submitRecoveryCode';
import { submitTwoFactorCode } from './submitTwoFactorCode';

type TwoFactorOperation =
  | 'submitTwoFactorCode'
  | 'submitRecoveryCode'
  | 'cancelTwoFactorChallenge'
  | 'getTwoFactorStatus'
  | 'beginTwoFactorEnrollment'
  | 'confirmTwoFactorEnrollment'
  | 'cancelTwoFactorEnrollment'
  | 'getRecoveryCodes'
  | 'regenerateRecoveryCodes'
  | 'deactivateTwoFactor'
  | 'copyToClipboard'
  | 'downloadRecoveryCodes'
  | 'markSecretsHidden';

/** The two-factor part of the handler table. */
export function createTwoFactorHandlers(deps: CoreDependencies): Pick<HandlerTable, TwoFactorOperation> {
  return {
    submitTwoFactorCode: (input) => submitTwoFactorCode(deps, input),
    submitRecoveryCode: (input) => submitRecoveryCode(deps, input),
    cancelTwoFactorChallenge: () => cancelTwoFactorChallenge(deps),
    getTwoFactorStatus: () => getTwoFactorStatus(deps),
    beginTwoFactorEnrollment: revealsSecrets(deps, (input) => beginTwoFactorEnrollment(deps, input)),
    confirmTwoFactorEnrollment: revealsSecrets(deps, (input) => confirmTwoFactorEnrollment(deps, input)),
    cancelTwoFactorEnrollment: () => cancelTwoFactorEnrollment(deps),
    getRecoveryCodes: revealsSecrets(deps, (input) => getRecoveryCodes(deps, input)),
    regenerateRecoveryCodes: revealsSecrets(deps, (input) => regenerateRecoveryCodes(deps, input)),
    deactivateTwoFactor: (input) => deactivateTwoFactor(deps, input),
    copyToClipboard: (input) => copyToClipboard(deps, input),
    downloadRecoveryCodes: () => downloadRecoveryCodes(deps),
    markSecretsHidden: () => markSecretsHidden(deps),
  };
}
