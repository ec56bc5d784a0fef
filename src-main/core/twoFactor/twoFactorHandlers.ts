import type { CoreDependencies } from '../coreDependencies';
import type { HandlerTable } from '../handlerTable';
import { runInSession } from '../session/runInSession';
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
import { markSecretsHidden } from './markSecretsHidden';
import { regenerateRecoveryCodes } from './regenerateRecoveryCodes';
import { revealsSecrets } from './revealsSecrets';
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
  | 'downloadRecoveryCodes'
  | 'markSecretsHidden';

/** The two-factor part of the handler table. The second sign-in step needs a challenge; the rest a session (runInSession). */
export function createTwoFactorHandlers(deps: CoreDependencies): Pick<HandlerTable, TwoFactorOperation> {
  return {
    submitTwoFactorCode: (input) => submitTwoFactorCode(deps, input),
    submitRecoveryCode: (input) => submitRecoveryCode(deps, input),
    cancelTwoFactorChallenge: () => cancelTwoFactorChallenge(deps),
    extendTwoFactorChallenge: () => extendTwoFactorChallenge(deps),
    getTwoFactorStatus: () => runInSession(deps, (scoped) => getTwoFactorStatus(scoped)),
    beginTwoFactorEnrollment: revealsSecrets(deps, (input) => runInSession(deps, (scoped) => beginTwoFactorEnrollment(scoped, input))),
    confirmTwoFactorEnrollment: revealsSecrets(deps, (input) => runInSession(deps, (scoped) => confirmTwoFactorEnrollment(scoped, input))),
    cancelTwoFactorEnrollment: () => runInSession(deps, (scoped) => cancelTwoFactorEnrollment(scoped)),
    extendTwoFactorEnrollment: () => runInSession(deps, (scoped) => extendTwoFactorEnrollment(scoped)),
    getRecoveryCodes: revealsSecrets(deps, (input) => runInSession(deps, (scoped) => getRecoveryCodes(scoped, input))),
    regenerateRecoveryCodes: revealsSecrets(deps, (input) => runInSession(deps, (scoped) => regenerateRecoveryCodes(scoped, input))),
    deactivateTwoFactor: (input) => runInSession(deps, (scoped) => deactivateTwoFactor(scoped, input)),
    copyToClipboard: (input) => runInSession(deps, (scoped) => copyToClipboard(scoped, input)),
    downloadRecoveryCodes: () => runInSession(deps, (scoped) => downloadRecoveryCodes(scoped)),
    markSecretsHidden: () => markSecretsHidden(deps),
  };
}
