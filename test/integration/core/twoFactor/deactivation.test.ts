import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MESSAGES } from '../../../../src-shared/errors';
import { ADA, createBackendHarness, expectOk, type BackendHarness } from '../../../support/backendHarness';
import { activateTwoFactor, queryDatabase, STEP_MS } from '../../../support/twoFactorSteps';
import { expectWitnessesInSync, secretsOnly } from '../../../support/witness';

describe('deactivating two-factor authentication', () => {
  let harness: BackendHarness;
  beforeEach(async () => {
    harness = createBackendHarness();
    await activateTwoFactor(harness);
  });
  afterEach(() => harness.cleanup());

  it('always asks for the password, then removes the secret and the codes from the keychain and the database', async () => {
    expect(await harness.call('deactivateTwoFactor', { password: 'not the password' })).toMatchObject({
      error: { code: 'WRONG_PASSWORD', fields: { password: MESSAGES.wrongPassword } },
    });
    expectOk(await harness.call('deactivateTwoFactor', { password: ADA.password }));
    expect(secretsOnly(harness.secretStore.entries.keys())).toEqual([]);
    expect(queryDatabase(harness, 'SELECT * FROM two_factor')).toEqual([]);
    // What stays is the witness that it was turned off, so a restored backup cannot turn it back on.
    await harness.backend.idle();
    await expectWitnessesInSync(harness.secretStore, harness.dataDir);
    expect(queryDatabase(harness, 'SELECT * FROM recovery_codes')).toEqual([]);
    expect(expectOk(await harness.call('getTwoFactorStatus', {})).status.active).toBe(false);
    expect(expectOk(await harness.call('listSecurityEvents', { limit: 1 })).events[0]?.kind).toBe('two_factor_deactivated');

    expectOk(await harness.call('signOut', {}));
    harness.clock.advance(STEP_MS);
    expect(expectOk(await harness.call('signIn', { email: ADA.email, password: ADA.password })).session).toBeDefined();
  });

  it('refuses when not active', async () => {
    expectOk(await harness.call('deactivateTwoFactor', { password: ADA.password }));
    expect(await harness.call('deactivateTwoFactor', { password: ADA.password })).toEqual({
      ok: false,
      error: { code: 'TWO_FACTOR_NOT_ACTIVE', message: MESSAGES.twoFactorNotActive },
    });
  });

  it('changes nothing while the keychain is unavailable', async () => {
    harness.secretStore.fail();
    expect(await harness.call('deactivateTwoFactor', { password: ADA.password })).toMatchObject({
      error: { code: 'SECRET_STORE_UNAVAILABLE' },
    });
    harness.secretStore.heal();
    expect(expectOk(await harness.call('getTwoFactorStatus', {})).status.active).toBe(true);
    expect(secretsOnly(harness.secretStore.entries.keys())).toHaveLength(2);
  });
});
