import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MESSAGES } from '../../../src-shared/errors';
import { fail, ok } from '../../../src-shared/result';
import { setGatehouseApi } from '../../../src-renderer/api/gatehouseApi';
import { useAccountSettingsStore } from '../../../src-renderer/stores/accountSettings';
import { useAccountsStore } from '../../../src-renderer/stores/accounts';
import { useSecurityEventsStore } from '../../../src-renderer/stores/securityEvents';
import { SIGNED_OUT_MESSAGES, useSessionStore } from '../../../src-renderer/stores/session';
import { ADA, FIFTEEN_MINUTES, installFakeApi, sessionFor, type FakeApi } from './fakeApi';

const START = new Date('2025-03-01T10:00:00Z').getTime();

let api: FakeApi;

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(START);
  setActivePinia(createPinia());
  api = installFakeApi();
});

afterEach(() => {
  vi.useRealTimers();
  setGatehouseApi(null);
});

async function signedIn() {
  const session = useSessionStore();
  expect(await session.signIn({ email: ADA.email, password: 'correct horse battery' })).toBe(true);
  return session;
}

describe('session store: start-up', () => {
  it('adopts the session main already has', async () => {
    const existing = sessionFor();
    api.getSession.mockResolvedValueOnce(ok({ session: existing }));
    const session = useSessionStore();
    await session.ensureLoaded();
    expect(session.loaded).toBe(true);
    expect(session.session).toEqual(existing);
    expect(session.isSignedIn).toBe(true);
  });

  it('asks main only once however often the guard waits for it', async () => {
    const session = useSessionStore();
    await Promise.all([session.ensureLoaded(), session.ensureLoaded()]);
    await session.ensureLoaded();
    expect(api.getSession).toHaveBeenCalledTimes(1);
    expect(session.isSignedIn).toBe(false);
    expect(session.signedOutMessage).toBeNull();
  });

  it('keeps a start-up failure to show, signed out', async () => {
    api.getSession.mockResolvedValueOnce(fail({ code: 'STORAGE_BUSY', message: MESSAGES.storageBusy }));
    const session = useSessionStore();
    await session.ensureLoaded();
    expect(session.isSignedIn).toBe(false);
    expect(session.loadError?.message).toBe(MESSAGES.storageBusy);
  });

  it('takes a getSession reply sent at start-up instead of asking again', async () => {
    const existing = sessionFor();
    const session = useSessionStore();
    const first = session.ensureLoaded(Promise.resolve(ok({ session: existing })));
    await Promise.all([first, session.ensureLoaded()]);
    expect(api.getSession).not.toHaveBeenCalled();
    expect(session.loaded).toBe(true);
    expect(session.session).toEqual(existing);
  });
});

describe('session store: sign-in', () => {
  it('stores the session on success', async () => {
    const session = useSessionStore();
    const pending = session.signIn({ email: ADA.email, password: 'correct horse battery' });
    expect(session.signInPending).toBe(true);
    expect(await pending).toBe(true);
    expect(session.signInPending).toBe(false);
    expect(session.account).toEqual(ADA);
    expect(session.isSignedIn).toBe(true);
    expect(session.signInError).toBeNull();
    expect(api.signIn).toHaveBeenCalledWith({ email: ADA.email, password: 'correct horse battery' });
  });

  it('never sends a second sign-in while one runs', async () => {
    const session = useSessionStore();
    const first = session.signIn({ email: ADA.email, password: 'one' });
    expect(await session.signIn({ email: ADA.email, password: 'two' })).toBe(false);
    await first;
    expect(api.signIn).toHaveBeenCalledTimes(1);
  });

  it('exposes the message of INVALID_CREDENTIALS', async () => {
    api.signIn.mockResolvedValueOnce(fail({ code: 'INVALID_CREDENTIALS', message: MESSAGES.invalidCredentials }));
    const session = useSessionStore();
    expect(await session.signIn({ email: ADA.email, password: 'wrong password!' })).toBe(false);
    expect(session.signInError?.code).toBe('INVALID_CREDENTIALS');
    expect(session.signInError?.message).toBe('Incorrect email or password.');
    expect(session.isSignedIn).toBe(false);
    expect(session.retryAt).toBeNull();
  });

  it('waits when a wrong password starts the backoff (INVALID_CREDENTIALS with retryAt)', async () => {
    const retryAt = Date.now() + 1_000;
    api.signIn.mockResolvedValueOnce(fail({ code: 'INVALID_CREDENTIALS', message: MESSAGES.invalidCredentials, retryAt }));
    const session = useSessionStore();
    expect(await session.signIn({ email: ADA.email, password: 'wrong password' })).toBe(false);
    expect(session.signInError?.message).toBe(MESSAGES.invalidCredentials);
    expect(session.retryAt).toBe(retryAt);
    expect(session.isRateLimited()).toBe(true);
    expect(await session.signIn({ email: ADA.email, password: 'right password' })).toBe(false);
    expect(api.signIn).toHaveBeenCalledTimes(1);
  });

  it('exposes retryAt of RATE_LIMITED and refuses to send until then', async () => {
    const retryAt = START + 42_000;
    api.signIn.mockResolvedValueOnce(fail({ code: 'RATE_LIMITED', message: 'Too many attempts.', retryAt }));
    const session = useSessionStore();
    expect(await session.signIn({ email: ADA.email, password: 'wrong password!' })).toBe(false);
    expect(session.retryAt).toBe(retryAt);
    expect(session.signInError?.code).toBe('RATE_LIMITED');
    expect(session.isRateLimited()).toBe(true);

    expect(await session.signIn({ email: ADA.email, password: 'another try' })).toBe(false);
    expect(api.signIn).toHaveBeenCalledTimes(1);

    vi.setSystemTime(retryAt);
    expect(session.isRateLimited()).toBe(false);
    session.clearRateLimit();
    expect(session.signInError).toBeNull();
    expect(await session.signIn({ email: ADA.email, password: 'correct horse battery' })).toBe(true);
    expect(session.retryAt).toBeNull();
  });

  it('exposes the field messages of INVALID_INPUT', async () => {
    api.signIn.mockResolvedValueOnce(
      fail({ code: 'INVALID_INPUT', message: MESSAGES.invalidInput, fields: { email: 'Enter your email address.' } }),
    );
    const session = useSessionStore();
    await session.signIn({ email: '', password: 'x' });
    expect(session.signInError?.fields?.email).toBe('Enter your email address.');
  });

  it('turns a broken bridge into the INTERNAL message, never a stack trace', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    api.signIn.mockRejectedValueOnce(new Error('ipc exploded at foo.js:12'));
    const session = useSessionStore();
    expect(await session.signIn({ email: ADA.email, password: 'x' })).toBe(false);
    expect(session.signInError).toEqual({ code: 'INTERNAL', message: MESSAGES.internal });
    expect(consoleError).toHaveBeenCalled();
  });

  it('creates an account, signs it in and lists it', async () => {
    const session = useSessionStore();
    const accounts = useAccountsStore();
    expect(await session.createAccount({ name: 'Grace Hopper', email: 'grace@example.com', password: 'a long password' })).toBe(
      true,
    );
    expect(session.account?.name).toBe('Grace Hopper');
    expect(accounts.accounts.map((account) => account.email)).toEqual(['grace@example.com']);
  });

  it('exposes EMAIL_TAKEN from create account', async () => {
    api.createAccount.mockResolvedValueOnce(fail({ code: 'EMAIL_TAKEN', message: MESSAGES.emailTaken }));
    const session = useSessionStore();
    expect(await session.createAccount({ name: 'Ada', email: ADA.email, password: 'a long password' })).toBe(false);
    expect(session.createError?.message).toBe(MESSAGES.emailTaken);
    expect(session.isSignedIn).toBe(false);
  });
});

describe('session store: the session ends', () => {
  it('clears the session and records the reason when any call says NOT_SIGNED_IN', async () => {
    const session = await signedIn();
    vi.setSystemTime(START + FIFTEEN_MINUTES); // main's idle timer has run out
    const failure = await useAccountSettingsStore().saveName('Countess Lovelace');
    expect(failure?.code).toBe('NOT_SIGNED_IN');
    expect(session.session).toBeNull();
    expect(session.isSignedIn).toBe(false);
    expect(session.signedOutCause).toBe('inactivity');
    expect(session.signedOutMessage).toBe('You were signed out after 15 minutes of inactivity.');
  });

  it('says only "You were signed out." when the session ends long before its expiry', async () => {
    const session = await signedIn();
    vi.setSystemTime(START + 60_000); // e.g. the screen was locked
    await useSecurityEventsStore().load();
    expect(session.isSignedIn).toBe(false);
    expect(session.signedOutCause).toBe('unknown');
    expect(session.signedOutMessage).toBe(SIGNED_OUT_MESSAGES.unknown);
  });

  it('uses the reason main gives when the session is found gone (screen locked)', async () => {
    const session = await signedIn();
    api.getSession.mockResolvedValueOnce(ok({ session: null, endedReason: 'screen_locked' }));
    await session.refresh();
    expect(session.isSignedIn).toBe(false);
    expect(session.signedOutMessage).toBe('You were signed out because your screen was locked.');
  });

  it('asks main why the session ended after NOT_SIGNED_IN and words the notice by it', async () => {
    const session = await signedIn();
    api.getSession.mockResolvedValueOnce(ok({ session: null, endedReason: 'screen_locked' }));
    await useSecurityEventsStore().load();
    await vi.waitFor(() => expect(session.signedOutCause).toBe('screen_locked'));
  });

  it('checks the session when it is due to expire and signs out for inactivity', async () => {
    const session = await signedIn();
    api.getSession.mockClear();

    await vi.advanceTimersByTimeAsync(FIFTEEN_MINUTES - 1);
    expect(api.getSession).not.toHaveBeenCalled();
    expect(session.isSignedIn).toBe(true);

    await vi.advanceTimersByTimeAsync(1_001);
    expect(api.getSession).toHaveBeenCalledTimes(1);
    expect(session.isSignedIn).toBe(false);
    expect(session.signedOutMessage).toBe('You were signed out after 15 minutes of inactivity.');
  });

  it('follows a session that main extended and checks again at the new expiry', async () => {
    const session = await signedIn();
    const extended = sessionFor(ADA, START + 2 * FIFTEEN_MINUTES);
    api.getSession.mockResolvedValueOnce(ok({ session: extended }));

    await vi.advanceTimersByTimeAsync(FIFTEEN_MINUTES + 1_000);
    expect(session.session).toEqual(extended);

    await vi.advanceTimersByTimeAsync(FIFTEEN_MINUTES);
    expect(api.getSession).toHaveBeenCalledTimes(2);
    expect(session.isSignedIn).toBe(false);
  });

  it('re-reads the session after a successful signed-in call, moving the expiry', async () => {
    const session = await signedIn();
    vi.setSystemTime(START + 5 * 60_000);
    const later = sessionFor(ADA, START + 20 * 60_000);
    api.listSecurityEvents.mockResolvedValueOnce(ok({ events: [] }));
    api.getSession.mockResolvedValueOnce(ok({ session: later }));

    await useSecurityEventsStore().load();
    await vi.advanceTimersByTimeAsync(0);
    expect(api.getSession).toHaveBeenCalledTimes(1);
    expect(session.session?.expiresAt).toBe(later.expiresAt);

    // The old expiry passes without a check; the new one triggers it.
    await vi.advanceTimersByTimeAsync(10 * 60_000 + 1_000);
    expect(api.getSession).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(api.getSession).toHaveBeenCalledTimes(2);
  });

  it('ignores a getSession reply that arrives after signing out', async () => {
    const session = await signedIn();
    let answer: (value: Awaited<ReturnType<FakeApi['getSession']>>) => void = () => undefined;
    api.getSession.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));

    const refreshing = session.refresh();
    await session.signOut();
    answer(ok({ session: sessionFor() }));
    await refreshing;

    expect(session.isSignedIn).toBe(false);
    expect(session.signedOutCause).toBe('user');
  });

  it('retries later when the check itself fails, keeping the session', async () => {
    const session = await signedIn();
    api.getSession.mockResolvedValueOnce(fail({ code: 'STORAGE_BUSY', message: MESSAGES.storageBusy }));
    await vi.advanceTimersByTimeAsync(FIFTEEN_MINUTES + 1_000);
    expect(session.isSignedIn).toBe(true);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(api.getSession).toHaveBeenCalledTimes(2);
    expect(session.isSignedIn).toBe(false);
  });
});

describe('session store: sign-out', () => {
  it('clears the state, says "You have signed out." and stops the expiry timer', async () => {
    const session = await signedIn();
    expect(await session.signOut()).toBe(true);
    expect(api.signOut).toHaveBeenCalledTimes(1);
    expect(session.session).toBeNull();
    expect(session.account).toBeNull();
    expect(session.signedOutMessage).toBe('You have signed out.');

    await vi.advanceTimersByTimeAsync(2 * FIFTEEN_MINUTES);
    expect(api.getSession).not.toHaveBeenCalled();
  });

  it('keeps the session and exposes the error when main cannot sign out', async () => {
    const session = await signedIn();
    api.signOut.mockResolvedValueOnce(fail({ code: 'INTERNAL', message: MESSAGES.internal }));
    expect(await session.signOut()).toBe(false);
    expect(session.isSignedIn).toBe(true);
    expect(session.signOutError?.message).toBe(MESSAGES.internal);
  });

  it('forgets the previous account’s security activity', async () => {
    await signedIn();
    const security = useSecurityEventsStore();
    api.listSecurityEvents.mockResolvedValueOnce(ok({ events: [{ id: 1, kind: 'signed_in', at: START }] }));
    await security.load();
    expect(security.events).toHaveLength(1);

    await useSessionStore().signOut();
    await vi.advanceTimersByTimeAsync(0);
    expect(security.events).toEqual([]);
    expect(security.loaded).toBe(false);
  });
});

describe('session store: offering the last account again', () => {
  it('remembers the email of the account that just signed out', async () => {
    const session = await signedIn();
    expect(session.lastEmail).toBeNull();
    await session.signOut();
    expect(session.lastEmail).toBe(ADA.email);
  });
});
