import { createPinia, setActivePinia } from 'pinia';
import { vi, type Mock } from 'vitest';
import { actsInSession } from '../../../src-shared/access';
import type { GatehouseApi, OperationInput, OperationOutput } from '../../../src-shared/contract';
import { MESSAGES, type ApiError } from '../../../src-shared/errors';
import { SESSION_IDLE_TIMEOUT_MS, type AccountSummary, type SessionInfo } from '../../../src-shared/models';
import { OPERATION_NAMES, type OperationName } from '../../../src-shared/operations';
import { fail, ok, type Result } from '../../../src-shared/result';
import { setGatehouseApi } from '../../../src-renderer/api/gatehouseApi';

/** One vi.fn per operation, so tests can set replies and inspect calls. */
export type FakeApi = {
  -readonly [K in OperationName]: Mock<(input: OperationInput<K>) => Promise<Result<OperationOutput<K>>>>;
};

export const ADA: AccountSummary = { id: 'acc-ada', name: 'Ada Lovelace', email: 'ada@example.com' };
export const FIFTEEN_MINUTES = SESSION_IDLE_TIMEOUT_MS;

export function sessionFor(account: AccountSummary = ADA, expiresAt = Date.now() + FIFTEEN_MINUTES): SessionInfo {
  return { account, expiresAt };
}

export const notSignedIn: ApiError = { code: 'NOT_SIGNED_IN', message: MESSAGES.notSignedIn };

/**
 * A fake bridge, installed as the API. Like main, it remembers the session that
 * signIn/createAccount started until signOut or its expiry; it has no accounts,
 * and every other signed-in call is refused with NOT_SIGNED_IN unless a test says otherwise.
 * Like main's dispatch, a successful reply to an operation that acts within the session
 * (src-shared/access.ts) moves the session's expiry and carries it as `sessionExpiresAt`.
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
  const stamp = (operation: OperationName, reply: unknown): unknown => {
    if (!actsInSession(operation) || !isOk(reply) || !current || Date.now() >= current.expiresAt) return reply;
    current = { ...current, expiresAt: Date.now() + SESSION_IDLE_TIMEOUT_MS };
    return { ...reply, sessionExpiresAt: current.expiresAt };
  };
  setGatehouseApi(bridgeTo(api, stamp));
  return api;
}

/** A bridge to the fake's replies exactly as tests set them, without the expiry main adds (as before it did). */
export function unstampedBridge(api: FakeApi): GatehouseApi {
  return bridgeTo(api, (_, reply) => reply);
}

function bridgeTo(api: FakeApi, after: (operation: OperationName, reply: unknown) => unknown): GatehouseApi {
  return Object.fromEntries(
    OPERATION_NAMES.map((operation) => [operation, async (input: never) => after(operation, await api[operation](input))]),
  ) as unknown as GatehouseApi;
}

function isOk(reply: unknown): reply is { ok: true } {
  return typeof reply === 'object' && reply !== null && 'ok' in reply && reply.ok === true;
}

/** For a store test's beforeEach: fake timers at `start`, a fresh Pinia, and a fresh fake bridge (returned). */
export function freshStoresAt(start: number): FakeApi {
  vi.useFakeTimers();
  vi.setSystemTime(start);
  setActivePinia(createPinia());
  return installFakeApi();
}

/** For the afterEach that goes with freshStoresAt. */
export function tearDownStores(): void {
  vi.useRealTimers();
  setGatehouseApi(null);
}
