/**
 * The preload (src-main/preload.ts), with the shared fake `electron`: it exposes exactly one frozen object,
 * window.gatehouse, whose keys are exactly the contract's operation names, and hands the page no
 * Electron object and no generic way to pick a channel.
 */
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../support/fakeElectron').then((fake) => fake.electronModule));

import { resetFakeElectron } from '../support/fakeElectron';
import { channelFor, OPERATION_NAMES } from '../../src-shared/operations';
import { recordSecurityCheck } from '../support/securityCheck';

type ExposedApi = Record<string | symbol, unknown>;

describe('preload', () => {
  it("exposes exactly the contract's operation names on one frozen window.gatehouse, and nothing of Electron", async (ctx) => {
    const electron = resetFakeElectron();
    await import('../../src-main/preload');
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect(electron.contextBridge.exposeInIsolatedWorld).not.toHaveBeenCalled();
    const [name, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0]! as [string, ExposedApi];
    expect(name).toBe('gatehouse');

    // Exactly the contract: own keys (symbols included), all functions, plain prototype, frozen.
    expect(Reflect.ownKeys(api).map(String).sort()).toEqual([...OPERATION_NAMES].sort());
    for (const operation of OPERATION_NAMES) expect(typeof api[operation], operation).toBe('function');
    expect(Object.getPrototypeOf(api)).toBe(Object.prototype);
    expect(Object.isFrozen(api)).toBe(true);
    expect(() => Object.assign(api, { invoke: () => null })).toThrow(TypeError);
    expect(api).not.toHaveProperty('invoke');

    // No Electron object or function is handed out, and each method uses only its own channel.
    const electronValues: unknown[] = [
      electron.ipcRenderer,
      electron.contextBridge,
      electron.webFrame,
      ...Object.values(electron.ipcRenderer),
    ];
    let tried = 0;
    for (const operation of OPERATION_NAMES) {
      expect(electronValues).not.toContain(api[operation]);
      electron.ipcRenderer.invoke.mockClear();
      // A hostile page passing a channel-like argument still only reaches this operation's channel.
      await (api[operation] as (payload: unknown) => Promise<unknown>)({ channel: 'gatehouse:deleteAccount', operation: 'deleteAccount' });
      expect(electron.ipcRenderer.invoke.mock.calls.map(([channel]) => channel)).toEqual([channelFor(operation)]);
      tried += 1;
    }
    for (const method of ['send', 'sendSync', 'on', 'postMessage'] as const) expect(electron.ipcRenderer[method]).not.toHaveBeenCalled();
    recordSecurityCheck(ctx, {
      area: 'Electron shell',
      check: "preload exposes exactly the contract's method names, frozen",
      tried,
      unit: 'operations',
    });
  });
});
