// First: the start-up reads go out before the rest of the bundle is evaluated (see the module).
import { startupReads } from './startupReads';
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { createAppRouter, prefetchSignedInScreens } from './router';
import { useAccountsStore } from './stores/accounts';
import { useSessionStore } from './stores/session';
import './styles/tokens.css';
import './styles/base.css';

const app = createApp(App);
app.use(createPinia());
// The stores take over the replies; the router's first navigation waits for them.
void useSessionStore().ensureLoaded(startupReads.session);
void useAccountsStore().ensureLoaded(startupReads.accounts);
const router = createAppRouter();
app.use(router);

/** Once the first screen is up and the page is idle, fetch the signed-in screens so signing in does not wait for them. */
function prefetchWhenIdle(): void {
  requestAnimationFrame(() => {
    requestIdleCallback(() => void prefetchSignedInScreens().catch(() => undefined), { timeout: 2_000 });
  });
}

// Mount once the first route (and with it the session check) is known: no flash of the wrong screen.
void router.isReady().then(() => {
  app.mount('#app');
  prefetchWhenIdle();
});
