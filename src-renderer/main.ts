import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { createAppRouter } from './router';
import './styles/tokens.css';
import './styles/base.css';

const app = createApp(App);
app.use(createPinia());
const router = createAppRouter();
app.use(router);

// Mount once the first route (and with it the session check) is known: no flash of the wrong screen.
void router.isReady().then(() => app.mount('#app'));
