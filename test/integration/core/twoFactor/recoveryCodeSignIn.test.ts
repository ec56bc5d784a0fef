import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MESSAGES } from '../../../../src-shared/errors';
import type { RecoveryCodeSet } from '../../../../src-shared/models';
import { ADA, createBackendHarness, expectOk, type BackendHarness } from '../../../support/backendHarness';
import { activateTwoFactor, codeAt, signInToChallenge } from '../../../support/twoFactorSteps';

describe('signing in with a recovery code', () => {
  let harness: BackendHarness;
  let secret: string;
  let recoveryCodes: RecoveryCodeSet;
  beforeEach(async () => {
    harness = createBackendHarness();
    ({ secret, recoveryCodes } = await activateTwoFactor(harness));
  });
  afterEach(() => harness.cleanup());
  const code = (index: number) => recoveryCodes.codes[index]!.code;

  it('signs in, uses the code up and says how many remain', async () => {
    expect(recoveryCodes.remaining).toBe(10);
    await signInToChallenge(harness);
    const result = expectOk(await harness.call('submitRecoveryCode', { code: code(0) }));
    expect(result.recoveryCodesRemaining).toBe(9);
    expect(result.session.account.email).toBe(ADA.email);
    const kinds = expectOk(await harness.call('listSecurityEvents', { limit: 2 })).events.map((event) => event.kind);
    expect(kinds).toEqual(['signed_in', 'recovery_code_used']);
    expect(expectOk(await harness.call('getTwoFactorStatus', {})).status.recoveryCodesRemaining).toBe(9);
  });

  it('accepts each code once only', async () => {
    await signInToChallenge(harness);
    expectOk(await harness.call('submitRecoveryCode', { code: code(3) }));
    await signInToChallenge(harness);
    expect(await harness.call('submitRecoveryCode', { code: code(3) })).toEqual({
      ok: false,
      error: {
        code: 'INVALID_CODE',
        message: MESSAGES.invalidRecoveryCode,
        fields: { code: MESSAGES.invalidRecoveryCode },
        attemptsLeft: 4,
      },
    });
  });

  it('ignores case, dashes and spaces', async () => {
    await signInToChallenge(harness);
    expectOk(await harness.call('submitRecoveryCode', { code: ` ${code(1).toUpperCase().replace('-', ' ')} ` }));
    await signInToChallenge(harness);
    expectOk(await harness.call('submitRecoveryCode', { code: code(2).replace('-', '') }));
  });

  it('lets exactly one of two simultaneous submissions of one code through', async () => {
    await signInToChallenge(harness);
    const results = await Promise.all([
      harness.call('submitRecoveryCode', { code: code(4) }),
      harness.call('submitRecoveryCode', { code: code(4) }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(expectOk(await harness.call('getTwoFactorStatus', {})).status.recoveryCodesRemaining).toBe(9);
  });

  it('stops accepting the old set the moment codes are regenerated', async () => {
    const { recoveryCodes: fresh } = expectOk(await harness.call('regenerateRecoveryCodes', { password: ADA.password }));
    expect(fresh.codes.map((entry) => entry.code)).not.toContain(code(0));
    await signInToChallenge(harness);
    expect(await harness.call('submitRecoveryCode', { code: code(0) })).toMatchObject({ error: { code: 'INVALID_CODE' } });
    expectOk(await harness.call('submitRecoveryCode', { code: fresh.codes[0]!.code }));
  });

  it('works while the keychain is unavailable, where a TOTP code cannot be checked', async () => {
    await signInToChallenge(harness);
    harness.secretStore.fail();
    expect(await harness.call('submitTwoFactorCode', { code: await codeAt(harness, secret) })).toEqual({
      ok: false,
      error: { code: 'SECRET_STORE_UNAVAILABLE', message: MESSAGES.secretStoreUnavailableAtSignIn },
    });
    // Not a wrong code: nothing counted against the person.
    expect(expectOk(await harness.call('getSession', {})).challenge?.attemptsLeft).toBe(5);
    expectOk(await harness.call('submitRecoveryCode', { code: code(5) }));
  });

  it('explains a TOTP secret missing from the keychain, and the recovery code still works', async () => {
    harness.secretStore.entries.forEach((_value, key) => key.includes('/totp/') && harness.secretStore.entries.delete(key));
    await signInToChallenge(harness);
    expect(await harness.call('submitTwoFactorCode', { code: await codeAt(harness, secret) })).toEqual({
      ok: false,
      error: { code: 'SECRET_MISSING', message: MESSAGES.secretMissing },
    });
    expectOk(await harness.call('submitRecoveryCode', { code: code(6) }));
  });
});
