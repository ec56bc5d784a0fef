import { createRouter, createWebHashHistory, START_LOCATION, type RouteLocationNormalized, type Router } from 'vue-router';
import { START_SCREEN_PATHS } from '../../src-shared/startScreen';
import CreateAccountView from '../features/auth/CreateAccountView.vue';
import SignInView from '../features/auth/SignInView.vue';
import { useAccountsStore } from '../stores/accounts';
import { useSessionStore } from '../stores/session';
import { useSignInStore } from '../stores/signIn';

declare module 'vue-router' {
  interface RouteMeta {
    /** Only for a signed-in account; others go to sign-in. */
    requiresAuth?: boolean;
    /** Only while signed out; a signed-in account goes to the dashboard. */
    guestOnly?: boolean;
  }
}

/*
 * The two screens a window opens on (sign-in, create account) are in the main chunk. The rest
 * load on demand, from one chunk on the app's own origin (CSP script-src 'self'; the grouping is
 * in electron.vite.config.ts): the signed-in screens and the second sign-in step, which is only
 * ever reached after typing a password. main.ts fetches that chunk ahead
 * (prefetchSignedInScreens) once the first screen is in use, so signing in does not wait.
 */
const SignInVerifyView = () => import('../features/auth/SignInVerifyView.vue');
const AppShell = () => import('../features/shell/AppShell.vue');
const DashboardView = () => import('../features/dashboard/DashboardView.vue');
const SettingsView = () => import('../features/settings/SettingsView.vue');
const ProfileSettings = () => import('../features/settings/ProfileSettings.vue');
const SecuritySettings = () => import('../features/settings/SecuritySettings.vue');

/** Loads the screens that follow the first one ahead of time (a module loads once, however often it is asked for). */
export async function prefetchSignedInScreens(): Promise<void> {
  await Promise.all([SignInVerifyView(), AppShell(), DashboardView()]);
}

export function createAppRouter(): Router {
  const router = createRouter({
    // Hash history: the app is served from a custom protocol in Electron and a fixed origin in tests.
    history: createWebHashHistory(),
    routes: [
      { path: START_SCREEN_PATHS['sign-in'], name: 'sign-in', component: SignInView, meta: { guestOnly: true } },
      // The second sign-in step, while main holds a challenge (also after a restart: getSession returns it).
      { path: '/sign-in/verify', name: 'sign-in-verify', component: SignInVerifyView, meta: { guestOnly: true } },
      { path: START_SCREEN_PATHS['create-account'], name: 'create-account', component: CreateAccountView, meta: { guestOnly: true } },
      {
        path: '/',
        component: AppShell,
        meta: { requiresAuth: true },
        children: [
          { path: '', redirect: { name: 'dashboard' } },
          { path: 'dashboard', name: 'dashboard', component: DashboardView },
          {
            path: 'settings',
            component: SettingsView,
            children: [
              { path: '', name: 'settings', redirect: { name: 'settings-profile' } },
              { path: 'profile', name: 'settings-profile', component: ProfileSettings },
              { path: 'security', name: 'settings-security', component: SecuritySettings },
            ],
          },
        ],
      },
      { path: '/:pathMatch(.*)*', redirect: '/' },
    ],
  });

  router.beforeEach(async (to, from) => {
    const session = useSessionStore();
    const accounts = useAccountsStore();
    if (from === START_LOCATION && !session.loaded && isStartScreen(to)) {
      // The start URL named this screen: main read the database before it opened the window, and
      // at a cold start there is never a session. Paint it now; check once the replies are in.
      void router.isReady().then(() => settleStartScreen(router));
      return true;
    }
    // At start-up, read the account list (for the sign-in screen) alongside the session rather than after it.
    if (!session.loaded) void accounts.ensureLoaded();
    // The session, or a second sign-in step main still holds.
    await useSignInStore().ensureLoaded();
    if (to.name === 'sign-in' || to.name === 'create-account') await accounts.ensureLoaded();
    return redirectFor(to) ?? true;
  });

  return router;
}

/** The screens main may open a window on (src-shared/startScreen.ts). */
function isStartScreen(to: RouteLocationNormalized): boolean {
  return to.name === 'sign-in' || to.name === 'create-account';
}

/** Where `to` must go instead, given the session (and, on sign-in, the account list once loaded); null to stay. */
function redirectFor(to: RouteLocationNormalized): { name: string } | null {
  const session = useSessionStore();
  const { challenge } = useSignInStore();
  const accounts = useAccountsStore();
  if (to.meta.requiresAuth && !session.isSignedIn) return { name: 'sign-in' };
  if (to.meta.guestOnly && session.isSignedIn) return { name: 'dashboard' };
  if (to.name === 'sign-in' && challenge) return { name: 'sign-in-verify' };
  if (to.name === 'sign-in-verify' && !challenge) return { name: 'sign-in' };
  // Nobody to sign in as yet: start with creating the first account.
  if (to.name === 'sign-in' && accounts.loaded && !accounts.error && accounts.accounts.length === 0) return { name: 'create-account' };
  return null;
}

/**
 * After a start screen was shown without waiting: once the session and the account list are in,
 * move on if they say so. At a cold start they never do; after a reload (or a window opened again
 * while a second sign-in step is pending) they may.
 */
async function settleStartScreen(router: Router): Promise<void> {
  await Promise.all([useSignInStore().ensureLoaded(), useAccountsStore().ensureLoaded()]);
  const target = redirectFor(router.currentRoute.value);
  if (target) await router.replace(target);
}
