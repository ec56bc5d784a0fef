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

/**
 * Fetches the signed-in screens' chunk once the person starts using the first screen: every way
 * into them begins with typing (a password, a code) or a click, and signing in then takes about a
 * third of a second more. Not right after start-up, where loading the chunk and its style sheet
 * would compete with the first screen for the main thread.
 */
function prefetchOnFirstInput(): void {
  const events = ['keydown', 'input', 'pointerdown'] as const;
  const start = (): void => {
    for (const type of events) document.removeEventListener(type, start, true);
    requestIdleCallback(() => void prefetchSignedInScreens().catch(() => undefined), { timeout: 500 });
  };
  for (const type of events) document.addEventListener(type, start, { capture: true, passive: true });
}

// Mount once the first route (and with it the session check) is known: no flash of the wrong screen.
void router.isReady().then(() => {
  app.mount('#app');
  prefetchOnFirstInput();
});
