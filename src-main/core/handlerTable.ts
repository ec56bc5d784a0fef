import type { OperationOutput, ValidatedInput } from '../../src-shared/contract';
import type { StartupNotice } from '../../src-shared/models';
import type { OperationName } from '../../src-shared/operations';
import { changeEmail } from './accounts/changeEmail';
import { changePassword } from './accounts/changePassword';
import { createAccount } from './accounts/createAccount';
import { deleteAccount } from './accounts/deleteAccount';
import { getSession } from './accounts/getSession';
import { listAccounts } from './accounts/listAccounts';
import { listSecurityEvents } from './accounts/listSecurityEvents';
import { signIn } from './accounts/signIn';
import { signOut } from './accounts/signOut';
import { updateProfile } from './accounts/updateProfile';
import type { CoreDependencies } from './coreDependencies';
import { runInSession } from './session/runInSession';
import { createTwoFactorHandlers } from './twoFactor/twoFactorHandlers';

/** One handler per operation, called only with input that passed the operation's schema. */
export type HandlerTable = {
  readonly [K in OperationName]: (input: ValidatedInput<K>) => Promise<OperationOutput<K>>;
};

/**
 * `startupNotice`: what start-up did to a damaged database, for the first screen to say.
 * Operations that need a session run inside runInSession: they cannot outlive it.
 */
export function createHandlerTable(deps: CoreDependencies, startupNotice: StartupNotice | null = null): HandlerTable {
  return {
    getStartupNotice: async () => ({ notice: startupNotice }),
    listAccounts: () => listAccounts(deps),
    createAccount: (input) => createAccount(deps, input),
    signIn: (input) => signIn(deps, input),
    signOut: () => signOut(deps),
    getSession: () => getSession(deps),
    updateProfile: (input) => runInSession(deps, (scoped) => updateProfile(scoped, input)),
    changePassword: (input) => runInSession(deps, (scoped) => changePassword(scoped, input)),
    changeEmail: (input) => runInSession(deps, (scoped) => changeEmail(scoped, input)),
    deleteAccount: (input) => runInSession(deps, (scoped) => deleteAccount(scoped, input)),
    listSecurityEvents: (input) => runInSession(deps, (scoped) => listSecurityEvents(scoped, input)),
    ...createTwoFactorHandlers(deps),
  };
}
