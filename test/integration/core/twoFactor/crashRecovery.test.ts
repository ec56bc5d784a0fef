import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADA, createBackendHarness, expectOk, type BackendHarness } from '../../../support/backendHarness';
import { activateTwoFactor, codeAt, queryDatabase, signInToChallenge, STEP_MS } from '../../../support/twoFactorSteps';
import { expectWitnessesInSync, secretsOnly } from '../../../support/witness';

/**
 * A crash between a keychain write and the SQLite commit, simulated by a keychain call that never
 * settles (the app "dies" there), then a restart. Start-up reconciliation must leave the account
 * fully before or fully after the change, with no orphaned keychain entries.
 */
describe('crash safety: keychain writes, the commit, and reconciliation at start-up', () => {
  let harness: BackendHarness;
  beforeEach(() => {
    harness = createBackendHarness();
  });
  afterEach(() => harness.cleanup());

  /** The secrets in the keychain, by kind; the witnesses are checked by restart(). */
  const kinds = () =>
    secretsOnly(harness.secretStore.entries.keys())
      .map((key) => key.split('/')[1])
      .sort();
  async function restart(): Promise<void> {
    harness.secretStore.heal();
    harness.reopen();
    await harness.backend.reconciled;
    await expectWitnessesInSync(harness.secretStore, harness.dataDir);
  }
  /** Starts an operation that will never finish, and waits until it is stuck on the frozen keychain call. */
  async function crashDuring(start: () => Promise<unknown>): Promise<void> {
    void start();
    await harness.secretStore.crashed();
  }

  it('activation: crash after the keychain writes, before the commit → fully inactive, no orphans', async () => {
    expectOk(await harness.call('createAccount', ADA));
    const { enrollment } = expectOk(await harness.call('beginTwoFactorEnrollment', { password: ADA.password }));
    harness.secretStore.freeze('set', { afterCalls: 1, perform: true }); // TOTP written, recovery written, then death
    await crashDuring(async () => harness.call('confirmTwoFactorEnrollment', { code: await codeAt(harness, enrollment.secretKey) }));
    expect(kinds()).toEqual(['recovery', 'totp', 'totp-pending']);
    await restart();
    expect(kinds()).toEqual([]);
    expect(queryDatabase(harness, 'SELECT * FROM two_factor')).toEqual([]);
    expect(expectOk(await harness.call('signIn', { email: ADA.email, password: ADA.password })).session).toBeDefined();
  });

  it('activation: crash after the commit, before the pending entry is deleted → fully active, codes work', async () => {
    expectOk(await harness.call('createAccount', ADA));
    const { enrollment } = expectOk(await harness.call('beginTwoFactorEnrollment', { password: ADA.password }));
    harness.secretStore.freeze('delete');
    await crashDuring(async () => harness.call('confirmTwoFactorEnrollment', { code: await codeAt(harness, enrollment.secretKey) }));
    expect(queryDatabase(harness, 'SELECT count(*) AS n FROM recovery_codes')).toEqual([{ n: 10 }]);
    await restart();
    expect(kinds()).toEqual(['recovery', 'totp']);
    await signInToChallenge(harness);
    expectOk(await harness.call('submitTwoFactorCode', { code: await codeAt(harness, enrollment.secretKey) }));
    const { recoveryCodes } = expectOk(await harness.call('getRecoveryCodes', { password: ADA.password }));
    await signInToChallenge(harness);
    expectOk(await harness.call('submitRecoveryCode', { code: recoveryCodes.codes[0]!.code }));
  });

  it('regeneration: crash before the commit → the old set still works, the new entry is removed', async () => {
    const { recoveryCodes } = await activateTwoFactor(harness);
    harness.secretStore.freeze('set', { perform: true });
    await crashDuring(() => harness.call('regenerateRecoveryCodes', {}));
    expect(kinds()).toEqual(['recovery', 'recovery', 'totp']);
    await restart();
    expect(kinds()).toEqual(['recovery', 'totp']);
    expectOk(await harness.call('signIn', { email: ADA.email, password: ADA.password }));
    expectOk(await harness.call('submitRecoveryCode', { code: recoveryCodes.codes[0]!.code }));
    expect(expectOk(await harness.call('getRecoveryCodes', { password: ADA.password })).recoveryCodes.codes).toEqual([
      { ...recoveryCodes.codes[0]!, used: true },
      ...recoveryCodes.codes.slice(1),
    ]);
  });

  it('regeneration: crash after the commit → the new set works, the old entry is removed', async () => {
    const { recoveryCodes: old } = await activateTwoFactor(harness);
    harness.secretStore.freeze('delete');
    await crashDuring(() => harness.call('regenerateRecoveryCodes', {}));
    await restart();
    expect(kinds()).toEqual(['recovery', 'totp']);
    const [stored] = [...harness.secretStore.entries].filter(([key]) => key.includes('/recovery/'));
    const current = JSON.parse(stored![1]) as string[];
    expect(current).not.toContain(old.codes[0]!.code.replace('-', ''));
    expectOk(await harness.call('signIn', { email: ADA.email, password: ADA.password }));
    expect(await harness.call('submitRecoveryCode', { code: old.codes[0]!.code })).toMatchObject({ error: { code: 'INVALID_CODE' } });
    expectOk(await harness.call('submitRecoveryCode', { code: current[0]! }));
  });

  it('deactivation: crash after the commit, before the keychain deletes → no entries remain', async () => {
    await activateTwoFactor(harness);
    harness.secretStore.freeze('delete');
    await crashDuring(() => harness.call('deactivateTwoFactor', { password: ADA.password }));
    expect(kinds()).toEqual(['recovery', 'totp']);
    await restart();
    expect(kinds()).toEqual([]);
    harness.clock.advance(STEP_MS);
    expect(expectOk(await harness.call('signIn', { email: ADA.email, password: ADA.password })).session).toBeDefined();
  });

  it('skips reconciliation with a warning when the keychain is unavailable at start-up', async () => {
    await activateTwoFactor(harness);
    harness.secretStore.fail(['keys']);
    harness.reopen();
    await harness.backend.reconciled;
    harness.secretStore.heal();
    expect(kinds()).toEqual(['recovery', 'totp']);
  });
});
