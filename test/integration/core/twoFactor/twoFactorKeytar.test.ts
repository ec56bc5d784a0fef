import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createKeytarSecretStore } from '../../../../src-main/core/secrets/keytarSecretStore';
import { ADA, createBackendHarness, expectOk, type BackendHarness } from '../../../support/backendHarness';
import { activateTwoFactor, codeAt, queryDatabase, signInToChallenge } from '../../../support/twoFactorSteps';
import { expectWitnessesInSync } from '../../../support/witness';

// Runs against the private Secret Service that scripts/with-private-keyring.sh starts for the test run.
describe('two-factor authentication against the real keychain (keytar, Secret Service)', () => {
  const keychain = createKeytarSecretStore(`Gatehouse-2fa-test-${randomUUID()}`);
  const harnesses: BackendHarness[] = [];
  const open = () => {
    const harness = createBackendHarness({ secretStore: keychain });
    harnesses.push(harness);
    return harness;
  };
  afterEach(() => harnesses.splice(0).forEach((harness) => harness.cleanup()));
  afterAll(async () => {
    for (const key of await keychain.keys()) await keychain.delete(key);
  });

  it('activates, signs in with a code and a recovery code, regenerates, and deactivates', async () => {
    const harness = open();
    const { secret, recoveryCodes } = await activateTwoFactor(harness);
    const installationId = queryDatabase<{ value: string }>(harness, "SELECT value FROM meta WHERE key = 'installation_id'")[0]!.value;
    const mine = async () => (await keychain.keys()).filter((key) => key.startsWith(`${installationId}/`));
    await harness.backend.idle();
    expect((await mine()).map((key) => key.split('/')[1]).sort()).toEqual(['recovery', 'totp', 'witness']);
    expect(await keychain.get(`${installationId}/totp/${expectOk(await harness.call('getSession', {})).session!.account.id}`)).toBe(secret);

    await signInToChallenge(harness);
    expectOk(await harness.call('submitTwoFactorCode', { code: await codeAt(harness, secret) }));
    await signInToChallenge(harness);
    expect(expectOk(await harness.call('submitRecoveryCode', { code: recoveryCodes.codes[0]!.code })).recoveryCodesRemaining).toBe(9);
    expectOk(await harness.call('regenerateRecoveryCodes', { password: ADA.password }));
    expect((await mine()).filter((key) => key.includes('/recovery/'))).toHaveLength(1);
    expectOk(await harness.call('deactivateTwoFactor', { password: ADA.password }));
    await harness.backend.idle();
    // Only the witness stays: it says two-factor authentication was turned off, so a restored backup can't turn it on.
    expect((await mine()).map((key) => key.split('/')[1])).toEqual(['witness']);
    await expectWitnessesInSync(keychain, harness.dataDir);
  });

  it('keeps two data directories apart in one keychain, even through reconciliation', async () => {
    const first = open();
    const second = open();
    const { secret } = await activateTwoFactor(first);
    expectOk(await second.call('createAccount', ADA));
    expectOk(await second.call('beginTwoFactorEnrollment', { password: ADA.password }));
    second.reopen(); // the second installation restarts: its pending entry goes, the first's entries stay
    await second.backend.reconciled;
    await signInToChallenge(first);
    expectOk(await first.call('submitTwoFactorCode', { code: await codeAt(first, secret) }));
    expect((await keychain.keys()).filter((key) => key.includes('/totp-pending/'))).toEqual([]);
  });

  it('leaves a consistent state when the keychain fails in the middle of activation', async () => {
    const harness = open();
    expectOk(await harness.call('createAccount', ADA));
    const { enrollment } = expectOk(await harness.call('beginTwoFactorEnrollment', { password: ADA.password }));
    harness.secretStore.fail(['set'], 1);
    const result = await harness.call('confirmTwoFactorEnrollment', { code: await codeAt(harness, enrollment.secretKey) });
    expect(result).toMatchObject({ ok: false, error: { code: 'SECRET_STORE_UNAVAILABLE' } });
    harness.secretStore.heal();
    const installationId = queryDatabase<{ value: string }>(harness, "SELECT value FROM meta WHERE key = 'installation_id'")[0]!.value;
    const mine = async () => (await keychain.keys()).filter((key) => key.startsWith(`${installationId}/`));
    expect(queryDatabase(harness, 'SELECT * FROM two_factor')).toEqual([]);
    // The half-written activation was undone at once; only the still-pending enrollment remains.
    expect((await mine()).map((key) => key.split('/')[1])).toEqual(['totp-pending']);
    harness.reopen();
    await harness.backend.reconciled;
    expect(await mine()).toEqual([]);
  });
});
