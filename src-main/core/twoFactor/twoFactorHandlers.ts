import type { CoreDependencies } from '../coreDependencies';
import type { HandlerTable } from '../handlerTable';
import { beginTwoFactorEnrollment } from './beginTwoFactorEnrollment';
import { cancelTwoFactorChallenge } from './cancelTwoFactorChallenge';
import { cancelTwoFactorEnrollment } from './cancelTwoFactorEnrollment';
import { confirmTwoFactorEnrollment } from './confirmTwoFactorEnrollment';
import { copyToClipboard } from './copyToClipboard';
import { deactivateTwoFactor } from './deactivateTwoFactor';
import { downloadRecoveryCodes } from './downloadRecoveryCodes';
import { extendTwoFactorChallenge } from './extendTwoFactorChallenge';
import { extendTwoFactorEnrollment } from './extendTwoFactorEnrollment';
import { getRecoveryCodes } from './getRecoveryCodes';
import { getTwoFactorStatus } from './getTwoFactorStatus';
import { regenerateRecoveryCodes } from './regenerateRecoveryCodes';
import { submitRecoveryCode } from './submitRecoveryCode';
import { submitTwoFactorCode } from './submitTwoFactorCode';

type TwoFactorOperation =
  | 'submitTwoFactorCode'
  | 'submitRecoveryCode'
  | 'cancelTwoFactorChallenge'
  | 'extendTwoFactorChallenge'
  | 'getTwoFactorStatus'
  | 'beginTwoFactorEnrollment'
  | 'confirmTwoFactorEnrollment'
  | 'cancelTwoFactorEnrollment'
  | 'extendTwoFactorEnrollment'
  | 'getRecoveryCodes'
  | 'regenerateRecoveryCodes'
  | 'deactivateTwoFactor'
  | 'copyToClipboard'
  | 'downloadRecoveryCodes';

/** The two-factor part of the handler table. */
export function createTwoFactorHandlers(deps: CoreDependencies): Pick<HandlerTable, TwoFactorOperation> {
  return {
    submitTwoFactorCode: (input) => submitTwoFactorCode(deps, input),
    submitRecoveryCode: (input) => submitRecoveryCode(deps, input),
    cancelTwoFactorChallenge: () => cancelTwoFactorChallenge(deps),
    extendTwoFactorChallenge: () => extendTwoFactorChallenge(deps),
    getTwoFactorStatus: () => getTwoFactorStatus(deps),
    beginTwoFactorEnrollment: (input) => beginTwoFactorEnrollment(deps, input),
    confirmTwoFactorEnrollment: (input) => confirmTwoFactorEnrollment(deps, input),
    cancelTwoFactorEnrollment: () => cancelTwoFactorEnrollment(deps),
    extendTwoFactorEnrollment: () => extendTwoFactorEnrollment(deps),
    getRecoveryCodes: (input) => getRecoveryCodes(deps, input),
    regenerateRecoveryCodes: (input) => regenerateRecoveryCodes(deps, input),
    deactivateTwoFactor: (input) => deactivateTwoFactor(deps, input),
    copyToClipboard: (input) => copyToClipboard(deps, input),
    downloadRecoveryCodes: () => downloadRecoveryCodes(deps),
  };
}
