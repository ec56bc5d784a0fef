/**
 * The Electron lifecycle (src-main/index.ts), with `electron`, the backend's start-up step
 * (openBackend, which here only calls the mocked composition root) and the keytar store mocked. index.ts does its work at import time, so every test
 * gets fresh fakes and imports it anew; the real shell modules (src-main/electron) run
 * against the fakes.
 */
import { EventEmitter } from 'node:events';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';

const h = vi.hoisted(() => ({
  /** The current test's fakes; replaced in beforeEach. */
  electron: null as unknown as FakeElectron,
  backend: null as unknown as FakeBackend,
  composeBackend: null as unknown as Mock<(options: unknown) => FakeBackend>,
  /** openBackend: resolves to the composed backend, or null when the person chose Quit. */
  openBackend: null as unknown as Mock<(options: unknown) => Promise<unknown>>,
  takeDailyBackup: null as unknown as Mock<() => Promise<void>>,
  secretStore: { name: 'fake keytar store' },
  /** The service names createKeytarSecretStore was called with. */
  keychainServices: [] as string[],
}));

// Getters, so a module evaluated after vi.resetModules() always sees the current test's fakes.
vi.mock('electron', () => {
  const current = (): FakeElectron => h.electron;
  const module = {
    // Not spread or copied anywhere: that would read the getters once, at mock time.
    get app() {
      return current().app;
    },
    get BrowserWindow() {
      return current().BrowserWindow;
    },
    get ipcMain() {
      return current().ipcMain;
    },
    get session() {
      return current().session;
    },
    get protocol() {
      return current().protocol;
    },
    get net() {
      return current().net;
    },
    get powerMonitor() {
      return current().powerMonitor;
    },
    get Menu() {
      return current().Menu;
    },
    get dialog() {
      return current().dialog;
    },
    get clipboard() {
      return current().clipboard;
    },
    get shell() {
      return current().shell;
    },
    get nativeTheme() {
      return current().nativeTheme;
    },
    get screen() {
      return current().screen;
    },
    get ClipboardItem() {
      return FakeClipboardItem;
    },
  };
  return module;
});

vi.mock('../../../src-main/core/storage/openBackend', () => ({
  openBackend: (options: unknown): Promise<unknown> => h.openBackend(options),
}));

vi.mock('../../../src-main/core/secrets/keytarSecretStore', () => ({
  KEYCHAIN_SERVICE: 'Gatehouse',
  createKeytarSecretStore: (service: string) => {
    h.keychainServices.push(service);
    return h.secretStore;
  },
}));

import { MESSAGES } from '../../../src-shared/errors';
import { channelFor, OPERATION_NAMES } from '../../../src-shared/operations';
import { userCacheDir } from '../../../src-main/electron/appPaths';
import { STARTUP_ERROR_TITLE } from '../../../src-main/electron/startupError';

const APP_DATA = '/fake/home/.config';
/** The default data directory of an unpackaged (development) run. */
const USER_DATA = `${APP_DATA}/Gatehouse Dev`;
const APP_INDEX = 'gatehouse://app/index.html';

/** Electron 45's ClipboardItem keeps its entries until clipboard.write() commits them. */
class FakeClipboardItem {
  constructor(readonly data: Record<string, unknown>) {}
}

class FakeWebContents extends EventEmitter {
  readonly id = 42;
  readonly mainFrame = { url: APP_INDEX, parent: null, detached: false };
  readonly setWindowOpenHandler = vi.fn();
}

class FakeBrowserWindow extends EventEmitter {
  static readonly created: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly loadURL = vi.fn(async () => {});
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn();
  readonly isMinimized = vi.fn(() => false);
  readonly isDestroyed = vi.fn(() => false);
  readonly setContentProtection = vi.fn();
  readonly maximize = vi.fn();
  readonly isMaximized = vi.fn(() => false);
  readonly getNormalBounds = vi.fn(() => ({ x: 10, y: 20, width: 1000, height: 700 }));
  constructor(readonly options: { webPreferences: Record<string, unknown> } & Record<string, unknown>) {
    super();
    FakeBrowserWindow.created.push(this);
  }
}

function createFakeElectron() {
  let markReady!: () => void;
  const ready = new Promise<void>((resolveReady) => {
    markReady = resolveReady;
  });
  const ipcHandlers = new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>();
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    getPath: vi.fn((name: string) => (name === 'appData' ? APP_DATA : `/fake/${name}`)),
    setName: vi.fn(),
    setPath: vi.fn(),
    enableSandbox: vi.fn(),
    commandLine: { hasSwitch: vi.fn((_name: string) => false) },
    requestSingleInstanceLock: vi.fn(() => true),
    quit: vi.fn(),
    exit: vi.fn(),
    whenReady: vi.fn(() => ready),
    getName: vi.fn(() => 'Gatehouse'),
    getVersion: vi.fn(() => '0.1.0'),
    setAboutPanelOptions: vi.fn(),
  });
  FakeBrowserWindow.created.length = 0;
  return {
    markReady,
    ipcHandlers,
    app,
    BrowserWindow: vi.fn(function (options: ConstructorParameters<typeof FakeBrowserWindow>[0]) {
      return new FakeBrowserWindow(options);
    }),
    windows: FakeBrowserWindow.created,
    ipcMain: {
      handle: vi.fn((channel: string, handler: (event: unknown, payload: unknown) => Promise<unknown>) => {
        ipcHandlers.set(channel, handler);
      }),
      removeHandler: vi.fn((channel: string) => ipcHandlers.delete(channel)),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
        setDevicePermissionHandler: vi.fn(),
        setDisplayMediaRequestHandler: vi.fn(),
        on: vi.fn(),
      },
    },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    net: { fetch: vi.fn() },
    powerMonitor: new EventEmitter(),
    Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn((template: unknown) => ({ template })) },
    dialog: {
      showErrorBox: vi.fn(),
      showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 0, checkboxChecked: false })),
      showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePath: '' })),
    },
    clipboard: createFakeClipboard(),
    shell: { openExternal: vi.fn(async () => {}), openPath: vi.fn(async () => '') },
    nativeTheme: { shouldUseDarkColors: false },
    screen: Object.assign(new EventEmitter(), {
      getAllDisplays: vi.fn(() => [{ workArea: DISPLAY }]),
      getPrimaryDisplay: vi.fn(() => ({ workArea: DISPLAY })),
    }),
  };
}

const DISPLAY = { x: 0, y: 0, width: 1920, height: 1040 };

function createFakeClipboard() {
  const clipboard = {
    text: '',
    readText: vi.fn(async () => clipboard.text),
    write: vi.fn(async (items: FakeClipboardItem[]) => {
      clipboard.text = String(items[0]?.data['text/plain']);
    }),
    clear: vi.fn(() => {
      clipboard.text = '';
    }),
  };
  return clipboard;
}
type FakeElectron = ReturnType<typeof createFakeElectron>;

function createFakeBackend() {
  return {
    dispatch: vi.fn(async (operation: string) => ({ ok: true as const, value: `dispatched ${operation}` })),
    endSession: vi.fn(),
    close: vi.fn(),
    handlers: {},
    /** Start-up keychain reconciliation; tests replace it with one that settles later or never. */
    reconciled: Promise.resolve() as Promise<void>,
    startScreen: vi.fn((): 'sign-in' | 'create-account' | null => 'create-account'),
  };
}
type FakeBackend = ReturnType<typeof createFakeBackend>;

/** Evaluates index.ts afresh against the current fakes (its top level runs; `ready` has not fired). */
async function importMain(): Promise<void> {
  vi.resetModules();
  await import('../../../src-main/index');
}

/** Fires app `ready` and lets the whenReady().then(start).catch(…) chain settle. */
async function fireReady(): Promise<void> {
  h.electron.markReady();
  await new Promise((resolveTick) => setTimeout(resolveTick, 0));
}

async function startApp(): Promise<FakeBrowserWindow> {
  await importMain();
  await fireReady();
  expect(consoleError.mock.calls, "start-up errors").toEqual([]);
  expect(h.electron.windows).toHaveLength(1);
  return h.electron.windows[0]!;
}

/** The DesktopIntegration index.ts hands to composeBackend. */
const anyDesktop = expect.objectContaining({ copyText: expect.any(Function), saveTextFile: expect.any(Function) });

interface ComposedDesktop {
  copyText(text: string): Promise<void>;
  saveTextFile(request: { suggestedName: string; contents: string }): Promise<{ fileName: string } | null>;
}

/** The desktop port composeBackend received. */
function composedDesktop(): ComposedDesktop {
  expect(h.composeBackend).toHaveBeenCalledTimes(1);
  return (h.composeBackend.mock.calls[0]![0] as { desktop: ComposedDesktop }).desktop;
}

/** An IPC event from the main frame of the given window, i.e. one the sender policy trusts. */
function trustedEvent(window: FakeBrowserWindow) {
  return { sender: window.webContents, senderFrame: window.webContents.mainFrame };
}

function invokeIpc(operation: (typeof OPERATION_NAMES)[number], event: unknown, payload: unknown = {}): Promise<unknown> {
  const handler = h.electron.ipcHandlers.get(channelFor(operation));
  expect(handler, operation).toBeTypeOf('function');
  return handler!(event, payload);
}

let consoleError: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  h.electron = createFakeElectron();
  h.backend = createFakeBackend();
  h.composeBackend = vi.fn(() => h.backend);
  h.takeDailyBackup = vi.fn(async () => {});
  h.openBackend = vi.fn(async (options: unknown) => ({ backend: h.composeBackend(options), takeDailyBackup: h.takeDailyBackup }));
  vi.stubEnv('GATEHOUSE_DATA_DIR', undefined);
  vi.stubEnv('ELECTRON_RENDERER_URL', undefined);
  vi.stubEnv('XDG_CACHE_HOME', undefined);
  vi.stubEnv('LOCALAPPDATA', undefined);
  consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
});

afterEach(() => {
  vi.unstubAllEnvs();
  consoleError.mockRestore();
});

describe('data directory', () => {
  it.each([
    ['an absolute path', '/srv/gatehouse-test/instance-1', '/srv/gatehouse-test/instance-1'],
    ['a relative path', ' relative/gatehouse-data ', resolve('relative/gatehouse-data')],
  ])('with GATEHOUSE_DATA_DIR set to %s, moves userData there before the lock and before ready', async (_, value, dir) => {
    vi.stubEnv('GATEHOUSE_DATA_DIR', value);
    await importMain();
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
    await importMain();
    await fireReady();
    expect(h.electron.app.setPath).toHaveBeenCalledWith('userData', USER_DATA);
    expect(h.composeBackend).toHaveBeenCalledWith({ dataDir: USER_DATA, secretStore: h.secretStore, desktop: anyDesktop });
  });
});

describe('identity', () => {
  beforeEach(() => {
    h.keychainServices.length = 0;
  });

  it.each([
    { isPackaged: false, packagedName: 'Gatehouse', name: 'Gatehouse Dev' },
    { isPackaged: true, packagedName: 'Gatehouse', name: 'Gatehouse' },
    { isPackaged: true, packagedName: 'Gatehouse (testable)', name: 'Gatehouse (testable)' },
  ])('isPackaged $isPackaged as "$packagedName": app name, data folder, Chromium folder and keychain service are "$name"', async ({ isPackaged, packagedName, name }) => {
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
  });
});

describe("Chromium's own data", () => {
  const inside = (path: string, folder: string) => path === folder || path.startsWith(`${folder}/`);
  const setPaths = () => new Map(h.electron.app.setPath.mock.calls as [string, string][]);

  it.each([
    ['the default data directory', undefined, USER_DATA],
    ['GATEHOUSE_DATA_DIR', '/srv/gatehouse-test/instance-1', '/srv/gatehouse-test/instance-1'],
  ])("with %s, keeps Chromium's profile and crash dumps out of the data directory, set before the lock", async (_, value, dataDir) => {
    vi.stubEnv('GATEHOUSE_DATA_DIR', value);
    await importMain();
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
    await importMain();
    const first = setPaths().get('sessionData');
    h.electron = createFakeElectron();
    vi.stubEnv('GATEHOUSE_DATA_DIR', '/srv/gatehouse-test/instance-2');
    await importMain();
    expect(setPaths().get('sessionData')).not.toBe(first);
  });
});

describe('before ready', () => {
  it('enables the sandbox and registers the gatehouse: scheme, but composes nothing yet', async () => {
    await importMain();
    expect(h.electron.app.enableSandbox).toHaveBeenCalledTimes(1);
    expect(h.electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    expect(h.electron.protocol.registerSchemesAsPrivileged.mock.calls[0]![0]).toMatchObject([{ scheme: 'gatehouse' }]);
    expect(h.composeBackend).not.toHaveBeenCalled();
    expect(h.electron.ipcMain.handle).not.toHaveBeenCalled();
    expect(h.electron.BrowserWindow).not.toHaveBeenCalled();
  });

  it('leaves a --no-sandbox switch in place (Playwright, root containers): no enableSandbox, windows still sandboxed', async () => {
    // app.enableSandbox() would strip --no-sandbox, and Electron then aborts sandboxed processes run as root.
    h.electron.app.commandLine.hasSwitch.mockImplementation((name) => name === 'no-sandbox');
    const window = await startApp();
    expect(h.electron.app.enableSandbox).not.toHaveBeenCalled();
    expect(window.options.webPreferences).toMatchObject({ sandbox: true });
  });

  it('quits at once, composing nothing and opening no window, when another instance holds the lock', async () => {
    h.electron.app.requestSingleInstanceLock.mockReturnValue(false);
    await importMain();
    expect(h.electron.app.quit).toHaveBeenCalledTimes(1);
    expect(h.electron.app.whenReady).not.toHaveBeenCalled();
    expect(h.electron.app.listenerCount('second-instance')).toBe(0);
    expect(h.electron.app.listenerCount('before-quit')).toBe(0);
    // Even if ready fired anyway, nothing would start.
    await fireReady();
    expect(h.composeBackend).not.toHaveBeenCalled();
    expect(h.electron.BrowserWindow).not.toHaveBeenCalled();
    expect(h.electron.ipcMain.handle).not.toHaveBeenCalled();
  });
});

describe('on ready', () => {
  it('composes the backend once and registers IPC for every operation', async () => {
    await startApp();
    expect(h.composeBackend).toHaveBeenCalledTimes(1);
    expect(h.electron.ipcMain.handle).toHaveBeenCalledTimes(OPERATION_NAMES.length);
    expect(h.electron.ipcMain.handle.mock.calls.map(([channel]) => channel).sort()).toEqual(
      OPERATION_NAMES.map((name) => `gatehouse:${name}`).sort(),
    );
  });

  it('denies permissions on the default session', async () => {
    await startApp();
    const { defaultSession } = h.electron.session;
    expect(defaultSession.setPermissionRequestHandler).toHaveBeenCalledTimes(1);
    expect(defaultSession.setPermissionCheckHandler).toHaveBeenCalledTimes(1);
    expect(defaultSession.setDevicePermissionHandler).toHaveBeenCalledTimes(1);
    const callback = vi.fn();
    defaultSession.setPermissionRequestHandler.mock.calls[0]![0]({}, 'media', callback, {});
    expect(callback).toHaveBeenCalledWith(false);
    expect(defaultSession.setPermissionCheckHandler.mock.calls[0]![0]({}, 'media', APP_INDEX, {})).toBe(false);
  });

  it('serves the app protocol, installs the menu, and opens one locked-down window on the app', async () => {
    const window = await startApp();
    expect(h.electron.protocol.handle).toHaveBeenCalledWith('gatehouse', expect.any(Function));
    expect(h.electron.Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
    expect(h.electron.BrowserWindow).toHaveBeenCalledTimes(1);
    expect(window.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(String(window.options.webPreferences['preload'])).toMatch(/[\\/]preload[\\/]index\.cjs$/);
    expect(window.loadURL).toHaveBeenCalledWith(`${APP_INDEX}#/create-account`);
  });

  it.each([
    ['sign-in', `${APP_INDEX}#/sign-in`],
    ['create-account', `${APP_INDEX}#/create-account`],
    [null, APP_INDEX],
  ] as const)('opens the window on the start screen main chose before creating it (%s)', async (screen, url) => {
    h.backend.startScreen.mockReturnValue(screen);
    const window = await startApp();
    expect(h.backend.startScreen).toHaveBeenCalledTimes(1);
    expect(h.backend.startScreen.mock.invocationCallOrder[0]!).toBeLessThan(h.electron.BrowserWindow.mock.invocationCallOrder[0]!);
    expect(window.loadURL).toHaveBeenCalledWith(url);
  });

  it('sets the About panel (version, licence, data folder) and adds a Help menu', async () => {
    await startApp();
    expect(h.electron.app.setAboutPanelOptions).toHaveBeenCalledTimes(1);
    const about = JSON.stringify(h.electron.app.setAboutPanelOptions.mock.calls[0]![0]);
    for (const fact of ['0.1.0', 'MIT License', USER_DATA]) expect(about).toContain(fact);
    const menu = h.electron.Menu.buildFromTemplate.mock.calls[0]![0] as { role?: string }[];
    expect(menu.at(-1)).toMatchObject({ role: 'help' });
  });

  it.each([
    { isPackaged: true, devTools: false },
    { isPackaged: false, devTools: true },
  ])('isPackaged $isPackaged → DevTools and developer menu items: $devTools', async ({ isPackaged, devTools }) => {
    h.electron.app.isPackaged = isPackaged;
    const window = await startApp();
    expect(window.options.webPreferences['devTools']).toBe(devTools);
    const menu = JSON.stringify(h.electron.Menu.buildFromTemplate.mock.calls[0]![0]);
    expect(menu.includes('toggleDevTools')).toBe(devTools);
    expect(menu.includes('forceReload')).toBe(devTools);
  });

  it('lets the main window call IPC through to the backend', async () => {
    const window = await startApp();
    const payload = { email: 'ada@example.com', password: 'pw' };
    await expect(invokeIpc('signIn', trustedEvent(window), payload)).resolves.toEqual({
      ok: true,
      value: 'dispatched signIn',
    });
    expect(h.backend.dispatch).toHaveBeenCalledWith('signIn', payload);
  });

  it('refuses IPC from another webContents', async () => {
    const window = await startApp();
    const stranger = { ...trustedEvent(window), sender: { id: 99, mainFrame: window.webContents.mainFrame } };
    await expect(invokeIpc('listAccounts', stranger)).resolves.toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: MESSAGES.forbidden },
    });
    expect(h.backend.dispatch).not.toHaveBeenCalled();
  });
});

describe('desktop port', () => {
  it("gives the backend Electron's clipboard and a save dialog parented to the main window", async () => {
    const window = await startApp();
    const desktop = composedDesktop();
    await desktop.copyText('JBSWY3DPEHPK3PXP');
    expect(h.electron.clipboard.write).toHaveBeenCalledTimes(1);
    expect(h.electron.clipboard.text).toBe('JBSWY3DPEHPK3PXP');

    await expect(desktop.saveTextFile({ suggestedName: 'codes.txt', contents: 'x' })).resolves.toBeNull();
    expect(h.electron.dialog.showSaveDialog).toHaveBeenCalledTimes(1);
    expect(h.electron.dialog.showSaveDialog.mock.calls[0]![0]).toBe(window);
  });

  /** Emits before-quit, then will-quit, as Electron does when quitting, with events the handlers may cancel. */
  const quit = () => {
    const before = { preventDefault: vi.fn() };
    const will = { preventDefault: vi.fn() };
    h.electron.app.emit('before-quit', before);
    h.electron.app.emit('will-quit', will);
    return { before, will };
  };

  it('on will-quit holds quitting until a copied secret still on the clipboard is cleared, then quits again', async () => {
    await startApp();
    await composedDesktop().copyText('JBSWY3DPEHPK3PXP');
    const { before, will } = quit();
    expect(before.preventDefault).not.toHaveBeenCalled();
    expect(h.backend.close).toHaveBeenCalledTimes(1);
    expect(will.preventDefault).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(h.electron.app.quit).toHaveBeenCalledTimes(1));
    expect(h.electron.clipboard.text).toBe('');

    // The second round finds nothing to clear and lets the app quit.
    expect(quit().will.preventDefault).not.toHaveBeenCalled();
    expect(h.backend.close).toHaveBeenCalledTimes(1);
  });

  it('on will-quit leaves the clipboard alone when the person copied something else since', async () => {
    await startApp();
    await composedDesktop().copyText('JBSWY3DPEHPK3PXP');
    h.electron.clipboard.text = 'something else';
    quit();
    await vi.waitFor(() => expect(h.electron.app.quit).toHaveBeenCalledTimes(1));
    expect(h.electron.clipboard.clear).not.toHaveBeenCalled();
    expect(h.electron.clipboard.text).toBe('something else');
  });

  it('on will-quit with nothing copied, quits at once', async () => {
    await startApp();
    const { before, will } = quit();
    expect(before.preventDefault).not.toHaveBeenCalled();
    expect(will.preventDefault).not.toHaveBeenCalled();
    expect(h.electron.clipboard.readText).not.toHaveBeenCalled();
  });

  it("clears a copied secret when the window's Windows session ends (log-off, shutdown), before the handler returns", async () => {
    const window = await startApp();
    await composedDesktop().copyText('JBSWY3DPEHPK3PXP');
    // Chromium's Windows clipboard answers the read at once; the fake does too.
    window.emit('session-end', { preventDefault: vi.fn() });
    await Promise.resolve();
    await Promise.resolve();
    expect(h.electron.clipboard.clear).toHaveBeenCalledTimes(1);
    expect(h.electron.clipboard.text).toBe('');
  });

  it('protects the window from capture while the core says secrets are shown, also in a window opened later', async () => {
    const window = await startApp();
    const desktop = composedDesktop() as ComposedDesktop & { protectScreen(on: boolean): void };
    desktop.protectScreen(true);
    expect(window.setContentProtection).toHaveBeenLastCalledWith(true);
    window.emit('minimize');
    window.emit('restore');
    expect(window.setContentProtection).toHaveBeenCalledTimes(3); // at creation (off), on, and again after restore
    expect(window.setContentProtection).toHaveBeenLastCalledWith(true);
    desktop.protectScreen(false);
    expect(window.setContentProtection).toHaveBeenLastCalledWith(false);
  });
});

describe('quitting while start-up work runs', () => {
  /** A promise and its resolve function, to settle start-up work when the test says so. */
  const deferred = () => {
    let settle!: () => void;
    const promise = new Promise<void>((resolve) => {
      settle = resolve;
    });
    return { promise, settle };
  };
  const emitBeforeQuit = () => {
    const event = { preventDefault: vi.fn() };
    h.electron.app.emit('before-quit', event);
    return event;
  };

  afterEach(() => {
    vi.useRealTimers();
  });

  it('waits for keychain reconciliation to finish before closing the database, then quits', async () => {
    const reconciliation = deferred();
    h.backend.reconciled = reconciliation.promise;
    const window = await startApp();
    const event = emitBeforeQuit();
    expect(event.preventDefault).toHaveBeenCalledTimes(1);
    expect(h.backend.endSession).toHaveBeenCalledWith('app_quit');
    expect(h.backend.close).not.toHaveBeenCalled();
    // Meanwhile the renderer gets no new work into the backend.
    await expect(invokeIpc('getSession', trustedEvent(window))).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } });

    reconciliation.settle();
    await vi.waitFor(() => expect(h.electron.app.quit).toHaveBeenCalledTimes(1));
    expect(h.backend.close).toHaveBeenCalledTimes(1);
    expect(h.backend.close.mock.invocationCallOrder[0]!).toBeLessThan(h.electron.app.quit.mock.invocationCallOrder[0]!);
    // The second round closes nothing twice and lets the app quit.
    expect(emitBeforeQuit().preventDefault).not.toHaveBeenCalled();
    expect(h.backend.close).toHaveBeenCalledTimes(1);
  });

  it('waits for the daily backup in the same way', async () => {
    const backup = deferred();
    h.takeDailyBackup.mockReturnValue(backup.promise);
    await startApp();
    expect(emitBeforeQuit().preventDefault).toHaveBeenCalledTimes(1);
    expect(h.backend.close).not.toHaveBeenCalled();
    backup.settle();
    await vi.waitFor(() => expect(h.electron.app.quit).toHaveBeenCalledTimes(1));
    expect(h.backend.close).toHaveBeenCalledTimes(1);
  });

  it('gives up after 5 seconds on a reconciliation that never settles: closes the database and quits', async () => {
    h.backend.reconciled = new Promise<void>(() => {});
    await startApp();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    expect(emitBeforeQuit().preventDefault).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(4_999);
    expect(h.backend.close).not.toHaveBeenCalled();
    expect(h.electron.app.quit).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(h.backend.close).toHaveBeenCalledTimes(1);
    expect(h.electron.app.quit).toHaveBeenCalledTimes(1);
    expect(emitBeforeQuit().preventDefault).not.toHaveBeenCalled();
  });

  it('closes at once when start-up work has already finished', async () => {
    await startApp();
    expect(emitBeforeQuit().preventDefault).not.toHaveBeenCalled();
    expect(h.backend.close).toHaveBeenCalledTimes(1);
  });
});

describe('ending the session', () => {
  it.each(['lock-screen', 'suspend'])("ends the session as 'screen_locked' on powerMonitor %s", async (event) => {
    await startApp();
    expect(h.backend.endSession).not.toHaveBeenCalled();
    h.electron.powerMonitor.emit(event);
    expect(h.backend.endSession).toHaveBeenCalledTimes(1);
    expect(h.backend.endSession).toHaveBeenCalledWith('screen_locked');
    expect(h.backend.close).not.toHaveBeenCalled();
  });

  it('survives a throwing endSession', async () => {
    await startApp();
    h.backend.endSession.mockImplementation(() => {
      throw new Error('keychain locked');
    });
    expect(() => h.electron.powerMonitor.emit('lock-screen')).not.toThrow();
    expect(consoleError).toHaveBeenCalled();
  });

  it("on before-quit ends the session as 'app_quit', then closes the backend; later IPC gets INTERNAL", async () => {
    const window = await startApp();
    h.electron.app.emit('before-quit');
    expect(h.backend.endSession).toHaveBeenCalledWith('app_quit');
    expect(h.backend.close).toHaveBeenCalledTimes(1);
    expect(h.backend.endSession.mock.invocationCallOrder[0]!).toBeLessThan(h.backend.close.mock.invocationCallOrder[0]!);

    await expect(invokeIpc('getSession', trustedEvent(window))).resolves.toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: MESSAGES.internal },
    });
    expect(h.backend.dispatch).not.toHaveBeenCalled();

    // The closed backend is not touched again: not by a lock, not by a second before-quit.
    h.electron.powerMonitor.emit('lock-screen');
    h.electron.app.emit('before-quit');
    expect(h.backend.endSession).toHaveBeenCalledTimes(1);
    expect(h.backend.close).toHaveBeenCalledTimes(1);
  });

  it('still closes the backend when ending the session throws on quit', async () => {
    await startApp();
    h.backend.endSession.mockImplementation(() => {
      throw new Error('boom');
    });
    expect(() => h.electron.app.emit('before-quit')).not.toThrow();
    expect(h.backend.close).toHaveBeenCalledTimes(1);
  });
});

describe('windows', () => {
  it('restores, shows and focuses a minimized window on second-instance', async () => {
    const window = await startApp();
    window.isMinimized.mockReturnValue(true);
    h.electron.app.emit('second-instance');
    expect(window.restore).toHaveBeenCalledTimes(1);
    expect(window.show).toHaveBeenCalledTimes(1);
    expect(window.focus).toHaveBeenCalledTimes(1);
  });

  it('shows and focuses a window that is not minimized, without restoring it', async () => {
    const window = await startApp();
    h.electron.app.emit('second-instance');
    expect(window.restore).not.toHaveBeenCalled();
    expect(window.show).toHaveBeenCalledTimes(1);
    expect(window.focus).toHaveBeenCalledTimes(1);
  });

  it('ignores second-instance before the window exists', async () => {
    await importMain();
    expect(() => h.electron.app.emit('second-instance')).not.toThrow();
    expect(h.electron.windows).toHaveLength(0);
  });

  it('forgets a closed window: its IPC is refused, and second-instance opens a new one instead of touching it', async () => {
    const window = await startApp();
    window.emit('closed');
    await expect(invokeIpc('listAccounts', trustedEvent(window))).resolves.toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(h.backend.dispatch).not.toHaveBeenCalled();
    h.electron.app.emit('second-instance');
    expect(window.show).not.toHaveBeenCalled();
    expect(window.focus).not.toHaveBeenCalled();
    expect(h.electron.windows).toHaveLength(2);
  });

  it('opens no window again once quitting has begun', async () => {
    const window = await startApp();
    h.electron.app.emit('before-quit', { preventDefault: vi.fn() });
    window.emit('closed');
    h.electron.app.emit('second-instance');
    h.electron.app.emit('activate', {}, false);
    expect(h.electron.windows).toHaveLength(1);
  });

  describe.each(['linux', 'win32'] as const)('on %s', (platform) => {
    beforeEach(() => onPlatform(platform));
    afterEach(restorePlatform);

    it('quits when every window is closed', async () => {
      await startApp();
      expect(h.electron.app.quit).not.toHaveBeenCalled();
      h.electron.app.emit('window-all-closed');
      expect(h.electron.app.quit).toHaveBeenCalledTimes(1);
      expect(h.backend.endSession).not.toHaveBeenCalled(); // before-quit ends it as 'app_quit'
    });
  });

  describe('on macOS', () => {
    beforeEach(() => onPlatform('darwin'));
    afterEach(restorePlatform);

    it('stays in the dock when the window closes, ending the session; a dock click opens a new window', async () => {
      const first = await startApp();
      first.emit('closed');
      h.electron.app.emit('window-all-closed');
      expect(h.electron.app.quit).not.toHaveBeenCalled();
      expect(h.backend.endSession).toHaveBeenCalledWith('window_closed');
      expect(h.backend.close).not.toHaveBeenCalled();

      h.backend.startScreen.mockReturnValue('sign-in');
      h.electron.app.emit('activate', {}, false);
      expect(h.electron.windows).toHaveLength(2);
      const second = h.electron.windows[1]!;
      expect(second.loadURL).toHaveBeenCalledWith(`${APP_INDEX}#/sign-in`);
      // The new window is the trusted one, and a second dock click opens no third.
      await expect(invokeIpc('listAccounts', trustedEvent(second))).resolves.toMatchObject({ ok: true });
      h.electron.app.emit('activate', {}, true);
      expect(h.electron.windows).toHaveLength(2);
    });

    it('a second instance also reopens the window, and nothing opens before start-up finished', async () => {
      await importMain();
      h.electron.app.emit('activate', {}, false);
      expect(h.electron.windows).toHaveLength(0);
      await fireReady();
      h.electron.windows[0]!.emit('closed');
      h.electron.app.emit('second-instance');
      expect(h.electron.windows).toHaveLength(2);
    });
  });
});

const realPlatform = process.platform;
function onPlatform(platform: NodeJS.Platform): void {
  Object.defineProperty(process, 'platform', { value: platform });
}
function restorePlatform(): void {
  Object.defineProperty(process, 'platform', { value: realPlatform });
}

describe('database start-up', () => {
  it('takes the daily backup in the background, once the window is open', async () => {
    await importMain();
    h.takeDailyBackup.mockImplementation(async () => {
      expect(h.electron.BrowserWindow).toHaveBeenCalledTimes(1);
    });
    await fireReady();
    expect(h.takeDailyBackup).toHaveBeenCalledTimes(1);
    expect(h.electron.BrowserWindow.mock.invocationCallOrder[0]!).toBeLessThan(h.takeDailyBackup.mock.invocationCallOrder[0]!);
  });

  it('quits without a window, IPC or error box when the person chooses Quit in the recovery dialog', async () => {
    h.openBackend.mockResolvedValue(null);
    await importMain();
    await fireReady();
    expect(h.electron.app.quit).toHaveBeenCalledTimes(1);
    expect(h.electron.app.exit).not.toHaveBeenCalled();
    expect(h.electron.dialog.showErrorBox).not.toHaveBeenCalled();
    expect(h.electron.BrowserWindow).not.toHaveBeenCalled();
    expect(h.electron.ipcMain.handle).not.toHaveBeenCalled();
  });

  it.each([
    [0, 'restore'],
    [1, 'start-empty'],
    [2, 'quit'],
  ] as const)('asks about a damaged database with a native message box (button %i: %s)', async (response, choice) => {
    await startApp();
    const desktop = (h.openBackend.mock.calls[0]![0] as { desktop: { chooseDatabaseRecovery(r: unknown): Promise<string> } }).desktop;
    h.electron.dialog.showMessageBox.mockResolvedValue({ response, checkboxChecked: false });
    const takenAt = Date.UTC(2026, 10, 27, 9, 30);
    const report = { movedTo: '/fake/data/gatehouse.db.damaged-20261128T090000000Z', newestBackup: { takenAt } };
    await expect(desktop.chooseDatabaseRecovery(report)).resolves.toBe(choice);
    const [options] = h.electron.dialog.showMessageBox.mock.calls[0]! as [{ detail: string; buttons: string[]; cancelId: number }];
    expect(options.detail).toContain(report.movedTo);
    const date = new Date(takenAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
    expect(options.buttons).toEqual([`Restore backup from ${date}`, 'Start with no accounts', 'Quit']);
    expect(options.buttons[options.cancelId]).toBe('Quit');
    // What a restore undoes (password changes since the backup) and what it does not (two-factor state).
    expect(options.detail).toContain('names and passwords are as they were then, so sign in with the password you had then');
    expect(options.detail).toContain('used codes stay used, a replaced set of recovery codes stays replaced, and a lock stays in place');
    expect(options.detail).toContain('Accounts deleted since stay deleted.');
  });

  it('without a backup, offers only "Start with no accounts" and "Quit"', async () => {
    await startApp();
    const desktop = (h.openBackend.mock.calls[0]![0] as { desktop: { chooseDatabaseRecovery(r: unknown): Promise<string> } }).desktop;
    h.electron.dialog.showMessageBox.mockResolvedValue({ response: 0, checkboxChecked: false });
    await expect(desktop.chooseDatabaseRecovery({ movedTo: '/fake/x', newestBackup: null })).resolves.toBe('start-empty');
    expect((h.electron.dialog.showMessageBox.mock.calls[0]![0] as { buttons: string[] }).buttons).toEqual(['Start with no accounts', 'Quit']);
    expect((h.electron.dialog.showMessageBox.mock.calls[0]![0] as { detail: string }).detail).not.toContain('Restoring undoes');
  });
});

describe('start-up failure', () => {
  it("shows a DatabaseOpenError's message in an error box, then exits with code 1", async () => {
    const message = 'This Gatehouse data was saved by a newer version of Gatehouse. Please install the latest Gatehouse.';
    await importMain();
    // vi.resetModules() gave index.ts a fresh openDatabase module: throw its DatabaseOpenError,
    // the class startupError.ts checks with instanceof (the statically imported one is another class).
    const { DatabaseOpenError } = await import('../../../src-main/core/db/openDatabase');
    h.composeBackend.mockImplementation(() => {
      throw new DatabaseOpenError(message, 'newer-version', '/fake/data/gatehouse.db');
    });
    await fireReady();
    const { dialog, app } = h.electron;
    expect(dialog.showErrorBox).toHaveBeenCalledTimes(1);
    expect(dialog.showErrorBox).toHaveBeenCalledWith(STARTUP_ERROR_TITLE, message);
    expect(STARTUP_ERROR_TITLE).not.toBe('');
    expect(app.exit).toHaveBeenCalledTimes(1);
    expect(app.exit).toHaveBeenCalledWith(1);
    expect(dialog.showErrorBox.mock.invocationCallOrder[0]!).toBeLessThan(app.exit.mock.invocationCallOrder[0]!);
    expect(h.electron.BrowserWindow).not.toHaveBeenCalled();
    expect(h.electron.ipcMain.handle).not.toHaveBeenCalled();
  });

  it('keeps any other error text out of the dialog', async () => {
    h.composeBackend.mockImplementation(() => {
      throw new Error('SQLITE_CORRUPT at /home/ada/secret/path');
    });
    await importMain();
    await fireReady();
    expect(h.electron.dialog.showErrorBox).toHaveBeenCalledTimes(1);
    const [title, text] = h.electron.dialog.showErrorBox.mock.calls[0]!;
    expect(title).toBe(STARTUP_ERROR_TITLE);
    expect(text).not.toContain('/home/ada/secret/path');
    expect(h.electron.app.exit).toHaveBeenCalledWith(1);
  });

  it('closes an already composed backend when a later start-up step fails', async () => {
    h.electron.BrowserWindow.mockImplementation(function () {
      throw new Error('no display');
    });
    await importMain();
    await fireReady();
    expect(h.composeBackend).toHaveBeenCalledTimes(1);
    expect(h.backend.close).toHaveBeenCalledTimes(1);
    expect(h.electron.dialog.showErrorBox).toHaveBeenCalledTimes(1);
    expect(h.electron.app.exit).toHaveBeenCalledWith(1);
    expect(h.backend.close.mock.invocationCallOrder[0]!).toBeLessThan(h.electron.app.exit.mock.invocationCallOrder[0]!);
  });
});
