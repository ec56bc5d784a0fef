import { vi, type Mock } from 'vitest';
import type { GatehouseApi, OperationInput, OperationOutput } from '../../../src-shared/contract';
import { MESSAGES, type ApiError } from '../../../src-shared/errors';
import type { AccountSummary, SessionInfo } from '../../../src-shared/models';
import type { OperationName } from '../../../src-shared/operations';
import { fail, ok, type Result } from '../../../src-shared/result';
import { setGatehouseApi } from '../../../src-renderer/api/gatehouseApi';

/** One vi.fn per operation, so tests can set replies and inspect calls. */
export type FakeApi = {
  -readonly [K in OperationName]: Mock<(input: OperationInput<K>) => Promise<Result<OperationOutput<K>>>>;
};

export const ADA: AccountSummary = { id: 'acc-ada', name: 'Ada Lovelace', email: 'ada@example.com' };
export const FIFTEEN_MINUTES = 15 * 60 * 1000;

export function sessionFor(account: AccountSummary = ADA, expiresAt = Date.now() + FIFTEEN_MINUTES): SessionInfo {
  return { account, expiresAt };
}

export const notSignedIn: ApiError = { code: 'NOT_SIGNED_IN', message: MESSAGES.notSignedIn };

/**
 * A fake bridge, installed as the API. Like main, it remembers the session that
 * signIn/createAccount started until signOut or its expiry; it has no accounts,
 * and every other signed-in call is refused with NOT_SIGNED_IN unless a test says otherwise.
 */
export function installFakeApi(): FakeApi {
  let current: SessionInfo | null = null;
  const start = (session: SessionInfo) => {
    current = session;
    return ok({ session });
  };
  const api: FakeApi = {
    listAccounts: vi.fn(async () => ok({ accounts: [] })),
    createAccount: vi.fn(async (input) => start(sessionFor({ id: 'acc-new', name: input.name, email: input.email }))),
    signIn: vi.fn(async () => start(sessionFor())),
    signOut: vi.fn(async () => {
      current = null;
      return ok({});
    }),
    getSession: vi.fn(async () => {
      if (current && Date.now() >= current.expiresAt) current = null;
      return ok({ session: current });
    }),
    updateProfile: vi.fn(async () => fail(notSignedIn)),
    changePassword: vi.fn(async () => fail(notSignedIn)),
    changeEmail: vi.fn(async () => fail(notSignedIn)),
    deleteAccount: vi.fn(async () => fail(notSignedIn)),
    listSecurityEvents: vi.fn(async () => fail(notSignedIn)),
    submitTwoFactorCode: vi.fn(async () => fail(notSignedIn)),
    submitRecoveryCode: vi.fn(async () => fail(notSignedIn)),
    cancelTwoFactorChallenge: vi.fn(async () => ok({})),
    extendTwoFactorChallenge: vi.fn(async () => fail({ code: 'CHALLENGE_EXPIRED', message: MESSAGES.challengeExpired })),
    getTwoFactorStatus: vi.fn(async () => fail(notSignedIn)),
    beginTwoFactorEnrollment: vi.fn(async () => fail(notSignedIn)),
    confirmTwoFactorEnrollment: vi.fn(async () => fail(notSignedIn)),
    cancelTwoFactorEnrollment: vi.fn(async () => ok({})),
    extendTwoFactorEnrollment: vi.fn(async () => fail(notSignedIn)),
    getRecoveryCodes: vi.fn(async () => fail(notSignedIn)),
    regenerateRecoveryCodes: vi.fn(async () => fail(notSignedIn)),
    deactivateTwoFactor: vi.fn(async () => fail(notSignedIn)),
    copyToClipboard: vi.fn(async () => fail(notSignedIn)),
    downloadRecoveryCodes: vi.fn(async () => fail(notSignedIn)),
    getStartupNotice: vi.fn(async () => ok({ notice: null })),
    markSecretsHidden: vi.fn(async () => ok({})),
  };
  const bridge: GatehouseApi = api;
  setGatehouseApi(bridge);
  return api;
}
