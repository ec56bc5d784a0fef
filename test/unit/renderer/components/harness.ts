/**
 * Mounts one screen the way the app shows it: inside App.vue (whose root is aria-hidden
 * while a dialog is open), with a fresh Pinia and a memory-history router. Queries go
 * through Testing Library's role and accessible-name queries, like the e2e tests.
 */
import { screen, within } from '@testing-library/dom';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, getActivePinia, setActivePinia, type Pinia } from 'pinia';
import { vi } from 'vitest';
import { defineComponent, h, type Component } from 'vue';
import { createMemoryHistory, createRouter, type RouteRecordRaw, type Router } from 'vue-router';
import App from '../../../../src-renderer/App.vue';

const mounted = new Set<VueWrapper>();

export interface Rendered {
  readonly pinia: Pinia;
  readonly router: Router;
  readonly user: UserEvent;
  unmount(): void;
}

/** A route target that only says where the app went. */
function page(title: string): Component {
  return defineComponent({ name: `${title.replace(/\W/g, '')}Page`, render: () => h('h1', title) });
}

export interface RenderOptions {
  /** Props for the screen (the route renders it with them). */
  props?: Record<string, unknown>;
  /** The screen's own route name, for screens that navigate by name. */
  name?: string;
  /** When the test uses vi.useFakeTimers(): lets user-event's delays advance them. */
  fakeTimers?: boolean;
}

/** Creates and activates a fresh Pinia; call it before touching stores in a test. */
export function freshPinia(): Pinia {
  const pinia = createPinia();
  setActivePinia(pinia);
  return pinia;
}

/**
 * Mounts `component` at "/" inside App.vue. The stores are the active Pinia's (call
 * freshPinia() first, then set any state the screen needs before rendering it).
 */
export async function render(component: Component, options: RenderOptions = {}): Promise<Rendered> {
  const pinia = getActivePinia();
  if (!pinia) throw new Error('render(): call freshPinia() first (a fresh Pinia per test).');
  const routes: RouteRecordRaw[] = [
    { path: '/', name: options.name ?? 'screen', component: { render: () => h(component, options.props ?? {}) } },
    { path: '/sign-in', name: 'sign-in', component: page('Sign in') },
    { path: '/dashboard', name: 'dashboard', component: page('Dashboard') },
    { path: '/settings/security', name: 'settings-security', component: page('Security') },
  ];
  const router = createRouter({ history: createMemoryHistory(), routes });
  await router.push('/');
  await router.isReady();

  const host = document.createElement('div');
  document.body.append(host);
  const wrapper = mount(App, { attachTo: host, global: { plugins: [pinia, router] } });
  mounted.add(wrapper);
  await flushPromises();

  const user = options.fakeTimers ? userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) }) : userEvent.setup();
  return {
    pinia,
    router,
    user,
    unmount: () => {
      if (mounted.delete(wrapper)) wrapper.unmount();
    },
  };
}

/** setup.ts calls this after each test. */
export function unmountAll(): void {
  for (const wrapper of mounted) wrapper.unmount();
  mounted.clear();
}

/** The open dialog (or alertdialog) with this accessible name. */
export function dialog(name: string, role: 'dialog' | 'alertdialog' = 'dialog'): HTMLElement {
  return screen.getByRole(role, { name });
}

export { flushPromises, screen, within };
