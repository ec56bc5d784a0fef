/**
 * Set-up for the component tests (vitest project "components", happy-dom). Each test
 * mounts through harness.ts; afterwards every mounted app is unmounted (which also ends
 * its timers and closes its dialogs), the fake bridge is removed and real timers return.
 *
 * happy-dom's <dialog> is enough here: showModal() sets `open` (a closed dialog is
 * display: none, so role queries skip it) and close() fires "close". It does not make
 * the page inert; App.vue's aria-hidden does that for the accessibility tree, and the
 * harness mounts the screen inside App.vue, as the app does.
 */
import { afterEach, vi } from 'vitest';
import { setGatehouseApi } from '../../../../src-renderer/api/gatehouseApi';
import { unmountAll } from './harness';

afterEach(() => {
  unmountAll();
  setGatehouseApi(null);
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});
