import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MESSAGES } from '../../../../src-shared/errors';
import { ENROLLMENT_TTL_MS } from '../../../../src-shared/twoFactorRules';
import { ADA, createBackendHarness, expectOk, type BackendHarness } from '../../../support/backendHarness';
import { codeAt, queryDatabase } from '../../../support/twoFactorSteps';
import { secretsOnly } from '../../../support/witness';

describe('activating two-factor authentication (two-phase enrollment)', () => {
  let harness: BackendHarness;
  beforeEach(async () => {
    harness = createBackendHarness();
    expectOk(await harness.call('createAccount', ADA));
  });
  afterEach(() => harness.cleanup());

  const keys = () => secretsOnly(harness.secretStore.entries.keys()).map((key) => key.split('/').slice(1, 2).join());
  const begin = async () => expectOk(await harness.call('beginTwoFactorEnrollment', { password: ADA.password })).enrollment;

  it('shows a secret and QR code, keeps the secret pending in the keychain, and enforces nothing yet', async () => {
    const enrollment = await begin();
    expect(enrollment.secretKey).toMatch(/^[A-Z2-7]{32}$/);
    expect(enrollment.qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(enrollment.expiresAt).toBe(harness.clock.now() + ENROLLMENT_TTL_MS);
    expect(keys()).toEqual(['totp-pending']);
    expect(expectOk(await harness.call('getTwoFactorStatus', {})).status.active).toBe(false);
    expectOk(await harness.call('signOut', {}));
    expect(expectOk(await harness.call('signIn', { email: ADA.email, password: ADA.password })).session).toBeDefined();
  });

  it('activates with a valid code and returns 10 unused recovery codes', async () => {
    const enrollment = await begin();
    const { recoveryCodes } = expectOk(
      await harness.call('confirmTwoFactorEnrollment', { code: await codeAt(harness, enrollment.secretKey) }),
    );
    expect(recoveryCodes.codes).toHaveLength(10);
    expect(recoveryCodes).toMatchObject({ remaining: 10, generatedAt: harness.clock.now() });
    expect(recoveryCodes.codes.every((code) => !code.used && /^[a-z2-9]{5}-[a-z2-9]{5}$/.test(code.code))).toBe(true);
    expect(keys().sort()).toEqual(['recovery', 'totp']);
    expect(expectOk(await harness.call('getTwoFactorStatus', {})).status).toEqual({
      active: true,
      activatedAt: harness.clock.now(),
      recoveryCodesRemaining: 10,
      passwordConfirmedUntil: expect.any(Number),
    });
    expect(expectOk(await harness.call('listSecurityEvents', { limit: 1 })).events[0]?.kind).toBe('two_factor_activated');
  });

  it('refuses a wrong code (the person can retry) and hints at clock drift', async () => {
    const enrollment = await begin();
    expect(await harness.call('confirmTwoFactorEnrollment', { code: '000000' })).toEqual({
      ok: false,
      error: { code: 'INVALID_CODE', message: MESSAGES.invalidTotpCode, fields: { code: MESSAGES.invalidTotpCode } },
    });
    expect(await harness.call('confirmTwoFactorEnrollment', { code: await codeAt(harness, enrollment.secretKey, -6) })).toMatchObject({
      error: { code: 'INVALID_CODE', clockDriftMinutes: -3 },
    });
    expectOk(await harness.call('confirmTwoFactorEnrollment', { code: await codeAt(harness, enrollment.secretKey) }));
  });

  it('asks for the password every time, counting a wrong one like a failed sign-in', async () => {
    expect(await harness.call('beginTwoFactorEnrollment', { password: 'not the password' })).toEqual({
      ok: false,
      error: { code: 'WRONG_PASSWORD', message: MESSAGES.wrongPassword, fields: { password: MESSAGES.wrongPassword } },
    });
    expect(queryDatabase(harness, 'SELECT failed_sign_ins FROM accounts')).toEqual([{ failed_sign_ins: 1 }]);
    for (let i = 0; i < 4; i += 1) await harness.call('beginTwoFactorEnrollment', { password: 'not the password' });
    expect(await harness.call('beginTwoFactorEnrollment', { password: ADA.password })).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    expect(harness.secretStore.entries.size).toBe(0);
  });

  it('replaces the pending secret when Activate is clicked again', async () => {
    const first = await begin();
    const second = await begin();
    expect(second.secretKey).not.toBe(first.secretKey);
    expect([...harness.secretStore.entries.values()]).toEqual([second.secretKey]);
    expect(await harness.call('confirmTwoFactorEnrollment', { code: await codeAt(harness, first.secretKey) })).toMatchObject({
      error: { code: 'INVALID_CODE' },
    });
  });

  it('discards the pending secret on cancel, on sign-out and after 10 minutes', async () => {
    await begin();
    expectOk(await harness.call('cancelTwoFactorEnrollment', {}));
    expect(harness.secretStore.entries.size).toBe(0);
    expect(await harness.call('confirmTwoFactorEnrollment', { code: '123456' })).toEqual({
      ok: false,
      error: { code: 'ENROLLMENT_EXPIRED', message: MESSAGES.enrollmentExpired },
    });

    await begin();
    expectOk(await harness.call('signOut', {}));
    expect(harness.secretStore.entries.size).toBe(0);

    expectOk(await harness.call('signIn', { email: ADA.email, password: ADA.password }));
    const late = await begin();
    harness.clock.advance(ENROLLMENT_TTL_MS);
    expect(await harness.call('confirmTwoFactorEnrollment', { code: await codeAt(harness, late.secretKey) })).toMatchObject({
      error: { code: 'ENROLLMENT_EXPIRED' },
    });
    expect(harness.secretStore.entries.size).toBe(0);
    expect(expectOk(await harness.call('getTwoFactorStatus', {})).status.active).toBe(false);
  });

  it('discards the pending secret when the session ends for another reason (screen lock)', async () => {
    await begin();
    harness.backend.endSession('screen_locked');
    await new Promise((resolve) => setImmediate(resolve));
    expect(harness.secretStore.entries.size).toBe(0);
  });

  it('refuses to start again once active', async () => {
    const enrollment = await begin();
    expectOk(await harness.call('confirmTwoFactorEnrollment', { code: await codeAt(harness, enrollment.secretKey) }));
    expect(await harness.call('beginTwoFactorEnrollment', { password: ADA.password })).toEqual({
      ok: false,
      error: { code: 'TWO_FACTOR_ALREADY_ACTIVE', message: MESSAGES.twoFactorAlreadyActive },
    });
  });

  it('fails closed when the keychain is unavailable: SECRET_STORE_UNAVAILABLE and nothing written', async () => {
    harness.secretStore.fail();
    expect(await harness.call('beginTwoFactorEnrollment', { password: ADA.password })).toEqual({
      ok: false,
      error: { code: 'SECRET_STORE_UNAVAILABLE', message: MESSAGES.secretStoreUnavailable },
    });
    harness.secretStore.heal();
    expect(harness.secretStore.entries.size).toBe(0);
    expect(queryDatabase(harness, 'SELECT * FROM two_factor')).toEqual([]);
  });

  it('leaves nothing half-written when the keychain fails in the middle of activation', async () => {
    const enrollment = await begin();
    harness.secretStore.fail(['set'], 1); // the TOTP entry is written, the recovery entry is not
    const result = await harness.call('confirmTwoFactorEnrollment', { code: await codeAt(harness, enrollment.secretKey) });
    expect(result).toMatchObject({ ok: false, error: { code: 'SECRET_STORE_UNAVAILABLE' } });
    harness.secretStore.heal();
    expect(keys()).toEqual(['totp-pending']);
    expect(queryDatabase(harness, 'SELECT * FROM two_factor')).toEqual([]);
    // The enrollment is still pending: the person can retry with the next code.
    harness.clock.advance(30_000);
    expectOk(await harness.call('confirmTwoFactorEnrollment', { code: await codeAt(harness, enrollment.secretKey) }));
  });

  it('requires a session', async () => {
    expectOk(await harness.call('signOut', {}));
    for (const operation of ['getTwoFactorStatus', 'cancelTwoFactorEnrollment', 'downloadRecoveryCodes'] as const) {
      expect(await harness.call(operation, {})).toMatchObject({ error: { code: 'NOT_SIGNED_IN' } });
    }
    expect(await harness.call('confirmTwoFactorEnrollment', { code: '123456' })).toMatchObject({ error: { code: 'NOT_SIGNED_IN' } });
  });
});
