import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MESSAGES } from '../../../../src-shared/errors';
import type { RecoveryCodeSet } from '../../../../src-shared/models';
import { PASSWORD_CONFIRMATION_TTL_MS } from '../../../../src-shared/twoFactorRules';
import { ADA, createBackendHarness, expectOk, type BackendHarness } from '../../../support/backendHarness';
import { activateTwoFactor, codeAt, signInToChallenge } from '../../../support/twoFactorSteps';

describe('password confirmation ("sudo"), See/Regenerate, Copy and Download', () => {
  let harness: BackendHarness;
  let secret: string;
  let recoveryCodes: RecoveryCodeSet;
  beforeEach(async () => {
    harness = createBackendHarness();
    ({ secret, recoveryCodes } = await activateTwoFactor(harness));
  });
  afterEach(() => harness.cleanup());
  const status = async () => expectOk(await harness.call('getTwoFactorStatus', {})).status;

  it('counts Activate as a confirmation for 15 minutes, then asks again', async () => {
    const until = (await status()).passwordConfirmedUntil!;
    expect(until).toBe(harness.clock.now() + PASSWORD_CONFIRMATION_TTL_MS);
    expect(expectOk(await harness.call('getRecoveryCodes', {})).recoveryCodes.codes).toEqual(recoveryCodes.codes);
    harness.clock.advance(PASSWORD_CONFIRMATION_TTL_MS - 1000);
    expectOk(await harness.call('getRecoveryCodes', {}));
    harness.clock.advance(1000);
    expect(await harness.call('getRecoveryCodes', {})).toEqual({
      ok: false,
      error: { code: 'PASSWORD_CONFIRMATION_REQUIRED', message: MESSAGES.passwordConfirmationRequired },
    });
    expect((await status()).passwordConfirmedUntil).toBeNull();
    expectOk(await harness.call('getRecoveryCodes', { password: ADA.password }));
    expect((await status()).passwordConfirmedUntil).toBe(harness.clock.now() + PASSWORD_CONFIRMATION_TTL_MS);
  });

  it('does not count signing in as a confirmation, and ends with the session', async () => {
    await signInToChallenge(harness);
    expectOk(await harness.call('submitTwoFactorCode', { code: await codeAt(harness, secret) }));
    expect((await status()).passwordConfirmedUntil).toBeNull();
    expect(await harness.call('regenerateRecoveryCodes', {})).toMatchObject({ error: { code: 'PASSWORD_CONFIRMATION_REQUIRED' } });
  });

  it('refuses a wrong password on the field "password" and counts it towards the sign-in backoff', async () => {
    expect(await harness.call('getRecoveryCodes', { password: 'not the password' })).toEqual({
      ok: false,
      error: { code: 'WRONG_PASSWORD', message: MESSAGES.wrongPassword, fields: { password: MESSAGES.wrongPassword } },
    });
    for (let i = 0; i < 4; i += 1) await harness.call('regenerateRecoveryCodes', { password: 'not the password' });
    expect(await harness.call('getRecoveryCodes', { password: ADA.password })).toMatchObject({ error: { code: 'RATE_LIMITED' } });
  });

  it('shows used codes as used, and logs each viewing', async () => {
    await signInToChallenge(harness);
    expectOk(await harness.call('submitRecoveryCode', { code: recoveryCodes.codes[2]!.code }));
    const { recoveryCodes: seen } = expectOk(await harness.call('getRecoveryCodes', { password: ADA.password }));
    expect(seen.codes.map((code) => code.used)).toEqual([false, false, true, ...Array(7).fill(false)]);
    expect(seen.remaining).toBe(9);
    expect(expectOk(await harness.call('listSecurityEvents', { limit: 1 })).events[0]?.kind).toBe('recovery_codes_viewed');
  });

  it('regenerates a fresh, fully unused set and logs it; the old keychain entry is gone', async () => {
    const { recoveryCodes: fresh } = expectOk(await harness.call('regenerateRecoveryCodes', {}));
    expect(fresh.remaining).toBe(10);
    expect(expectOk(await harness.call('getRecoveryCodes', {})).recoveryCodes.codes).toEqual(fresh.codes);
    expect([...harness.secretStore.entries.keys()].filter((key) => key.includes('/recovery/'))).toHaveLength(1);
    expect(expectOk(await harness.call('listSecurityEvents', { limit: 2 })).events.map((event) => event.kind)).toContain(
      'recovery_codes_regenerated',
    );
  });

  it('explains recovery codes missing from the keychain', async () => {
    for (const key of harness.secretStore.entries.keys()) if (key.includes('/recovery/')) harness.secretStore.entries.delete(key);
    expect(await harness.call('getRecoveryCodes', {})).toEqual({
      ok: false,
      error: { code: 'SECRET_MISSING', message: MESSAGES.recoveryCodesMissing },
    });
  });

  it('copies the secret key only while enrolling, and the codes only when active and confirmed', async () => {
    expectOk(await harness.call('copyToClipboard', { item: 'recoveryCodes' }));
    expect(harness.desktop.copied.at(-1)).toBe(recoveryCodes.codes.map((code) => code.code).join('\n'));
    expect(await harness.call('copyToClipboard', { item: 'secretKey' })).toMatchObject({ error: { code: 'ENROLLMENT_EXPIRED' } });
    harness.clock.advance(PASSWORD_CONFIRMATION_TTL_MS / 2);
    expectOk(await harness.call('getTwoFactorStatus', {})); // activity keeps the session, not the confirmation
    harness.clock.advance(PASSWORD_CONFIRMATION_TTL_MS / 2);
    expect(await harness.call('copyToClipboard', { item: 'recoveryCodes' })).toMatchObject({
      error: { code: 'PASSWORD_CONFIRMATION_REQUIRED' },
    });
    expectOk(await harness.call('deactivateTwoFactor', { password: ADA.password }));
    expect(await harness.call('copyToClipboard', { item: 'recoveryCodes' })).toMatchObject({ error: { code: 'TWO_FACTOR_NOT_ACTIVE' } });
    const { enrollment } = expectOk(await harness.call('beginTwoFactorEnrollment', { password: ADA.password }));
    expectOk(await harness.call('copyToClipboard', { item: 'secretKey' }));
    expect(harness.desktop.copied.at(-1)).toBe(enrollment.secretKey);
  });

  it('downloads a text file naming the app, the account and the date; cancel and write failures are handled', async () => {
    const today = new Date(harness.clock.now());
    expect([today.getFullYear(), today.getMonth(), today.getDate()]).toEqual([2026, 10, 28]); // the fake clock's day
    expect(expectOk(await harness.call('downloadRecoveryCodes', {}))).toEqual({
      saved: true,
      fileName: 'gatehouse-recovery-codes-ada-2026-11-28.txt',
    });
    const file = harness.desktop.saved.at(-1)!;
    expect(file.suggestedName).toBe('gatehouse-recovery-codes-ada-2026-11-28.txt');
    expect(file.contents).toContain('Gatehouse');
    expect(file.contents).toContain(`${ADA.name} <${ADA.email}>`);
    expect(file.contents).toContain('2026-11-28');
    expect(file.contents).toMatch(/only once/);
    for (const { code } of recoveryCodes.codes) expect(file.contents).toContain(code);

    harness.desktop.nextSaveWill('cancel');
    expect(expectOk(await harness.call('downloadRecoveryCodes', {}))).toEqual({ saved: false });
    harness.desktop.nextSaveWill('fail');
    expect(await harness.call('downloadRecoveryCodes', {})).toEqual({
      ok: false,
      error: { code: 'SAVE_FAILED', message: MESSAGES.saveFailed },
    });
  });
});
