import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MESSAGES } from '../../../src-shared/errors';
import { fail, ok } from '../../../src-shared/result';
import { setGatehouseApi } from '../../../src-renderer/api/gatehouseApi';
import { useAccountSettingsStore } from '../../../src-renderer/stores/accountSettings';
import { useSecurityEventsStore } from '../../../src-renderer/stores/securityEvents';
import { SIGNED_OUT_MESSAGES, useSessionStore } from '../../../src-renderer/stores/session';
import { useSignInStore } from '../../../src-renderer/stores/signIn';
import { ADA, FIFTEEN_MINUTES, freshStoresAt, sessionFor, tearDownStores, unstampedBridge, type FakeApi } from './fakeApi';

const START = new Date('2025-03-01T10:00:00Z').getTime();

let api: FakeApi;

beforeEach(() => {
  api = freshStoresAt(START);
});

afterEach(tearDownStores);

async function signedIn() {
  const result = await useSignInStore().signIn({ email: ADA.email, password: 'correct horse battery' });
  expect(result.ok && result.value.session).toBeTruthy();
  return useSessionStore();
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

describe('session store: the session ends', () => {
  it('clears the session and records the reason when any call says NOT_SIGNED_IN', async () => {
    const session = await signedIn();
    vi.setSystemTime(START + FIFTEEN_MINUTES); // main's idle timer has run out
    const result = await useAccountSettingsStore().saveName('Countess Lovelace');
    expect(!result.ok && result.error.code).toBe('NOT_SIGNED_IN');
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
    await vi.waitFor(() => expect(session.signedOutCause).toBe('screen_locked'), { timeout: 30_000 });
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

  it('moves the expiry to the one a signed-in reply carries, in one call, without asking again', async () => {
    const session = await signedIn();
    api.getSession.mockClear();
    vi.setSystemTime(START + 5 * 60_000);
    api.listSecurityEvents.mockResolvedValueOnce(ok({ events: [] }));

    await useSecurityEventsStore().load();
    await vi.advanceTimersByTimeAsync(0);
    expect(api.listSecurityEvents).toHaveBeenCalledTimes(1);
    expect(api.getSession).not.toHaveBeenCalled();
    expect(session.session?.expiresAt).toBe(START + 20 * 60_000);

    // The old expiry passes without a check; the new one triggers it, and main (idle since) ends the session.
    await vi.advanceTimersByTimeAsync(10 * 60_000 + 1_000);
    expect(api.getSession).not.toHaveBeenCalled();
    expect(session.isSignedIn).toBe(true);
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(api.getSession).toHaveBeenCalledTimes(1);
    expect(session.signedOutMessage).toBe('You were signed out after 15 minutes of inactivity.');
  });

  it('keeps the latest expiry when replies to overlapping calls arrive out of order', async () => {
    const session = await signedIn();
    setGatehouseApi(unstampedBridge(api));
    let answerFirst: (value: Awaited<ReturnType<FakeApi['changePassword']>>) => void = () => undefined;
    api.changePassword.mockImplementationOnce(() => new Promise((resolve) => (answerFirst = resolve)));
    api.updateProfile.mockResolvedValueOnce({ ok: true, value: { account: ADA }, sessionExpiresAt: START + 17 * 60_000 });

    const first = useAccountSettingsStore().changePassword({ currentPassword: 'a', newPassword: 'b' });
    await useAccountSettingsStore().saveName('Ada');
    expect(session.session?.expiresAt).toBe(START + 17 * 60_000);

    answerFirst({ ok: true, value: {}, sessionExpiresAt: START + 16 * 60_000 });
    await first;
    expect(session.session?.expiresAt).toBe(START + 17 * 60_000);
  });

  it('keeps the previous expiry when a reply carries none (a main that does not send it)', async () => {
    const session = await signedIn();
    api.getSession.mockClear();
    setGatehouseApi(unstampedBridge(api));
    api.listSecurityEvents.mockResolvedValueOnce(ok({ events: [] }));
    vi.setSystemTime(START + 5 * 60_000);
    await useSecurityEventsStore().load();
    await vi.advanceTimersByTimeAsync(0);
    expect(session.isSignedIn).toBe(true);
    expect(session.session?.expiresAt).toBe(START + FIFTEEN_MINUTES);
    expect(api.getSession).not.toHaveBeenCalled();
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
    expect((await session.signOut()).ok).toBe(true);
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
    expect((await session.signOut()).ok).toBe(false);
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
