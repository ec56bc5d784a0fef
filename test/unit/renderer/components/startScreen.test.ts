/**
 * Start-up without a round trip: the app mounted as main.ts mounts it (the real router, hash
 * history, App.vue), with the bridge's start-up replies held back, to show that a start screen
 * named in the URL paints before any reply, and that the replies, once in, still decide.
 */
import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp, type App } from 'vue';
import type { OperationOutput } from '../../../../src-shared/contract';
import { ok, type Result } from '../../../../src-shared/result';
import AppRoot from '../../../../src-renderer/App.vue';
import { createAppRouter } from '../../../../src-renderer/router';
import { useAccountsStore } from '../../../../src-renderer/stores/accounts';
import { useSessionStore } from '../../../../src-renderer/stores/session';
import { ADA, installFakeApi, type FakeApi } from '../fakeApi';
import { challengeFor } from '../twoFactorFixtures';
import { freshPinia, screen } from './harness';

/** A reply the test sends when it chooses. */
function held<T>() {
  let send!: (value: Result<T>) => void;
  const reply = new Promise<Result<T>>((resolve) => (send = resolve));
  return { reply, send };
}

let api: FakeApi;
let session: ReturnType<typeof held<OperationOutput<'getSession'>>>;
let accounts: ReturnType<typeof held<OperationOutput<'listAccounts'>>>;

beforeEach(() => {
  api = installFakeApi();
  session = held();
  accounts = held();
  api.getSession.mockReturnValueOnce(session.reply);
  api.listAccounts.mockReturnValueOnce(accounts.reply);
});

/** As main.ts does it: stores take the start-up reads; installing the router starts the first navigation, and the app mounts when it is ready. */
async function startAt(hash: string) {
  window.location.hash = hash;
  const pinia = freshPinia();
  const app = createApp(AppRoot);
  app.use(pinia);
  void useSessionStore().ensureLoaded(api.getSession({}));
  void useAccountsStore().ensureLoaded(api.listAccounts({}));
  const router = createAppRouter();
  app.use(router);
  const host = document.createElement('div');
  document.body.append(host);
  let mounted = false;
  void router.isReady().then(() => {
    app.mount(host);
    mounted = true;
  });
  apps.push(app);
  await flushPromises();
  return { router, isMounted: () => mounted };
}

const apps: App[] = [];
afterEach(() => {
  for (const app of apps.splice(0)) app.unmount();
});

describe('a start screen named in the URL', () => {
  it('sign-in paints before getSession or listAccounts answers; the list and the only account come after', async () => {
    const { router, isMounted } = await startAt('#/sign-in');
    expect(isMounted()).toBe(true);
    expect(router.currentRoute.value.name).toBe('sign-in');
    screen.getByRole('heading', { name: 'Sign in' });
    const email = screen.getByLabelText('Email') as HTMLInputElement;
    expect(email.disabled).toBe(false);
    expect(document.activeElement).toBe(email);
    expect(screen.queryByRole('list', { name: 'Accounts on this computer' })).toBeNull();

    accounts.send(ok({ accounts: [ADA] }));
    session.send(ok({ session: null }));
    await flushPromises();
    screen.getByRole('list', { name: 'Accounts on this computer' });
    expect(email.value).toBe(ADA.email);
    expect(document.activeElement).toBe(screen.getByLabelText('Password'));
    expect(router.currentRoute.value.name).toBe('sign-in');
  });

  it('keeps what the person typed when the list arrives', async () => {
    await startAt('#/sign-in');
    const email = screen.getByLabelText('Email') as HTMLInputElement;
    email.value = 'grace@example.com';
    email.dispatchEvent(new Event('input'));
    accounts.send(ok({ accounts: [ADA] }));
    session.send(ok({ session: null }));
    await flushPromises();
    expect(email.value).toBe('grace@example.com');
    expect(document.activeElement).toBe(email);
  });

  it('create-account paints before any reply', async () => {
    const { router } = await startAt('#/create-account');
    expect(router.currentRoute.value.name).toBe('create-account');
    screen.getByRole('heading', { name: 'Create account' });
    expect(document.activeElement).toBe(screen.getByLabelText('Name'));
    accounts.send(ok({ accounts: [] }));
    session.send(ok({ session: null }));
    await flushPromises();
    expect(router.currentRoute.value.name).toBe('create-account');
  });

  it('still follows the replies when they disagree: a pending second step (a window opened again) wins', async () => {
    const { router } = await startAt('#/sign-in');
    accounts.send(ok({ accounts: [ADA] }));
    session.send(ok({ session: null, challenge: challengeFor(ADA.email) }));
    // The second step's screen loads on demand (router/index.ts).
    await vi.waitFor(() => screen.getByRole('heading', { name: 'Two-factor authentication' }), { timeout: 30_000 });
    expect(router.currentRoute.value.name).toBe('sign-in-verify');
  });

  it('and sign-in with no accounts at all goes on to creating the first one', async () => {
    const { router } = await startAt('#/sign-in');
    accounts.send(ok({ accounts: [] }));
    session.send(ok({ session: null }));
    await flushPromises();
    expect(router.currentRoute.value.name).toBe('create-account');
  });
});

describe('without a start screen in the URL', () => {
  it('waits for getSession before it shows anything, as before', async () => {
    const { router, isMounted } = await startAt('');
    expect(isMounted()).toBe(false);
    expect(screen.queryByRole('heading')).toBeNull();
    session.send(ok({ session: null }));
    accounts.send(ok({ accounts: [ADA] }));
    await flushPromises();
    expect(isMounted()).toBe(true);
    expect(router.currentRoute.value.name).toBe('sign-in');
  });
});
