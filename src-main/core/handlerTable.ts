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
import { createTwoFactorHandlers } from './twoFactor/twoFactorHandlers';

/** One handler per operation, called only with input that passed the operation's schema. */
export type HandlerTable = {
  readonly [K in OperationName]: (input: ValidatedInput<K>) => Promise<OperationOutput<K>>;
};

/** `startupNotice`: what start-up did to a damaged database, for the first screen to say. */
export function createHandlerTable(deps: CoreDependencies, startupNotice: StartupNotice | null = null): HandlerTable {
  return {
    getStartupNotice: async () => ({ notice: startupNotice }),
    listAccounts: () => listAccounts(deps),
    createAccount: (input) => createAccount(deps, input),
    signIn: (input) => signIn(deps, input),
    signOut: () => signOut(deps),
    getSession: () => getSession(deps),
    updateProfile: (input) => updateProfile(deps, input),
    changePassword: (input) => changePassword(deps, input),
    changeEmail: (input) => changeEmail(deps, input),
    deleteAccount: (input) => deleteAccount(deps, input),
    listSecurityEvents: (input) => listSecurityEvents(deps, input),
    ...createTwoFactorHandlers(deps),
  };
}
