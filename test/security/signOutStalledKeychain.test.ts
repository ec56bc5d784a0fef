import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OperationInput } from '../../src-shared/contract';
import { MESSAGES } from '../../src-shared/errors';
import type { OperationName } from '../../src-shared/operations';
import type { Result } from '../../src-shared/result';
import { ADA, createBackendHarness, expectOk, type BackendHarness } from '../support/backendHarness';
import { codeAt } from '../support/twoFactorSteps';
import { recordSecurityCheck } from '../support/securityCheck';

/** Every operation that needs a session, with a payload that would pass its schema. */
const SIGNED_IN_OPERATIONS: readonly [OperationName, object][] = [
  ['updateProfile', { name: 'Someone Else' }],
  ['changePassword', { currentPassword: ADA.password, newPassword: 'another password 2026' }],
  ['listSecurityEvents', { limit: 10 }],
  ['getTwoFactorStatus', {}],
  ['beginTwoFactorEnrollment', { password: ADA.password }],
  ['cancelTwoFactorEnrollment', {}],
  ['getRecoveryCodes', { password: ADA.password }],
  ['regenerateRecoveryCodes', { password: ADA.password }],
  ['deactivateTwoFactor', { password: ADA.password }],
  ['copyToClipboard', { item: 'secretKey' }],
  ['downloadRecoveryCodes', {}],
];

/** Whether `promise` has settled once everything already queued has run (no timing involved). */
async function settledNow(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  void promise.then(() => (settled = true));
  await new Promise((resolve) => setImmediate(resolve));
  return settled;
}

/**
 * Issue 11, item 2: with an enrollment pending, sign-out used to await the keychain deletion of the
 * pending secret before ending the session; a keychain that never answers (an unlock prompt left
 * open) left the session fully usable. The session must end at once, the clean-up run afterwards.
 */
describe('sign-out with a keychain that never answers', () => {
  let harness: BackendHarness;
  beforeEach(() => {
    harness = createBackendHarness();
  });
  afterEach(() => harness.cleanup());

  it('ends the session at once; nothing can use it; the pending secret goes at the next start', async (ctx) => {
    expectOk(await harness.call('createAccount', ADA));
    const { enrollment } = expectOk(await harness.call('beginTwoFactorEnrollment', { password: ADA.password }));
    harness.secretStore.freeze('delete');

    const signOut = harness.call('signOut', {});
    expect(await settledNow(signOut)).toBe(true);
    expect(await signOut).toEqual({ ok: true, value: {} });
    expect(expectOk(await harness.call('getSession', {}))).toEqual({ session: null, endedReason: 'user' });

    let refused = 0;
    const attempts: [OperationName, object][] = [
      ...SIGNED_IN_OPERATIONS,
      ['confirmTwoFactorEnrollment', { code: await codeAt(harness, enrollment.secretKey) }],
    ];
    for (const [operation, payload] of attempts) {
      const result = (await harness.call(operation, payload as OperationInput<typeof operation>)) as Result<unknown>;
      expect(result, operation).toEqual({ ok: false, error: { code: 'NOT_SIGNED_IN', message: MESSAGES.notSignedIn } });
      refused += 1;
    }
    expect(harness.desktop.copied).toEqual([]);

    // The person can sign in again at once; the old enrollment is gone with its session.
    expectOk(await harness.call('signIn', { email: ADA.email, password: ADA.password }));
    expect(await harness.call('confirmTwoFactorEnrollment', { code: await codeAt(harness, enrollment.secretKey) })).toMatchObject({
      ok: false,
      error: { code: 'ENROLLMENT_EXPIRED' },
    });
    expect(expectOk(await harness.call('getTwoFactorStatus', {})).status.active).toBe(false);

    // The deletion never happened; the next start's reconciliation removes the pending secret.
    expect([...harness.secretStore.entries.keys()].filter((key) => key.includes('/totp-pending/'))).toHaveLength(1);
    harness.secretStore.heal();
    harness.reopen();
    await harness.backend.reconciled;
    expect([...harness.secretStore.entries.keys()]).toEqual([]);

    recordSecurityCheck(ctx, {
      area: 'Faults',
      check: 'sign-out with a stalled keychain: session ends at once',
      tried: refused,
      unit: 'operations refused after sign-out',
    });
  });
});
