/**
 * Electron main process: lifecycle only. Everything it wires up lives in ./electron
 * (the shell) and ./core (the Electron-free backend).
 *
 * Closing the window quits Gatehouse, except on macOS, where the app stays in the dock as people
 * expect and a dock click opens the window again; there closing it ends the session, since a
 * security app should not keep a session alive with no window on screen.
 */
import { join } from 'node:path';
import { app, powerMonitor, session, type BrowserWindow } from 'electron';
import type { SignOutReason } from '../src-shared/models';
import type { Backend } from './core/composeBackend';
import { createKeytarSecretStore } from './core/secrets/keytarSecretStore';
import { openBackend } from './core/storage/openBackend';
import { appIdentity } from './electron/appIdentity';
import { configureAppPaths } from './electron/appPaths';
import { registerAppSchemeAsPrivileged, serveAppProtocol } from './electron/appProtocol';
import { installApplicationMenu } from './electron/applicationMenu';
import { clearClipboardOnQuit } from './electron/clearClipboardOnExit';
import { createContentProtection, type ContentProtection } from './electron/contentProtection';
import { createElectronDesktopIntegration, type ElectronDesktopIntegration } from './electron/desktopIntegration';
import { openMainWindow } from './electron/openMainWindow';
import { resolveRendererSource } from './electron/origins';
import { denyAllPermissions } from './electron/permissions';
import { registerIpc } from './electron/registerIpc';
import { showStartupError } from './electron/startupError';
import { createStartupWork } from './electron/startupWork';

const identity = appIdentity(app.isPackaged, app.getName());
const { dataDir } = configureAppPaths(app, process.env, identity);

const renderer = resolveRendererSource(process.env, app.isPackaged);
let backend: Backend | null = null;
let desktop: ElectronDesktopIntegration | null = null;
let protection: ContentProtection | null = null;
let mainWindow: BrowserWindow | null = null;
let mainWebContentsId: number | undefined;
const startupWork = createStartupWork();

function guarded(what: string, action: () => void): void {
  try {
    action();
  } catch (error) {
    console.error(`Gatehouse could not ${what}: ${error instanceof Error ? error.name : typeof error}`);
  }
}
const endSession = (reason: SignOutReason): void => guarded('end the session', () => backend?.endSession(reason));

// enableSandbox() would strip a --no-sandbox switch (Playwright's Electron driver and root containers
// pass one), and Electron then aborts its sandboxed processes as root. Every window sets sandbox: true anyway.
if (!app.commandLine.hasSwitch('no-sandbox')) app.enableSandbox();
registerAppSchemeAsPrivileged();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return reopenWindow();
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => (process.platform === 'darwin' ? endSession('window_closed') : app.quit()));
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

  void app.whenReady().then(start).catch((error: unknown) => {
    try {
      guarded('show the start-up error', () => showStartupError(error)); // e.g. a database from a newer Gatehouse
      guarded('close its database', () => backend?.close());
    } finally {
      app.exit(1);
    }
  });
}

async function start(): Promise<void> {
  protection = createContentProtection();
  desktop = createElectronDesktopIntegration(() => mainWindow, protection);
  clearClipboardOnQuit(app, desktop); // a copied secret does not outlive the app
  // Checks the database first: a damaged one is moved aside and the person asked (native dialog).
  const opened = await openBackend({ dataDir, secretStore: createKeytarSecretStore(identity.keychainService), desktop });
  if (!opened) {
    app.quit(); // the person chose "Quit" in that dialog
    return;
  }
  backend = opened.backend;
  startupWork.add(backend.reconciled);
  denyAllPermissions(session.defaultSession);
  serveAppProtocol(join(__dirname, '../renderer'));
  registerIpc(() => backend, { allowedOrigin: renderer.allowedOrigin, getTrustedWebContentsId: () => mainWebContentsId });
  installApplicationMenu(!app.isPackaged, dataDir);
  powerMonitor.on('lock-screen', () => endSession('screen_locked'));
  powerMonitor.on('suspend', () => endSession('screen_locked'));

  showMainWindow();
  // In the background, after the window: it never blocks the first screen and never rejects.
  startupWork.add(opened.takeDailyBackup());
}

function showMainWindow(): void {
  mainWindow = openMainWindow({
    preloadPath: join(__dirname, '../preload/index.cjs'),
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
}

/** Opens the window again once start-up is done and none is open (it was closed on macOS). */
function reopenWindow(): void {
  if (backend && !mainWindow) showMainWindow();
}
