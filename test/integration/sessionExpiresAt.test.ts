/**
 * Issue 14, item 1: a successful reply to an operation that acts in a session (actsInSession)
 * carries the session's expiry after the call, exactly what getSession reports next, so the
 * renderer needs no second call. Other replies carry none, and neither does the reply of a call
 * that ended its own session (deleting the account).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actsInSession } from '../../src-shared/access';
import type { OperationInput, OperationOutput } from '../../src-shared/contract';
import { SESSION_IDLE_TIMEOUT_MS } from '../../src-shared/models';
import { OPERATION_NAMES, type OperationName } from '../../src-shared/operations';
import { ADA, createBackendHarness, expectOk, type BackendHarness } from '../support/backendHarness';
import { codeAt, STEP_MS } from '../support/twoFactorSteps';

let harness: BackendHarness;
const seen = new Set<OperationName>();

beforeEach(() => {
  harness = createBackendHarness();
});
afterEach(() => harness.cleanup());

/** Calls `operation` a minute after the last call, expects success, and checks the reply's sessionExpiresAt. */
async function call<K extends OperationName>(operation: K, input: OperationInput<K>): Promise<OperationOutput<K>> {
  harness.clock.advance(60_000);
  const reply = await harness.call(operation, input);
  const value = expectOk(reply);
  seen.add(operation);
  const { session } = expectOk(await harness.call('getSession', {}));
  if (actsInSession(operation) && session) {
    expect(reply, operation).toMatchObject({ sessionExpiresAt: harness.clock.now() + SESSION_IDLE_TIMEOUT_MS });
    expect(reply.ok && reply.sessionExpiresAt, operation).toBe(session.expiresAt);
  } else {
    expect(reply, operation).not.toHaveProperty('sessionExpiresAt');
  }
  return value;
}

describe('sessionExpiresAt on replies', () => {
  it('every operation: present after signed-in calls and equal to what getSession reports, absent otherwise', async () => {
    await call('getStartupNotice', {});
    await call('listAccounts', {});
    await call('createAccount', ADA);
    await call('updateProfile', { name: 'Ada King' });
    await call('listSecurityEvents', {});
    await call('getTwoFactorStatus', {});
    await call('changeEmail', { email: 'countess@example.org', password: ADA.password });
    const password = 'difference engine 1822';
    await call('changePassword', { currentPassword: ADA.password, newPassword: password });

    await call('beginTwoFactorEnrollment', { password });
    await call('extendTwoFactorEnrollment', {});
    await call('cancelTwoFactorEnrollment', {});
    const { enrollment } = await call('beginTwoFactorEnrollment', { password });
    await call('copyToClipboard', { item: 'secretKey' });
    const secret = enrollment.secretKey;
    await call('confirmTwoFactorEnrollment', { code: await codeAt(harness, secret, 2) }); // call() moves the clock on two steps first;
    await call('markSecretsHidden', {});
    await call('getRecoveryCodes', {});
    const { recoveryCodes } = await call('regenerateRecoveryCodes', {});
    await call('copyToClipboard', { item: 'recoveryCodes' });
    await call('downloadRecoveryCodes', {});

    await call('signOut', {});
    harness.clock.advance(STEP_MS);
    await call('signIn', { email: 'countess@example.org', password });
    await call('extendTwoFactorChallenge', {});
    await call('cancelTwoFactorChallenge', {});
    await call('signIn', { email: 'countess@example.org', password });
    await call('submitRecoveryCode', { code: recoveryCodes.codes[0]!.code });
    await call('signOut', {});
    harness.clock.advance(STEP_MS);
    await call('signIn', { email: 'countess@example.org', password });
    await call('submitTwoFactorCode', { code: await codeAt(harness, secret, 2) }); // call() moves the clock on two steps first;
    await call('deactivateTwoFactor', { password });
    // Deleting the account ends its session: no expiry to report.
    await call('deleteAccount', { password });
    await call('getSession', {});

    expect([...seen].sort()).toEqual([...OPERATION_NAMES].sort());
  });

  it('moves with each signed-in call, and getSession alone does not move it', async () => {
    const created = expectOk(await harness.call('createAccount', ADA));
    harness.clock.advance(5 * 60_000);
    expect(expectOk(await harness.call('getSession', {})).session?.expiresAt).toBe(created.session.expiresAt);
    const reply = await harness.call('listSecurityEvents', {});
    expect(reply.ok && reply.sessionExpiresAt).toBe(created.session.expiresAt + 5 * 60_000);
  });
});
