import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MESSAGES } from '../../../src-shared/errors';
import { fail, ok, type Result } from '../../../src-shared/result';
import { setGatehouseApi } from '../../../src-renderer/api/gatehouseApi';
import { useSessionStore } from '../../../src-renderer/stores/session';
import { useSignInStore } from '../../../src-renderer/stores/signIn';
import { useTwoFactorStore } from '../../../src-renderer/stores/twoFactor';
import { ADA, installFakeApi, type FakeApi } from './fakeApi';
import { activeStatus, codeSet, enrollment, INACTIVE, SECRET } from './twoFactorFixtures';

const START = new Date('2025-03-01T10:00:00Z').getTime();
const PASSWORD = 'correct horse battery';
const confirmationRequired = { code: 'PASSWORD_CONFIRMATION_REQUIRED', message: MESSAGES.passwordConfirmationRequired } as const;
const wrongPassword = { code: 'WRONG_PASSWORD', message: MESSAGES.wrongPassword, fields: { password: MESSAGES.wrongPassword } } as const;

let api: FakeApi;

beforeEach(async () => {
  vi.useFakeTimers();
  vi.setSystemTime(START);
  setActivePinia(createPinia());
  api = installFakeApi();
  await useSignInStore().signIn({ email: ADA.email, password: PASSWORD });
});

afterEach(() => {
  vi.useRealTimers();
  setGatehouseApi(null);
});

/** The error an action resolved to; null when it succeeded. */
function errorOf(result: Result<unknown>) {
  return result.ok ? null : result.error;
}

async function withStatus(status = INACTIVE) {
  api.getTwoFactorStatus.mockResolvedValue(ok({ status }));
  const twoFactor = useTwoFactorStore();
  expect(errorOf(await twoFactor.loadStatus())).toBeNull();
  return twoFactor;
}

describe('two-factor store: activate', () => {
  it('loads the status', async () => {
    const twoFactor = await withStatus();
    expect(twoFactor.status).toEqual(INACTIVE);
    expect(twoFactor.busy).toBeNull();
  });

  it('keeps a status failure to show', async () => {
    api.getTwoFactorStatus.mockResolvedValueOnce(fail({ code: 'STORAGE_BUSY', message: MESSAGES.storageBusy }));
    const twoFactor = useTwoFactorStore();
    expect(errorOf(await twoFactor.loadStatus())?.code).toBe('STORAGE_BUSY');
    expect(twoFactor.status).toBeNull();
    expect(twoFactor.statusError?.message).toBe(MESSAGES.storageBusy);
  });

  it('returns a wrong password to the pop-up and starts no enrollment', async () => {
    const twoFactor = await withStatus();
    api.beginTwoFactorEnrollment.mockResolvedValueOnce(fail(wrongPassword));
    expect(errorOf(await twoFactor.beginEnrollment('wrong password'))).toEqual(wrongPassword);
    expect(twoFactor.enrollment).toBeNull();
  });

  it('shows the QR code and secret after the password, then the recovery codes after a valid code', async () => {
    const twoFactor = await withStatus();
    api.beginTwoFactorEnrollment.mockResolvedValueOnce(ok({ enrollment: enrollment() }));
    expect(errorOf(await twoFactor.beginEnrollment(PASSWORD))).toBeNull();
    expect(api.beginTwoFactorEnrollment).toHaveBeenCalledWith({ password: PASSWORD });
    expect(twoFactor.enrollment?.secretKey).toBe(SECRET);

    api.confirmTwoFactorEnrollment.mockResolvedValueOnce(ok({ recoveryCodes: codeSet() }));
    api.getTwoFactorStatus.mockResolvedValue(ok({ status: activeStatus() }));
    expect(errorOf(await twoFactor.confirmEnrollment('123 456'))).toBeNull();
    expect(api.confirmTwoFactorEnrollment).toHaveBeenCalledWith({ code: '123 456' });
    expect(twoFactor.enrollment).toBeNull(); // the secret is gone from the renderer
    expect(twoFactor.recoveryCodes?.codes).toHaveLength(10);
    expect(twoFactor.recoveryCodesReason).toBe('activated');
    expect(twoFactor.status?.active).toBe(true);

    twoFactor.closeRecoveryCodes();
    expect(twoFactor.recoveryCodes).toBeNull();
    expect(twoFactor.recoveryCodesReason).toBeNull();
  });

  it('keeps the enrollment after a wrong code so the person can retry', async () => {
    const twoFactor = await withStatus();
    api.beginTwoFactorEnrollment.mockResolvedValueOnce(ok({ enrollment: enrollment() }));
    await twoFactor.beginEnrollment(PASSWORD);
    api.confirmTwoFactorEnrollment.mockResolvedValueOnce(fail({ code: 'INVALID_CODE', message: MESSAGES.invalidTotpCode }));
    expect(errorOf(await twoFactor.confirmEnrollment('000000'))?.code).toBe('INVALID_CODE');
    expect(twoFactor.enrollment).not.toBeNull();
    expect(twoFactor.recoveryCodes).toBeNull();
  });

  it('drops an expired enrollment (back to the start)', async () => {
    const twoFactor = await withStatus();
    api.beginTwoFactorEnrollment.mockResolvedValueOnce(ok({ enrollment: enrollment() }));
    await twoFactor.beginEnrollment(PASSWORD);
    api.confirmTwoFactorEnrollment.mockResolvedValueOnce(fail({ code: 'ENROLLMENT_EXPIRED', message: MESSAGES.enrollmentExpired }));
    expect(errorOf(await twoFactor.confirmEnrollment('123456'))?.message).toBe(MESSAGES.enrollmentExpired);
    expect(twoFactor.enrollment).toBeNull();
  });

  it('Cancel discards the pending secret here and in main', async () => {
    const twoFactor = await withStatus();
    api.beginTwoFactorEnrollment.mockResolvedValueOnce(ok({ enrollment: enrollment() }));
    await twoFactor.beginEnrollment(PASSWORD);
    const cancelling = twoFactor.cancelEnrollment();
    expect(twoFactor.enrollment).toBeNull();
    await cancelling;
    expect(api.cancelTwoFactorEnrollment).toHaveBeenCalledWith({});
  });

  it('runs one request at a time', async () => {
    const twoFactor = await withStatus();
    api.beginTwoFactorEnrollment.mockResolvedValueOnce(ok({ enrollment: enrollment() }));
    const first = twoFactor.beginEnrollment(PASSWORD);
    expect(twoFactor.busy).toBe('begin');
    expect(errorOf(await twoFactor.beginEnrollment(PASSWORD))).not.toBeNull();
    expect(errorOf(await first)).toBeNull();
    expect(api.beginTwoFactorEnrollment).toHaveBeenCalledTimes(1);
  });
});

describe('two-factor store: recovery codes and deactivation', () => {
  it('asks for the password when the last confirmation is not fresh, without a round trip', async () => {
    const twoFactor = await withStatus(activeStatus({ passwordConfirmedUntil: null }));
    expect(errorOf(await twoFactor.withRecentPassword('codes'))).toEqual(confirmationRequired);
    expect(api.getRecoveryCodes).not.toHaveBeenCalled();
  });

  it('tries without a password while it is fresh, and asks when main says PASSWORD_CONFIRMATION_REQUIRED', async () => {
    const twoFactor = await withStatus(activeStatus({ passwordConfirmedUntil: START + 60_000 }));
    api.getRecoveryCodes.mockResolvedValueOnce(fail(confirmationRequired));
    expect(errorOf(await twoFactor.withRecentPassword('codes'))).toEqual(confirmationRequired);
    expect(api.getRecoveryCodes).toHaveBeenCalledWith({});

    // The pop-up retries with the password.
    api.getRecoveryCodes.mockResolvedValueOnce(ok({ recoveryCodes: codeSet(3) }));
    expect(errorOf(await twoFactor.viewRecoveryCodes(PASSWORD))).toBeNull();
    expect(api.getRecoveryCodes).toHaveBeenLastCalledWith({ password: PASSWORD });
    expect(twoFactor.recoveryCodesReason).toBe('viewed');
    expect(twoFactor.recoveryCodes?.codes.filter((code) => code.used)).toHaveLength(3);
  });

  it('shows the codes at once while the confirmation is fresh', async () => {
    const twoFactor = await withStatus(activeStatus({ passwordConfirmedUntil: START + 60_000 }));
    api.getRecoveryCodes.mockResolvedValueOnce(ok({ recoveryCodes: codeSet() }));
    expect(errorOf(await twoFactor.withRecentPassword('codes'))).toBeNull();
    expect(twoFactor.recoveryCodes).not.toBeNull();
  });

  it('treats the confirmation as stale once its time has passed', async () => {
    const twoFactor = await withStatus(activeStatus({ passwordConfirmedUntil: START + 1_000 }));
    expect(twoFactor.passwordIsFresh()).toBe(true);
    vi.setSystemTime(START + 1_000);
    expect(twoFactor.passwordIsFresh()).toBe(false);
  });

  it('regenerates: new codes, said to be new, and the remaining count follows', async () => {
    const twoFactor = await withStatus(activeStatus({ recoveryCodesRemaining: 2, passwordConfirmedUntil: START + 60_000 }));
    api.regenerateRecoveryCodes.mockResolvedValueOnce(ok({ recoveryCodes: codeSet() }));
    api.getTwoFactorStatus.mockResolvedValue(ok({ status: activeStatus({ recoveryCodesRemaining: 10 }) }));
    expect(errorOf(await twoFactor.withRecentPassword('regenerate'))).toBeNull();
    expect(api.regenerateRecoveryCodes).toHaveBeenCalledWith({});
    expect(twoFactor.recoveryCodesReason).toBe('regenerated');
    expect(twoFactor.status?.recoveryCodesRemaining).toBe(10);
  });

  it('passes other errors through for the section to show', async () => {
    const twoFactor = await withStatus(activeStatus({ passwordConfirmedUntil: START + 60_000 }));
    const unavailable = { code: 'SECRET_STORE_UNAVAILABLE', message: MESSAGES.secretStoreUnavailable } as const;
    api.regenerateRecoveryCodes.mockResolvedValueOnce(fail(unavailable));
    expect(errorOf(await twoFactor.withRecentPassword('regenerate'))).toEqual(unavailable);
  });

  it('deactivates after the password: inactive, no codes left in memory', async () => {
    const twoFactor = await withStatus(activeStatus());
    api.deactivateTwoFactor.mockResolvedValueOnce(fail(wrongPassword));
    expect(errorOf(await twoFactor.deactivate('wrong'))?.code).toBe('WRONG_PASSWORD');
    expect(twoFactor.status?.active).toBe(true);

    api.deactivateTwoFactor.mockResolvedValueOnce(ok({}));
    api.getTwoFactorStatus.mockResolvedValue(ok({ status: INACTIVE }));
    expect(errorOf(await twoFactor.deactivate(PASSWORD))).toBeNull();
    expect(api.deactivateTwoFactor).toHaveBeenLastCalledWith({ password: PASSWORD });
    expect(twoFactor.status?.active).toBe(false);
    expect(twoFactor.recoveryCodes).toBeNull();
  });

  it('copies by naming the item; main supplies the text', async () => {
    const twoFactor = await withStatus();
    api.copyToClipboard.mockResolvedValueOnce(ok({}));
    expect(errorOf(await twoFactor.copy('secretKey'))).toBeNull();
    expect(api.copyToClipboard).toHaveBeenCalledWith({ item: 'secretKey' });
  });

  it('reports a saved download, a cancelled one and a failure', async () => {
    const twoFactor = await withStatus(activeStatus());
    api.downloadRecoveryCodes.mockResolvedValueOnce(ok({ saved: true, fileName: 'gatehouse-recovery-codes.txt' }));
    expect(await twoFactor.download()).toEqual(ok({ saved: true, fileName: 'gatehouse-recovery-codes.txt' }));
    api.downloadRecoveryCodes.mockResolvedValueOnce(ok({ saved: false }));
    expect(await twoFactor.download()).toEqual(ok({ saved: false }));
    api.downloadRecoveryCodes.mockResolvedValueOnce(fail({ code: 'SAVE_FAILED', message: MESSAGES.saveFailed }));
    const outcome = await twoFactor.download();
    expect(errorOf(outcome)?.message).toBe(MESSAGES.saveFailed);
  });

  it('forgets the secret, the codes and the status when the account changes', async () => {
    const twoFactor = await withStatus(activeStatus({ passwordConfirmedUntil: START + 60_000 }));
    api.getRecoveryCodes.mockResolvedValueOnce(ok({ recoveryCodes: codeSet() }));
    await twoFactor.viewRecoveryCodes();
    const session = useSessionStore();
    await session.signOut();
    await vi.advanceTimersByTimeAsync(0);
    expect(twoFactor.recoveryCodes).toBeNull();
    expect(twoFactor.status).toBeNull();
    expect(twoFactor.enrollment).toBeNull();
  });
});

describe('two-factor store: telling main when secrets leave the screen', () => {
  /** Lets the store's watchers run. */
  const settle = () => vi.advanceTimersByTimeAsync(0);

  it('says nothing while the QR code gives way to the codes, and once when the codes are closed', async () => {
    const twoFactor = await withStatus();
    api.beginTwoFactorEnrollment.mockResolvedValueOnce(ok({ enrollment: enrollment() }));
    await twoFactor.beginEnrollment(PASSWORD);
    api.confirmTwoFactorEnrollment.mockResolvedValueOnce(ok({ recoveryCodes: codeSet() }));
    api.getTwoFactorStatus.mockResolvedValue(ok({ status: activeStatus() }));
    await twoFactor.confirmEnrollment('123456');
    await settle();
    expect(twoFactor.recoveryCodes).not.toBeNull();
    expect(api.markSecretsHidden).not.toHaveBeenCalled();

    twoFactor.closeRecoveryCodes();
    await settle();
    expect(api.markSecretsHidden).toHaveBeenCalledExactlyOnceWith({});
  });

  it.each([
    ['cancelled', (store: ReturnType<typeof useTwoFactorStore>) => store.cancelEnrollment()],
    ['expired', (store: ReturnType<typeof useTwoFactorStore>) => store.expireEnrollment()],
    ['reset when the session ends', () => useSessionStore().signOut()],
  ])('says so when an enrollment is %s', async (_, end) => {
    const twoFactor = await withStatus();
    api.beginTwoFactorEnrollment.mockResolvedValueOnce(ok({ enrollment: enrollment() }));
    await twoFactor.beginEnrollment(PASSWORD);
    await settle();
    await end(twoFactor);
    await settle();
    expect(twoFactor.enrollment).toBeNull();
    expect(api.markSecretsHidden).toHaveBeenCalledTimes(1);
  });

  it('says nothing when no secret was shown (a wrong password, a status read)', async () => {
    const twoFactor = await withStatus();
    api.beginTwoFactorEnrollment.mockResolvedValueOnce(fail(wrongPassword));
    await twoFactor.beginEnrollment('wrong password');
    twoFactor.closeRecoveryCodes();
    await settle();
    expect(api.markSecretsHidden).not.toHaveBeenCalled();
  });
});
