/**
 * One valid input per operation, meaningful against the fuzz target's data (ADA signed in with
 * two-factor authentication active): the starting point of every near-valid mutation, and the
 * payload the sender tests send, so a refused call is refused for who sent it, not for what.
 * The mapped type makes a new operation without an example a type error; a test checks it too.
 */
import type { OperationInput } from '../../../src-shared/contract';
import { CLIPBOARD_ITEMS } from '../../../src-shared/models';
import type { OperationName } from '../../../src-shared/operations';
import { ADA } from '../../support/backendHarness';

export const GRACE = { name: 'Grace Hopper', email: 'grace@example.com', password: 'cobol compiler 1959' } as const;

export const VALID_EXAMPLES: { readonly [K in OperationName]: OperationInput<K> } = {
  listAccounts: {},
  createAccount: GRACE,
  signIn: { email: ADA.email, password: ADA.password },
  signOut: {},
  getSession: {},
  updateProfile: { name: 'Ada King' },
  changePassword: { currentPassword: ADA.password, newPassword: 'difference engine 1822' },
  changeEmail: { email: 'countess@example.org', password: ADA.password },
  deleteAccount: { password: ADA.password, code: '123 456' },
  listSecurityEvents: { limit: 20 },
  submitTwoFactorCode: { code: '123 456' },
  submitRecoveryCode: { code: 'ABCDE-FGHJK' },
  cancelTwoFactorChallenge: {},
  extendTwoFactorChallenge: {},
  getTwoFactorStatus: {},
  beginTwoFactorEnrollment: { password: ADA.password },
  confirmTwoFactorEnrollment: { code: '123456' },
  cancelTwoFactorEnrollment: {},
  extendTwoFactorEnrollment: {},
  getRecoveryCodes: { password: ADA.password },
  regenerateRecoveryCodes: { password: ADA.password },
  deactivateTwoFactor: { password: ADA.password },
  copyToClipboard: { item: CLIPBOARD_ITEMS[1] },
  downloadRecoveryCodes: {},
  getStartupNotice: {},
  markSecretsHidden: {},
};

/** The example as a plain record, for code that mutates payloads generically. */
export function validExample(operation: OperationName): Readonly<Record<string, unknown>> {
  return VALID_EXAMPLES[operation] as Readonly<Record<string, unknown>>;
}
