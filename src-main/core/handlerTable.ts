import type { AccessOf } from '../../src-shared/access';
import type { OperationOutput, ValidatedInput } from '../../src-shared/contract';
import type { StartupNotice } from '../../src-shared/models';
import type { OperationName } from '../../src-shared/operations';
import type { CoreDependencies } from './coreDependencies';
import { beginTwoFactorEnrollment } from './operations/beginTwoFactorEnrollment';
import { cancelTwoFactorChallenge } from './operations/cancelTwoFactorChallenge';
import { cancelTwoFactorEnrollment } from './operations/cancelTwoFactorEnrollment';
import { changeEmail } from './operations/changeEmail';
import { changePassword } from './operations/changePassword';
import { confirmTwoFactorEnrollment } from './operations/confirmTwoFactorEnrollment';
import { copyToClipboard } from './operations/copyToClipboard';
import { createAccount } from './operations/createAccount';
import { deactivateTwoFactor } from './operations/deactivateTwoFactor';
import { deleteAccount } from './operations/deleteAccount';
import { downloadRecoveryCodes } from './operations/downloadRecoveryCodes';
import { extendTwoFactorChallenge } from './operations/extendTwoFactorChallenge';
import { extendTwoFactorEnrollment } from './operations/extendTwoFactorEnrollment';
import { getRecoveryCodes } from './operations/getRecoveryCodes';
import { getSession } from './operations/getSession';
import { getStartupNotice } from './operations/getStartupNotice';
import { getTwoFactorStatus } from './operations/getTwoFactorStatus';
import { listAccounts } from './operations/listAccounts';
import { listSecurityEvents } from './operations/listSecurityEvents';
import { markSecretsHidden } from './operations/markSecretsHidden';
import { regenerateRecoveryCodes } from './operations/regenerateRecoveryCodes';
import { signIn } from './operations/signIn';
import { signOut } from './operations/signOut';
import { submitRecoveryCode } from './operations/submitRecoveryCode';
import { submitTwoFactorCode } from './operations/submitTwoFactorCode';
import { updateProfile } from './operations/updateProfile';
import type { PasswordPrechecks, SessionScope } from './session/accessGate';
import type { SignedIn } from './session/requireSignedIn';
import { requireTwoFactorActive, requireTwoFactorInactive } from './twoFactor/requireTwoFactorActive';
import { revealsSecrets } from './twoFactor/revealsSecrets';

/**
 * One handler per operation, called by dispatch through the access gate (session/accessGate.ts)
 * only with input that passed the operation's schema. Handlers of `session` and `freshPassword`
 * operations run inside runInSession and get its scoped dependencies and the signed-in account.
 */
export type HandlerTable = {
  readonly [K in OperationName]: AccessOf<K> extends 'session' | 'freshPassword'
    ? (input: ValidatedInput<K>, scope: SessionScope) => Promise<OperationOutput<K>>
    : (input: ValidatedInput<K>) => Promise<OperationOutput<K>>;
};

/** `startupNotice`: what start-up did to a damaged database, for the first screen to say. */
export function createHandlerTable(deps: CoreDependencies, startupNotice: StartupNotice | null = null): HandlerTable {
  return {
    getStartupNotice: () => getStartupNotice(startupNotice),
    listAccounts: () => listAccounts(deps),
    createAccount: (input) => createAccount(deps, input),
    signIn: (input) => signIn(deps, input),
    signOut: () => signOut(deps),
    getSession: () => getSession(deps),
    markSecretsHidden: () => markSecretsHidden(deps),
    cancelTwoFactorChallenge: () => cancelTwoFactorChallenge(deps),
    submitTwoFactorCode: (input) => submitTwoFactorCode(deps, input),
    submitRecoveryCode: (input) => submitRecoveryCode(deps, input),
    extendTwoFactorChallenge: () => extendTwoFactorChallenge(deps),
    updateProfile: (input, { deps: scoped, signedIn }) => updateProfile(scoped, signedIn, input),
    changePassword: (input, { deps: scoped, signedIn }) => changePassword(scoped, signedIn, input),
    changeEmail: (input, { deps: scoped, signedIn }) => changeEmail(scoped, signedIn, input),
    deleteAccount: (input, { deps: scoped, signedIn }) => deleteAccount(scoped, signedIn, input),
    listSecurityEvents: (input, { deps: scoped, signedIn }) => listSecurityEvents(scoped, signedIn, input),
    getTwoFactorStatus: (_input, { deps: scoped, signedIn }) => getTwoFactorStatus(scoped, signedIn),
    confirmTwoFactorEnrollment: revealsSecrets(deps, (input, { deps: scoped, signedIn }) =>
      confirmTwoFactorEnrollment(scoped, signedIn, input),
    ),
    cancelTwoFactorEnrollment: (_input, { deps: scoped, signedIn }) => cancelTwoFactorEnrollment(scoped, signedIn),
    extendTwoFactorEnrollment: (_input, { deps: scoped, signedIn }) => extendTwoFactorEnrollment(scoped, signedIn),
    copyToClipboard: (input, { deps: scoped, signedIn }) => copyToClipboard(scoped, signedIn, input),
    beginTwoFactorEnrollment: revealsSecrets(deps, (input, { deps: scoped, signedIn }) =>
      beginTwoFactorEnrollment(scoped, signedIn, input),
    ),
    getRecoveryCodes: revealsSecrets(deps, (input, { deps: scoped, signedIn }) => getRecoveryCodes(scoped, signedIn, input)),
    regenerateRecoveryCodes: revealsSecrets(deps, (input, { deps: scoped, signedIn }) => regenerateRecoveryCodes(scoped, signedIn, input)),
    deactivateTwoFactor: (input, { deps: scoped, signedIn }) => deactivateTwoFactor(scoped, signedIn, input),
    downloadRecoveryCodes: (_input, { deps: scoped, signedIn }) => downloadRecoveryCodes(scoped, signedIn),
  };
}

const twoFactorOn = (deps: CoreDependencies, { account }: SignedIn): void => void requireTwoFactorActive(deps, account.id);
const twoFactorOff = (deps: CoreDependencies, { account }: SignedIn): void => requireTwoFactorInactive(deps, account.id);

/**
 * What `freshPassword` operations refuse before the password is checked (see PasswordPrechecks);
 * each use case checks the same again under its lock.
 */
export const PASSWORD_PRECHECKS: PasswordPrechecks = {
  beginTwoFactorEnrollment: twoFactorOff,
  getRecoveryCodes: twoFactorOn,
  regenerateRecoveryCodes: twoFactorOn,
  deactivateTwoFactor: twoFactorOn,
  downloadRecoveryCodes: twoFactorOn,
};
