/**
 * The Electron lifecycle (src-main/electron/appLifecycle.ts) under test: runGatehouse() with the
 * shared fake `electron` (test/support/fakeElectron.ts), a fake backend behind a fake openBackend,
 * and a fake keychain store. The real shell modules (src-main/electron) run against the fakes.
 * Each test file mocks `electron` itself (vi.mock is per file) and calls useLifecycleHarness().
 */
import { afterEach, beforeEach, expect, vi, type Mock } from 'vitest';
import { channelFor, type OPERATION_NAMES } from '../../../../src-shared/operations';
import type { openBackend } from '../../../../src-main/core/storage/openBackend';
import { runGatehouse } from '../../../../src-main/electron/appLifecycle';
import {
  FAKE_APP_DATA,
  FAKE_APP_URL,
  resetFakeElectron,
  stub,
  type FakeBrowserWindow,
  type FakeElectron,
} from '../../../support/fakeElectron';

export const APP_DATA = FAKE_APP_DATA;
/** The default data directory of an unpackaged (development) run. */
export const USER_DATA = `${APP_DATA}/Gatehouse Dev`;
export const APP_INDEX = FAKE_APP_URL;

function createFakeBackend() {
  return {
    dispatch: vi.fn(async (operation: string) => ({ ok: true as const, value: `dispatched ${operation}` })),
    endSession: stub(),
    close: stub(),
    handlers: {},
    /** Start-up keychain reconciliation; tests replace it with one that settles later or never. */
    reconciled: Promise.resolve() as Promise<void>,
    startScreen: vi.fn((): 'sign-in' | 'create-account' | null => 'create-account'),
  };
}
type FakeBackend = ReturnType<typeof createFakeBackend>;

/** The current test's fakes; replaced before each test. */
export const h = {
  electron: null as unknown as FakeElectron,
  backend: null as unknown as FakeBackend,
  composeBackend: null as unknown as Mock<(options: unknown) => FakeBackend>,
  /** openBackend: resolves to the composed backend, or null when the person chose Quit. */
  openBackend: null as unknown as Mock<(options: unknown) => Promise<unknown>>,
  takeDailyBackup: null as unknown as Mock<() => Promise<void>>,
  /** What createSecretStore returns: the keychain of an installation, by id (never called here). */
  secretStore: function fakeKeytarKeychainFor(): never {
    throw new Error('the fake backend opens no keychain');
  },
  /** The service names the keychain store was created with. */
  keychainServices: [] as string[],
  /** The platform runGatehouse is told it runs on. */
  platform: process.platform,
  consoleError: null as unknown as ReturnType<typeof vi.spyOn>,
};

/** Fresh fakes before each test of the calling file, and the environment restored after. */
export function useLifecycleHarness(): void {
  beforeEach(() => {
    h.electron = resetFakeElectron();
    h.backend = createFakeBackend();
    h.composeBackend = vi.fn(() => h.backend);
    h.takeDailyBackup = vi.fn(async () => {});
    h.openBackend = vi.fn(async (options: unknown) => ({ backend: h.composeBackend(options), takeDailyBackup: h.takeDailyBackup }));
    h.keychainServices.length = 0;
    h.platform = process.platform;
    vi.stubEnv('GATEHOUSE_DATA_DIR', undefined);
    vi.stubEnv('ELECTRON_RENDERER_URL', undefined);
    vi.stubEnv('XDG_CACHE_HOME', undefined);
    vi.stubEnv('LOCALAPPDATA', undefined);
    h.consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
  });

  afterEach(() => {
    vi.unstubAllEnvs();
    h.consoleError.mockRestore();
  });
}

/** Runs Gatehouse against the current fakes, as src-main/index.ts does (`ready` has not fired). */
export function launchGatehouse(): void {
  runGatehouse({
    electron: h.electron as unknown as Parameters<typeof runGatehouse>[0]['electron'],
    env: process.env,
    platform: h.platform,
    rendererDir: '/fake/app/out/renderer',
    preloadPath: '/fake/app/out/preload/index.cjs',
    openBackend: ((options: unknown) => h.openBackend(options)) as typeof openBackend,
    createSecretStore: (service) => {
      h.keychainServices.push(service);
      return h.secretStore;
    },
  });
}

/** Fires app `ready` and lets the whenReady().then(start).catch(…) chain settle. */
export async function fireReady(): Promise<void> {
  h.electron.markReady();
  await new Promise((resolveTick) => setTimeout(resolveTick, 0));
}

export async function startApp(): Promise<FakeBrowserWindow> {
  launchGatehouse();
  await fireReady();
  expect(h.consoleError.mock.calls, 'start-up errors').toEqual([]);
  expect(h.electron.windows).toHaveLength(1);
  return h.electron.windows[0]!;
}

/** The DesktopIntegration the lifecycle hands to composeBackend. */
export const anyDesktop = expect.objectContaining({ copyText: expect.any(Function), saveTextFile: expect.any(Function) });

export interface ComposedDesktop {
  copyText(text: string): Promise<void>;
  saveTextFile(request: { suggestedName: string; contents: string }): Promise<{ fileName: string } | null>;
}

/** The desktop port composeBackend received. */
export function composedDesktop(): ComposedDesktop {
  expect(h.composeBackend).toHaveBeenCalledTimes(1);
  return (h.composeBackend.mock.calls[0]![0] as { desktop: ComposedDesktop }).desktop;
}

/** An IPC event from the main frame of the given window, i.e. one the sender policy trusts. */
export function trustedEvent(window: FakeBrowserWindow) {
  return { sender: window.webContents, senderFrame: window.webContents.mainFrame };
}

export function invokeIpc(operation: (typeof OPERATION_NAMES)[number], event: unknown, payload: unknown = {}): Promise<unknown> {
  const handler = h.electron.ipcHandlers.get(channelFor(operation));
  expect(handler, operation).toBeTypeOf('function');
  return handler!(event, payload);
}
