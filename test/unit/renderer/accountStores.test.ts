import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MESSAGES } from '../../../src-shared/errors';
import { fail, ok } from '../../../src-shared/result';
import { callGatehouse, getGatehouseApi, setGatehouseApi } from '../../../src-renderer/api/gatehouseApi';
import { useAccountSettingsStore } from '../../../src-renderer/stores/accountSettings';
import { done } from '../../../src-renderer/stores/actionResults';
import { useAccountsStore } from '../../../src-renderer/stores/accounts';
import { useSecurityEventsStore } from '../../../src-renderer/stores/securityEvents';
import { useSessionStore } from '../../../src-renderer/stores/session';
import { useSignInStore } from '../../../src-renderer/stores/signIn';
import { ADA, installFakeApi, type FakeApi } from './fakeApi';

let api: FakeApi;

beforeEach(() => {
  setActivePinia(createPinia());
  api = installFakeApi();
});

afterEach(() => {
  setGatehouseApi(null);
  vi.restoreAllMocks();
});

async function signIn() {
  await useSignInStore().signIn({ email: ADA.email, password: 'correct horse battery' });
  return useSessionStore();
}

describe('api module', () => {
  it('explains clearly when the preload bridge is missing', async () => {
    setGatehouseApi(null);
    expect(() => getGatehouseApi()).toThrow(/window\.gatehouse is missing/);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await callGatehouse('listAccounts', {})).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: MESSAGES.internal },
    });
  });

  it('uses window.gatehouse when no fake is injected', async () => {
    setGatehouseApi(null);
    vi.stubGlobal('window', { gatehouse: api });
    try {
      expect(getGatehouseApi()).toBe(api);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('treats a malformed reply as INTERNAL', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    api.listAccounts.mockResolvedValueOnce(undefined as never);
    expect(await callGatehouse('listAccounts', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});

describe('accounts store', () => {
  it('lists the accounts once and remembers renamed ones', async () => {
    api.listAccounts.mockResolvedValue(ok({ accounts: [ADA] }));
    const accounts = useAccountsStore();
    await Promise.all([accounts.ensureLoaded(), accounts.ensureLoaded()]);
    await accounts.ensureLoaded();
    expect(api.listAccounts).toHaveBeenCalledTimes(1);
    expect(accounts.accounts).toEqual([ADA]);

    accounts.remember({ ...ADA, name: 'Countess Lovelace' });
    expect(accounts.accounts).toEqual([{ ...ADA, name: 'Countess Lovelace' }]);
  });

  it('keeps the error when the list cannot be read', async () => {
    api.listAccounts.mockResolvedValueOnce(fail({ code: 'SECRET_STORE_UNAVAILABLE', message: MESSAGES.secretStoreUnavailable }));
    const accounts = useAccountsStore();
    await accounts.load();
    expect(accounts.loaded).toBe(true);
    expect(accounts.error?.message).toBe(MESSAGES.secretStoreUnavailable);
  });

  it('creates an account, signs it in and lists it', async () => {
    const session = useSessionStore();
    const accounts = useAccountsStore();
    expect((await accounts.createAccount({ name: 'Grace Hopper', email: 'grace@example.com', password: 'a long password' })).ok).toBe(true);
    expect(session.account?.name).toBe('Grace Hopper');
    expect(accounts.accounts.map((account) => account.email)).toEqual(['grace@example.com']);
  });

  it('exposes EMAIL_TAKEN from create account', async () => {
    api.createAccount.mockResolvedValueOnce(fail({ code: 'EMAIL_TAKEN', message: MESSAGES.emailTaken }));
    const session = useSessionStore();
    const accounts = useAccountsStore();
    expect((await accounts.createAccount({ name: 'Ada', email: ADA.email, password: 'a long password' })).ok).toBe(false);
    expect(accounts.createError?.message).toBe(MESSAGES.emailTaken);
    expect(session.isSignedIn).toBe(false);
  });

  it('takes a listAccounts reply sent at start-up instead of asking again', async () => {
    const accounts = useAccountsStore();
    const first = accounts.ensureLoaded(Promise.resolve(ok({ accounts: [ADA] })));
    // A caller that only waits for the list (the router guard) joins the same read.
    await Promise.all([first, accounts.ensureLoaded()]);
    expect(api.listAccounts).not.toHaveBeenCalled();
    expect(accounts.loaded).toBe(true);
    expect(accounts.accounts).toEqual([ADA]);
  });
});

describe('account settings store', () => {
  it('saves the name and updates the session account (the account menu shows it)', async () => {
    const session = await signIn();
    api.updateProfile.mockResolvedValueOnce(ok({ account: { ...ADA, name: 'Countess Lovelace' } }));
    expect(await useAccountSettingsStore().saveName('Countess Lovelace')).toEqual(done);
    expect(api.updateProfile).toHaveBeenCalledWith({ name: 'Countess Lovelace' });
    expect(session.account?.name).toBe('Countess Lovelace');
    expect(useAccountsStore().accounts).toContainEqual({ ...ADA, name: 'Countess Lovelace' });
  });

  it('sends a double-submitted save only once', async () => {
    await signIn();
    api.updateProfile.mockResolvedValue(ok({ account: ADA }));
    const settings = useAccountSettingsStore();
    const [first, second] = await Promise.all([settings.saveName('Ada'), settings.saveName('Ada')]);
    expect(first).toEqual(done);
    expect(second).toEqual(done);
    expect(api.updateProfile).toHaveBeenCalledTimes(1);
    expect(settings.savingName).toBe(false);
  });

  it('returns WRONG_PASSWORD from change password, still signed in', async () => {
    const session = await signIn();
    api.changePassword.mockResolvedValueOnce(fail({ code: 'WRONG_PASSWORD', message: MESSAGES.wrongPassword }));
    const result = await useAccountSettingsStore().changePassword({
      currentPassword: 'not it',
      newPassword: 'a much longer password',
    });
    expect(!result.ok && result.error.message).toBe(MESSAGES.wrongPassword);
    expect(session.isSignedIn).toBe(true);
  });

  it('reloads loaded security activity after a password change', async () => {
    await signIn();
    api.listSecurityEvents.mockResolvedValue(ok({ events: [] }));
    api.changePassword.mockResolvedValueOnce(ok({}));
    const security = useSecurityEventsStore();
    await security.load();
    expect(await useAccountSettingsStore().changePassword({ currentPassword: 'a', newPassword: 'b' })).toEqual(done);
    expect(api.listSecurityEvents).toHaveBeenCalledTimes(2);
  });
});

describe('security events store', () => {
  it('lists events newest first', async () => {
    await signIn();
    api.listSecurityEvents.mockResolvedValueOnce(
      ok({
        events: [
          { id: 1, kind: 'account_created', at: 1_000 },
          { id: 3, kind: 'signed_in', at: 3_000 },
          { id: 2, kind: 'signed_out', at: 2_000, reason: 'inactivity' },
        ],
      }),
    );
    const security = useSecurityEventsStore();
    await security.load();
    expect(security.events.map((event) => event.id)).toEqual([3, 2, 1]);
    expect(api.listSecurityEvents).toHaveBeenCalledWith({ limit: 20 });
  });
});
