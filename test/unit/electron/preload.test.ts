/**
 * The preload (src-main/preload.ts), with the shared fake `electron`: what it puts on
 * window.gatehouse, and what each method sends over IPC.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../../support/fakeElectron').then((fake) => fake.electronModule));

import { resetFakeElectron, type FakeElectron } from '../../support/fakeElectron';
import { channelFor, OPERATION_NAMES } from '../../../src-shared/operations';

type ExposedApi = Record<string, (payload?: unknown) => Promise<unknown>>;

/** Evaluates the preload afresh and returns what it exposed. */
async function loadPreload(): Promise<ExposedApi> {
  vi.resetModules();
  await import('../../../src-main/preload');
  expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
  return electron.contextBridge.exposeInMainWorld.mock.calls[0]![1] as ExposedApi;
}

let electron: FakeElectron;
beforeEach(() => {
  electron = resetFakeElectron();
});

describe('preload', () => {
  // What it exposes (one frozen object, exactly the contract's methods, nothing of Electron):
  // test/security/electronShellPreload.test.ts, a security check with a row in the report.

  it("forwards signIn's argument on the signIn channel and returns invoke's result", async () => {
    const api = await loadPreload();
    const result = { ok: true, value: { accountId: 'a1' } };
    electron.ipcRenderer.invoke.mockResolvedValueOnce(result);
    const input = { email: 'ada@example.com', password: 'correct horse battery staple' };
    await expect(api['signIn']!(input)).resolves.toBe(result);
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledTimes(1);
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith('gatehouse:signIn', {
      email: 'ada@example.com',
      password: 'correct horse battery staple',
    });
  });

  it('passes a rejected invoke through as a rejection', async () => {
    const api = await loadPreload();
    const failure = new Error('ipc gone');
    electron.ipcRenderer.invoke.mockRejectedValueOnce(failure);
    await expect(api['getSession']!({})).rejects.toBe(failure);
  });

  it('sends {} when a method is called with no argument', async () => {
    const api = await loadPreload();
    electron.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: [] });
    await api['listAccounts']!();
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith('gatehouse:listAccounts', {});
  });

  it('sends every operation on its own channel and touches no other ipcRenderer method', async () => {
    const api = await loadPreload();
    electron.ipcRenderer.invoke.mockResolvedValue({ ok: true, value: null });
    for (const name of OPERATION_NAMES) await api[name]!({ marker: name });
    expect(electron.ipcRenderer.invoke.mock.calls).toEqual(OPERATION_NAMES.map((name) => [channelFor(name), { marker: name }]));
    expect(electron.ipcRenderer.send).not.toHaveBeenCalled();
    expect(electron.ipcRenderer.sendSync).not.toHaveBeenCalled();
    expect(electron.ipcRenderer.on).not.toHaveBeenCalled();
    expect(electron.ipcRenderer.postMessage).not.toHaveBeenCalled();
  });
});
