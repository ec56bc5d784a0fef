/**
 * Who decides when the window is kept out of screen capture: the core turns protection on before
 * it returns the QR code, the secret key or recovery codes, and off when the renderer says they are
 * hidden or the session ends. Real backend on a real SQLite file; the desktop port records.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SESSION_IDLE_TIMEOUT_MS } from '../../../src-shared/models';
import { ADA, createBackendHarness, expectOk, type BackendHarness } from '../../support/backendHarness';
import { activateTwoFactor, codeAt } from '../../support/twoFactorSteps';

let harness: BackendHarness;
beforeEach(() => {
  harness = createBackendHarness();
});
afterEach(() => harness.cleanup());

const protections = () => harness.desktop.protections;

describe('operations that return secrets protect the screen before they answer', () => {
  it('beginTwoFactorEnrollment (QR code and secret key), then confirmTwoFactorEnrollment (recovery codes)', async () => {
    expectOk(await harness.call('createAccount', ADA));
    expect(protections()).toEqual([]);
    // The reply must not have left main when protection goes on.
    let answered = false;
    const record = harness.desktop.desktop.protectScreen;
    harness.desktop.desktop.protectScreen = (on) => {
      expect(answered).toBe(false);
      record(on);
    };
    const reply = harness.call('beginTwoFactorEnrollment', { password: ADA.password }).finally(() => (answered = true));
    const { enrollment } = expectOk(await reply);
    harness.desktop.desktop.protectScreen = record;
    expect(protections()).toEqual([true]);
    expectOk(await harness.call('confirmTwoFactorEnrollment', { code: await codeAt(harness, enrollment.secretKey) }));
    expect(protections()).toEqual([true, true]);
    expect(harness.desktop.screenProtected()).toBe(true);
  });

  it.each(['getRecoveryCodes', 'regenerateRecoveryCodes'] as const)('%s', async (operation) => {
    await activateTwoFactor(harness);
    expectOk(await harness.call('markSecretsHidden', {}));
    expect(harness.desktop.screenProtected()).toBe(false);
    expectOk(await harness.call(operation, { password: ADA.password }));
    expect(harness.desktop.screenProtected()).toBe(true);
  });

  it('a refused call protects nothing: wrong password, no password confirmed, not signed in', async () => {
    expectOk(await harness.call('createAccount', ADA));
    expect((await harness.call('beginTwoFactorEnrollment', { password: 'not the password at all' })).ok).toBe(false);
    expect((await harness.call('getRecoveryCodes', {})).ok).toBe(false);
    expectOk(await harness.call('signOut', {}));
    const afterSignOut = protections().length;
    expect((await harness.call('regenerateRecoveryCodes', { password: ADA.password })).ok).toBe(false);
    expect(protections().slice(afterSignOut)).toEqual([]);
    expect(protections()).not.toContain(true);
  });

  it('operations that only read status or copy never touch it', async () => {
    await activateTwoFactor(harness);
    const before = protections().length;
    expectOk(await harness.call('getTwoFactorStatus', {}));
    expectOk(await harness.call('copyToClipboard', { item: 'recoveryCodes' }));
    expectOk(await harness.call('listSecurityEvents', {}));
    expect(protections().length).toBe(before);
  });
});

describe('protection ends', () => {
  beforeEach(async () => {
    await activateTwoFactor(harness);
    expect(harness.desktop.screenProtected()).toBe(true);
  });

  it('when the renderer says the secrets are hidden, even with no session left', async () => {
    expectOk(await harness.call('markSecretsHidden', {}));
    expect(harness.desktop.screenProtected()).toBe(false);
    expectOk(await harness.call('signOut', {}));
    expectOk(await harness.call('markSecretsHidden', {}));
    expect(harness.desktop.screenProtected()).toBe(false);
  });

  it('when the person signs out', async () => {
    expectOk(await harness.call('signOut', {}));
    expect(harness.desktop.screenProtected()).toBe(false);
  });

  it('when the session ends for inactivity', async () => {
    harness.clock.advance(SESSION_IDLE_TIMEOUT_MS);
    expect(expectOk(await harness.call('getSession', {})).session).toBeNull();
    expect(harness.desktop.screenProtected()).toBe(false);
  });

  it.each(['screen_locked', 'app_quit', 'window_closed'] as const)('when the session ends as %s', async (reason) => {
    harness.backend.endSession(reason);
    expect(harness.desktop.screenProtected()).toBe(false);
    expect((await harness.call('getRecoveryCodes', { password: ADA.password })).ok).toBe(false);
    expect(harness.desktop.screenProtected()).toBe(false); // signed out: refused, still off
  });
});
