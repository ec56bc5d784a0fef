/**
 * Gatehouse's life in Electron: from before `ready` to quitting. src-main/index.ts calls
 * runGatehouse() with the Electron objects, the environment and the bundle's paths; nothing here
 * runs at import time, so tests call it with a fake Electron (test/support/fakeElectron.ts)
 * and a fake backend.
 *
 * Closing the window quits Gatehouse, except on macOS, where the app stays in the dock as people
 * expect and a dock click opens the window again; there closing it ends the session, since a
 * security app should not keep a session alive with no window on screen.
 */
import type { App, BrowserWindow, PowerMonitor, Session } from 'electron';
import type { SignOutReason } from '../../src-shared/models';
import type { Backend } from '../core/composeBackend';
import type { SecretStoreForInstallation } from '../core/secrets/secretStore';
import type { openBackend } from '../core/storage/openBackend';
import { appIdentity } from './appIdentity';
import { configureAppPaths } from './appPaths';
import { registerAppSchemeAsPrivileged, serveAppProtocol } from './appProtocol';
import { installApplicationMenu } from './applicationMenu';
import { clearClipboardOnQuit } from './clearClipboardOnExit';
import { createContentProtection, type ContentProtection } from './contentProtection';
import { createElectronDesktopIntegration, type ElectronDesktopIntegration } from './desktopIntegration';
import { openMainWindow } from './openMainWindow';
import { resolveRendererSource } from './origins';
import { denyAllPermissions } from './permissions';
import { registerIpc } from './registerIpc';
import { showStartupError } from './startupError';
import { createStartupWork } from './startupWork';

export interface GatehouseLaunch {
  /** The pieces of the `electron` module the lifecycle drives itself. */
  readonly electron: {
    readonly app: App;
    readonly powerMonitor: Pick<PowerMonitor, 'on'>;
    readonly session: { readonly defaultSession: Session };
  };
  readonly env: NodeJS.ProcessEnv;
  readonly platform: NodeJS.Platform;
  /** The built renderer (served as gatehouse://app) and preload, beside the main bundle. */
  readonly rendererDir: string;
  readonly preloadPath: string;
  /** The backend's start-up step (core/storage/openBackend) and its keychain, by service name and installation. */
  readonly openBackend: typeof openBackend;
  readonly createSecretStore: (keychainService: string) => SecretStoreForInstallation;
}

function guarded(what: string, action: () => void): void {
  try {
    action();
  } catch (error) {
    console.error(`Gatehouse could not ${what}: ${error instanceof Error ? error.name : typeof error}`);
  }
}

/** Call once, at start-up, before `ready`: it names the app and sets its folders first. */
export function runGatehouse(launch: GatehouseLaunch): void {
  const { electron, env, platform, rendererDir, preloadPath } = launch;
  const { app, powerMonitor, session } = electron;
  const identity = appIdentity(app.isPackaged, app.getName());
  const { dataDir } = configureAppPaths(app, env, identity);

  const renderer = resolveRendererSource(env, app.isPackaged);
  let backend: Backend | null = null;
  let desktop: ElectronDesktopIntegration | null = null;
  let protection: ContentProtection | null = null;
  let mainWindow: BrowserWindow | null = null;
  let mainWebContentsId: number | undefined;
  const startupWork = createStartupWork();

  const endSession = (reason: SignOutReason): void => guarded('end the session', () => backend?.endSession(reason));

  const showMainWindow = (): void => {
    mainWindow = openMainWindow({
      preloadPath,
      startUrl: renderer.startUrl,
      allowedOrigin: renderer.allowedOrigin,
      devTools: !app.isPackaged,
      dataDir,
      startScreen: backend!.startScreen(),
      protection: protection!,
      desktop: desktop!,
    });
    mainWebContentsId = mainWindow.webContents.id;
    mainWindow.on('closed', () => {
      mainWindow = null;
      mainWebContentsId = undefined;
    });
  };

  /** Opens the window again once start-up is done and none is open (it was closed on macOS). */
  const reopenWindow = (): void => {
    if (backend && !mainWindow) showMainWindow();
  };

  const start = async (): Promise<void> => {
    protection = createContentProtection();
    desktop = createElectronDesktopIntegration(() => mainWindow, protection);
    clearClipboardOnQuit(app, desktop); // a copied secret does not outlive the app
    // Checks the database first: a damaged one is moved aside and the person asked (native dialog).
    const secretStore = launch.createSecretStore(identity.keychainService);
    const opened = await launch.openBackend({ dataDir, secretStore, desktop });
    if (!opened) {
      app.quit(); // the person chose "Quit" in that dialog
      return;
    }
    backend = opened.backend;
    startupWork.add(backend.reconciled);
    denyAllPermissions(session.defaultSession);
    serveAppProtocol(rendererDir);
    registerIpc(() => backend, { allowedOrigin: renderer.allowedOrigin, getTrustedWebContentsId: () => mainWebContentsId });
    installApplicationMenu(!app.isPackaged, dataDir);
    powerMonitor.on('lock-screen', () => endSession('screen_locked'));
    powerMonitor.on('suspend', () => endSession('screen_locked'));

    showMainWindow();
    // In the background, after the window: it never blocks the first screen and never rejects.
    startupWork.add(opened.takeDailyBackup());
  };

  // enableSandbox() would strip a --no-sandbox switch (Playwright's Electron driver and root containers
  // pass one), and Electron then aborts its sandboxed processes as root. Every window sets sandbox: true anyway.
  if (!app.commandLine.hasSwitch('no-sandbox')) app.enableSandbox();
  registerAppSchemeAsPrivileged();

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', () => {
    if (!mainWindow) return reopenWindow();
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => (platform === 'darwin' ? endSession('window_closed') : app.quit()));
  app.on('activate', () => reopenWindow()); // macOS: a dock click with no window open
  app.on('before-quit', (event) => {
    endSession('app_quit');
    const closing = backend;
    backend = null; // later IPC calls get INTERNAL instead of reaching a closed database
    const close = (): void => guarded('close its database', () => closing?.close());
    // Reconciliation and the daily backup still running keep the database open (5 s at most).
    const working = closing ? startupWork.settled() : null;
    if (!working) return close();
    event.preventDefault();
    void working.then(close).finally(() => app.quit());
  });

  void app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      try {
        guarded('show the start-up error', () => showStartupError(error)); // e.g. a database from a newer Gatehouse
        guarded('close its database', () => backend?.close());
      } finally {
        app.exit(1);
      }
    });
}
