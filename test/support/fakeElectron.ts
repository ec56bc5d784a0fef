/**
 * The one fake `electron` for unit and security tests of the shell (the real package cannot load
 * in plain Node). A test file mocks the module with it and takes a fresh fake per test:
 *
 *   vi.mock('electron', () => import('../../support/fakeElectron').then((fake) => fake.electronModule));
 *   let electron: FakeElectron;
 *   beforeEach(() => (electron = resetFakeElectron()));
 *
 * `electronModule` reads the current fake on every access, so modules that imported `electron`
 * once see each test's fresh fake. Process boundaries only: the real shell modules run against it.
 * (The built bundle's stand-in, for a separate Node process, is test/e2e/buildOutput/electronStub.cjs.)
 */
import { EventEmitter } from 'node:events';
import { vi, type Mock } from 'vitest';

export const FAKE_APP_DATA = '/fake/home/.config';
export const FAKE_APP_URL = 'gatehouse://app/index.html';

type Rect = { x: number; y: number; width: number; height: number };
type IpcHandler = (event: unknown, payload: unknown) => Promise<unknown>;
/** A bare vi.fn(), typed by name so the declaration emit (composite project) can spell it. */
export const stub = (): Mock => vi.fn();

/** Electron 45's ClipboardItem keeps its entries until clipboard.write() commits them. */
export class FakeClipboardItem {
  constructor(readonly data: Record<string, Blob | string>) {}
}

export class FakeWebContents extends EventEmitter {
  readonly id = 42;
  readonly mainFrame = { url: FAKE_APP_URL, parent: null, detached: false };
  /** The handler given to setWindowOpenHandler. */
  windowOpenHandler: ((details: { url: string }) => unknown) | undefined;
  readonly setWindowOpenHandler = vi.fn((handler: (details: { url: string }) => unknown) => {
    this.windowOpenHandler = handler;
  });
}

export class FakeBrowserWindow extends EventEmitter {
  readonly webContents = new FakeWebContents();
  readonly loadURL = vi.fn(async (_url: string) => {});
  readonly show = stub();
  readonly focus = stub();
  readonly restore = stub();
  readonly isMinimized = vi.fn(() => false);
  readonly isDestroyed = vi.fn(() => false);
  readonly setContentProtection = stub();
  readonly maximize = stub();
  readonly isMaximized = vi.fn(() => false);
  readonly getNormalBounds = vi.fn(() => ({ x: 10, y: 20, width: 1000, height: 700 }));
  constructor(readonly options: { webPreferences: Record<string, unknown> } & Record<string, unknown>) {
    super();
  }
}

function createFakeApp() {
  let markReady!: () => void;
  const ready = new Promise<void>((resolveReady) => {
    markReady = resolveReady;
  });
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    getPath: vi.fn((name: string) => (name === 'appData' ? FAKE_APP_DATA : `/fake/${name}`)),
    setName: stub(),
    setPath: stub(),
    enableSandbox: stub(),
    commandLine: { hasSwitch: vi.fn((_name: string) => false) },
    requestSingleInstanceLock: vi.fn(() => true),
    quit: stub(),
    exit: stub(),
    whenReady: vi.fn(() => ready),
    getName: vi.fn(() => 'Gatehouse'),
    getVersion: vi.fn(() => '0.1.0'),
    setAboutPanelOptions: stub(),
  });
  return { app, markReady };
}

function createFakeClipboard() {
  const clipboard = {
    text: '',
    /** Every format of the last write, as written. */
    formats: {} as Record<string, Blob | string>,
    readText: vi.fn(async (): Promise<string> => clipboard.text),
    write: vi.fn(async (items: FakeClipboardItem[]): Promise<void> => {
      clipboard.formats = Object.assign({}, ...items.map((item) => item.data)) as Record<string, Blob | string>;
      clipboard.text = String(clipboard.formats['text/plain'] ?? '');
    }),
    clear: vi.fn((): void => {
      clipboard.text = '';
      clipboard.formats = {};
    }),
  };
  return clipboard;
}

function createFakeScreen() {
  const screen = Object.assign(new EventEmitter(), {
    /** What getAllDisplays reports; tests replace it to plug displays in and out. */
    displays: [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }] as { workArea: Rect }[],
    getAllDisplays: vi.fn(() => screen.displays),
    getPrimaryDisplay: vi.fn(() => screen.displays[0]),
  });
  return screen;
}

export function createFakeElectron() {
  const { app, markReady } = createFakeApp();
  const windows: FakeBrowserWindow[] = [];
  const ipcHandlers = new Map<string, IpcHandler>();
  return {
    /** Fires app `ready` (whenReady() resolves). */
    markReady,
    /** Every BrowserWindow created, in order. */
    windows,
    /** The handlers ipcMain.handle registered, by channel. */
    ipcHandlers,
    app,
    BrowserWindow: vi.fn(function (options: ConstructorParameters<typeof FakeBrowserWindow>[0]) {
      const window = new FakeBrowserWindow(options);
      windows.push(window);
      return window;
    }),
    ipcMain: {
      handle: vi.fn((channel: string, handler: IpcHandler) => void ipcHandlers.set(channel, handler)),
      removeHandler: vi.fn((channel: string) => void ipcHandlers.delete(channel)),
    },
    ipcRenderer: {
      invoke: vi.fn(async (..._args: unknown[]): Promise<unknown> => ({ ok: true, value: null })),
      send: stub(),
      sendSync: stub(),
      on: stub(),
      postMessage: stub(),
    },
    contextBridge: { exposeInMainWorld: stub(), exposeInIsolatedWorld: stub() },
    webFrame: { executeJavaScript: stub() },
    session: {
      defaultSession: {
        setPermissionRequestHandler: stub(),
        setPermissionCheckHandler: stub(),
        setDevicePermissionHandler: stub(),
        setDisplayMediaRequestHandler: stub(),
        on: stub(),
      },
    },
    protocol: { registerSchemesAsPrivileged: stub(), handle: stub() },
    net: { fetch: vi.fn(async (_url: string): Promise<Response> => new Response(null, { status: 404 })) },
    powerMonitor: new EventEmitter(),
    Menu: { setApplicationMenu: stub(), buildFromTemplate: vi.fn((template: unknown) => ({ template })) },
    dialog: {
      showErrorBox: stub(),
      showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 0, checkboxChecked: false })),
      showSaveDialog: vi.fn(async (..._args: unknown[]): Promise<{ canceled: boolean; filePath?: string }> => ({
        canceled: true,
        filePath: '',
      })),
    },
    clipboard: createFakeClipboard(),
    ClipboardItem: FakeClipboardItem,
    shell: { openExternal: vi.fn(async (_url: string) => {}), openPath: vi.fn(async (_path: string) => '') },
    nativeTheme: { shouldUseDarkColors: false },
    screen: createFakeScreen(),
  };
}
export type FakeElectron = ReturnType<typeof createFakeElectron>;

// On globalThis, not in a module variable: vi.resetModules() (tests that re-import a module) can
// evaluate this file again, and the `electron` mock and the test must still share one fake.
const CURRENT = Symbol.for('gatehouse.test.fakeElectron');
const holder = globalThis as { [CURRENT]?: FakeElectron };
const current = (): FakeElectron => (holder[CURRENT] ??= createFakeElectron());

/** Makes a fresh fake the one `electron` resolves to, and returns it. */
export function resetFakeElectron(): FakeElectron {
  holder[CURRENT] = createFakeElectron();
  return holder[CURRENT];
}

/** What `import … from 'electron'` gives a module under test: the current fake's members, read on each access. */
export const electronModule: Record<string, unknown> = {};
for (const key of [...Object.keys(current()), 'default']) {
  const read = key === 'default' ? () => electronModule : () => current()[key as keyof FakeElectron];
  Object.defineProperty(electronModule, key, { get: read, enumerable: true });
}
