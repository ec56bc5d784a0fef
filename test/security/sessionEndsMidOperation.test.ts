import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OperationInput } from '../../src-shared/contract';
import { MESSAGES } from '../../src-shared/errors';
import type { OperationName } from '../../src-shared/operations';
import type { Result } from '../../src-shared/result';
import { ADA, createBackendHarness, expectOk, type BackendHarness } from '../support/backendHarness';
import { createPausableHasher } from '../support/pausableHasher';
import type { HeldCall } from '../support/pausePoints';
import { activateTwoFactor, codeAt, queryDatabase } from '../support/twoFactorSteps';
import { recordSecurityCheck } from '../support/securityCheck';

/**
 * Issue 11, item 3: an operation must not outlive the session it started in. Each signed-in
 * operation that awaits is held at each of its awaits (a hash or a keychain answer), the session
 * ends right there (sign-out, screen lock, or sign-out and a new sign-in), then the held call
 * answers. The operation must answer NOT_SIGNED_IN, commit nothing, return no secret, copy or
 * save nothing, and leave no keychain entry it wrote.
 */
type Setup = 'signed in' | 'enrolling' | 'active';
type Harness = BackendHarness & { hasher: ReturnType<typeof createPausableHasher> };
/** `passwordCheck`: held while the account's password lock is taken, so a new sign-in would queue behind it. */
type HoldPoint = { readonly at: string; readonly passwordCheck?: boolean; hold(harness: Harness): HeldCall };

interface AwaitingOperation {
  readonly name: OperationName;
  readonly setup: Setup;
  payload(harness: Harness, secret: string | null): Promise<object> | object;
  readonly points: readonly HoldPoint[];
}

const hashVerify: HoldPoint = { at: 'password check', passwordCheck: true, hold: (h) => h.hasher.hold('verify') };
const newHash: HoldPoint = { at: 'new password hash', passwordCheck: true, hold: (h) => h.hasher.hold('hash') };
const keychain = (operation: 'get' | 'set' | 'delete', n = 1, at = `keychain ${operation} #${n}`): HoldPoint => ({
  at,
  hold: (h) => h.secretStore.hold(operation, { afterCalls: n - 1 }),
});

const OPERATIONS: readonly AwaitingOperation[] = [
  {
    name: 'beginTwoFactorEnrollment',
    setup: 'signed in',
    payload: () => ({ password: ADA.password }),
    points: [hashVerify, keychain('set', 1, 'pending secret write')],
  },
  {
    name: 'confirmTwoFactorEnrollment',
    setup: 'enrolling',
    payload: (h, secret) => codeAt(h, secret!).then((code) => ({ code })),
    points: [
      keychain('get', 1, 'pending secret read'),
      keychain('set', 1, 'TOTP secret write'),
      keychain('set', 2, 'recovery codes write'),
    ],
  },
  { name: 'cancelTwoFactorEnrollment', setup: 'enrolling', payload: () => ({}), points: [keychain('delete', 1, 'pending secret delete')] },
  {
    name: 'copyToClipboard',
    setup: 'enrolling',
    payload: () => ({ item: 'secretKey' }),
    points: [keychain('get', 1, 'pending secret read')],
  },
  {
    name: 'regenerateRecoveryCodes',
    setup: 'active',
    payload: () => ({ password: ADA.password }),
    points: [hashVerify, keychain('set', 1, 'new set write')],
  },
  {
    name: 'getRecoveryCodes',
    setup: 'active',
    payload: () => ({ password: ADA.password }),
    points: [hashVerify, keychain('get', 1, 'codes read')],
  },
  {
    name: 'deactivateTwoFactor',
    setup: 'active',
    payload: () => ({ password: ADA.password }),
    points: [hashVerify, keychain('get', 1, 'keychain check')],
  },
  { name: 'copyToClipboard', setup: 'active', payload: () => ({ item: 'recoveryCodes' }), points: [keychain('get', 1, 'codes read')] },
  { name: 'downloadRecoveryCodes', setup: 'active', payload: () => ({}), points: [keychain('get', 1, 'codes read')] },
  {
    name: 'changePassword',
    setup: 'signed in',
    payload: () => ({ currentPassword: ADA.password, newPassword: 'a new password 2026' }),
    points: [hashVerify, newHash],
  },
  {
    name: 'changeEmail',
    setup: 'signed in',
    payload: () => ({ email: 'ada.new@example.com', password: ADA.password }),
    points: [hashVerify],
  },
  { name: 'deleteAccount', setup: 'signed in', payload: () => ({ password: ADA.password }), points: [hashVerify] },
  {
    name: 'deleteAccount',
    setup: 'active',
    payload: (h, secret) => codeAt(h, secret!).then((code) => ({ password: ADA.password, code })),
    points: [hashVerify, keychain('get', 1, 'TOTP secret read')],
  },
];

type Ending = 'sign-out' | 'screen lock' | 'sign-out and sign in again';
/**
 * A new session for the same account is still another session. Signing in again is tried where
 * two-factor authentication is off (with it on, it needs a code) and the operation does not hold
 * the password lock (the sign-in would wait for it).
 */
const endingsFor = (setup: Setup, point: HoldPoint): Ending[] =>
  setup === 'active' || point.passwordCheck ? ['sign-out', 'screen lock'] : ['sign-out', 'screen lock', 'sign-out and sign in again'];

/** Everything an operation could commit or leak, minus what ending a session itself changes. */
function observable(harness: Harness) {
  return {
    accounts: queryDatabase(harness, 'SELECT id, name, email FROM accounts'),
    twoFactor: queryDatabase(harness, 'SELECT * FROM two_factor'),
    recoveryCodes: queryDatabase(harness, 'SELECT * FROM recovery_codes'),
    passwordHash: queryDatabase(harness, 'SELECT password_hash FROM accounts'),
    events: queryDatabase(harness, "SELECT kind FROM security_events WHERE kind NOT IN ('signed_out', 'signed_in') ORDER BY id"),
    keychain: [...harness.secretStore.entries].filter(([key]) => !key.includes('/totp-pending/')),
    copied: [...harness.desktop.copied],
    saved: [...harness.desktop.saved],
  };
}

describe('a session that ends while an operation awaits', () => {
  let harness: Harness;
  beforeEach(() => {
    const hasher = createPausableHasher();
    harness = Object.assign(createBackendHarness({ hasher: hasher.hasher }), { hasher });
  });
  afterEach(() => harness.cleanup());

  async function prepare(setup: Setup): Promise<string | null> {
    if (setup === 'active') {
      const { secret } = await activateTwoFactor(harness);
      return secret;
    }
    expectOk(await harness.call('createAccount', ADA));
    if (setup === 'signed in') return null;
    return expectOk(await harness.call('beginTwoFactorEnrollment', { password: ADA.password })).enrollment.secretKey;
  }

  async function endSession(ending: Ending): Promise<void> {
    if (ending === 'screen lock') harness.backend.endSession('screen_locked');
    else expectOk(await harness.call('signOut', {}));
    if (ending === 'sign-out and sign in again') expectOk(await harness.call('signIn', { email: ADA.email, password: ADA.password }));
  }

  it.for(OPERATIONS.map((operation) => ({ ...operation, row: `${operation.name} (${operation.setup})` })))(
    '$row, held at each await: NOT_SIGNED_IN, nothing committed, returned, copied or left in the keychain',
    async (operation, ctx) => {
      let races = 0;
      for (const point of operation.points) {
        for (const ending of endingsFor(operation.setup, point)) {
          const label = `${operation.row}, held at ${point.at}, then ${ending}`;
          harness.cleanup();
          const hasher = createPausableHasher();
          harness = Object.assign(createBackendHarness({ hasher: hasher.hasher }), { hasher });
          const secret = await prepare(operation.setup);
          const payload = await operation.payload(harness, secret);
          await harness.backend.idle();
          const before = observable(harness);

          const held = point.hold(harness);
          const answer = harness.call(operation.name, payload as OperationInput<typeof operation.name>) as Promise<Result<unknown>>;
          await held.reached;
          await endSession(ending);
          held.release();
          const result = await answer;
          await harness.backend.idle();

          expect(result, label).toEqual({ ok: false, error: { code: 'NOT_SIGNED_IN', message: MESSAGES.notSignedIn } });
          expect(observable(harness), label).toEqual(before);
          expect(
            [...harness.secretStore.entries.keys()].filter((key) => key.includes('/totp-pending/')),
            label,
          ).toEqual([]);
          races += 1;
        }
      }
      recordSecurityCheck(ctx, { area: 'Faults', check: `session ends mid-operation: ${operation.row}`, tried: races, unit: 'races' });
    },
  );
});
