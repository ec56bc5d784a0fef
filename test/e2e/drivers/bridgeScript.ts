import { buildBridgeApi } from '../../../src-shared/bridge';
import { OPERATION_NAMES } from '../../../src-shared/operations';

/** The name of the Playwright binding the page's bridge calls; removed from window once captured. */
export const BINDING_NAME = '__gatehouseIpc';

/**
 * Source of an init script that builds `window.gatehouse` exactly as the preload does
 * (the same buildBridgeApi, the same operation names), but on top of a Playwright binding
 * instead of ipcRenderer.invoke. Like contextBridge, the property is frozen, non-writable and
 * non-configurable; the binding function is kept in a closure and its global name deleted.
 */
export function bridgeInitScript(): string {
  return `(() => {
  const binding = globalThis[${JSON.stringify(BINDING_NAME)}];
  if (typeof binding !== 'function') throw new Error('Gatehouse e2e: the IPC binding is missing');
  try { delete globalThis[${JSON.stringify(BINDING_NAME)}]; } catch {}
  const api = (${buildBridgeApi.toString()})(${JSON.stringify(OPERATION_NAMES)}, (op, p) => binding(op, p));
  Object.defineProperty(window, 'gatehouse', { value: api, writable: false, enumerable: true, configurable: false });
})();`;
}
