/**
 * runGatehouse() (src-main/electron/appLifecycle.ts) against the shared fake electron and a fake
 * backend (./harness.ts). Where Gatehouse keeps its data, under which name, and where Chromium's own folders go.
 */
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../../../support/fakeElectron').then((fake) => fake.electronModule));

import { userCacheDir } from '../../../../src-main/electron/appPaths';
import { resetFakeElectron } from '../../../support/fakeElectron';
import { h, APP_DATA, USER_DATA, launchGatehouse, fireReady, startApp, anyDesktop, useLifecycleHarness } from './harness';

useLifecycleHarness();

describe('data directory', () => {
  it.each([
    ['an absolute path', '/srv/gatehouse-test/instance-1', '/srv/gatehouse-test/instance-1'],
    ['a relative path', ' relative/gatehouse-data ', resolve('relative/gatehouse-data')],
  ])('with GATEHOUSE_DATA_DIR set to %s, moves userData there before the lock and before ready', async (_, value, dir) => {
    vi.stubEnv('GATEHOUSE_DATA_DIR', value);
    launchGatehouse();
    const { app } = h.electron;
    const userDataCalls = app.setPath.mock.calls.flatMap(([name, path], index) => (name === 'userData' ? [{ path, index }] : []));
    expect(userDataCalls.map(({ path }) => path)).toEqual([dir]);
    expect(app.requestSingleInstanceLock).toHaveBeenCalledTimes(1);
    expect(app.setPath.mock.invocationCallOrder[userDataCalls[0]!.index]!).toBeLessThan(
      app.requestSingleInstanceLock.mock.invocationCallOrder[0]!,
    );
    expect(h.composeBackend).not.toHaveBeenCalled(); // not ready yet

    await fireReady();
    expect(h.composeBackend).toHaveBeenCalledTimes(1);
    expect(h.composeBackend).toHaveBeenCalledWith({ dataDir: dir, secretStore: h.secretStore, desktop: anyDesktop });
  });

  it.each([
    ['unset', undefined],
    ['blank', '   '],
  ])('with GATEHOUSE_DATA_DIR %s, keeps the data in the app-data folder named for the app', async (_, value) => {
    vi.stubEnv('GATEHOUSE_DATA_DIR', value);
    launchGatehouse();
    await fireReady();
    expect(h.electron.app.setPath).toHaveBeenCalledWith('userData', USER_DATA);
    expect(h.composeBackend).toHaveBeenCalledWith({ dataDir: USER_DATA, secretStore: h.secretStore, desktop: anyDesktop });
  });
});

describe('identity', () => {
  it.each([
    { isPackaged: false, packagedName: 'Gatehouse', name: 'Gatehouse Dev' },
    { isPackaged: true, packagedName: 'Gatehouse', name: 'Gatehouse' },
    { isPackaged: true, packagedName: 'Gatehouse (testable)', name: 'Gatehouse (testable)' },
  ])(
    'isPackaged $isPackaged as "$packagedName": app name, data folder, Chromium folder and keychain service are "$name"',
    async ({ isPackaged, packagedName, name }) => {
      h.electron.app.isPackaged = isPackaged;
      h.electron.app.getName.mockReturnValue(packagedName);
      await startApp();
      const { app } = h.electron;
      expect(app.setName).toHaveBeenCalledWith(name);
      expect(app.setName.mock.invocationCallOrder[0]!).toBeLessThan(app.requestSingleInstanceLock.mock.invocationCallOrder[0]!);
      const paths = new Map(app.setPath.mock.calls as [string, string][]);
      expect(paths.get('userData')).toBe(`${APP_DATA}/${name}`);
      expect(paths.get('sessionData')).toBe(join(userCacheDir(process.platform, {}, '/fake/home'), name, 'Chromium'));
      expect(h.keychainServices).toEqual([name]);
      expect(h.composeBackend).toHaveBeenCalledWith(expect.objectContaining({ dataDir: `${APP_DATA}/${name}` }));
    },
  );
});

describe("Chromium's own data", () => {
  const inside = (path: string, folder: string) => path === folder || path.startsWith(`${folder}/`);
  const setPaths = () => new Map(h.electron.app.setPath.mock.calls as [string, string][]);

  it.each([
    ['the default data directory', undefined, USER_DATA],
    ['GATEHOUSE_DATA_DIR', '/srv/gatehouse-test/instance-1', '/srv/gatehouse-test/instance-1'],
  ])("with %s, keeps Chromium's profile and crash dumps out of the data directory, set before the lock", async (_, value, dataDir) => {
    vi.stubEnv('GATEHOUSE_DATA_DIR', value);
    launchGatehouse();
    const sessionData = setPaths().get('sessionData')!;
    const crashDumps = setPaths().get('crashDumps')!;
    for (const folder of [sessionData, crashDumps]) {
      expect(folder).toMatch(/^\//);
      expect(inside(folder, dataDir)).toBe(false);
      expect(inside(dataDir, folder)).toBe(false);
    }
    const { app } = h.electron;
    const lastSetPath = Math.max(...app.setPath.mock.invocationCallOrder);
    expect(lastSetPath).toBeLessThan(app.requestSingleInstanceLock.mock.invocationCallOrder[0]!);
    expect(app.whenReady.mock.invocationCallOrder[0]!).toBeGreaterThan(lastSetPath);
  });

  it('gives each data directory a Chromium profile of its own', async () => {
    vi.stubEnv('GATEHOUSE_DATA_DIR', '/srv/gatehouse-test/instance-1');
    launchGatehouse();
    const first = setPaths().get('sessionData');
    h.electron = resetFakeElectron();
    vi.stubEnv('GATEHOUSE_DATA_DIR', '/srv/gatehouse-test/instance-2');
    launchGatehouse();
    expect(setPaths().get('sessionData')).not.toBe(first);
  });
});
