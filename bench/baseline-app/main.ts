// The bench baseline: the smallest Vue app that shows a sign-in form, built by the same Vite
// setup as the renderer (bench/lib/buildRenderer.ts). Start-up and weight are measured against it.
import { createApp } from 'vue';
import App from './App.vue';

createApp(App).mount('#app');
