/** The one Gatehouse window: locked-down webPreferences, shown when first painted. */
import { BrowserWindow, nativeTheme, type BrowserWindowConstructorOptions } from 'electron';
import type { WindowPlacement } from '../core/desktop/placeWindow';
import { hardenWebContents } from './hardenWebContents';

/** --color-bg of src-renderer/styles/tokens.css, so the window never flashes the wrong colour. */
export const WINDOW_BACKGROUND = { light: '#f5f7f8', dark: '#0f1417' } as const;

/** The first window's size, and the smallest the layout allows. */
export const WINDOW_SIZE = { width: 1100, height: 760 } as const;
export const WINDOW_MIN_SIZE = { width: 760, height: 560 } as const;

export interface MainWindowOptions {
  /** Absolute path of the bundled preload (out/preload/index.cjs). */
  readonly preloadPath: string;
  readonly startUrl: string;
  readonly allowedOrigin: string;
  /** DevTools only in an unpackaged (development) app. */
  readonly devTools: boolean;
  /** Where it was last (./windowState); the default size, centred, without one. */
  readonly placement?: WindowPlacement;
}

export function mainWindowConstructorOptions(options: MainWindowOptions, prefersDark: boolean): BrowserWindowConstructorOptions {
  return {
    title: 'Gatehouse',
    ...(options.placement?.bounds ?? WINDOW_SIZE),
    minWidth: WINDOW_MIN_SIZE.width,
    minHeight: WINDOW_MIN_SIZE.height,
    show: false,
    backgroundColor: prefersDark ? WINDOW_BACKGROUND.dark : WINDOW_BACKGROUND.light,
    autoHideMenuBar: false,
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // Explicit although they are the defaults, so a reviewer (and electronegativity) sees them.
      experimentalFeatures: false,
      enableWebSQL: false,
      // A page that loops on alert() gets a "prevent additional dialogs" checkbox.
      safeDialogs: true,
      // No spell-check service (it downloads dictionaries from Google's CDN).
      spellcheck: false,
      devTools: options.devTools,
    },
  };
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow(mainWindowConstructorOptions(options, nativeTheme.shouldUseDarkColors));
  hardenWebContents(window.webContents, options.allowedOrigin);
  window.once('ready-to-show', () => {
    // Maximised only now: maximize() would show the window before its first paint.
    if (options.placement?.maximized) window.maximize();
    window.show();
  });
  window.webContents.on('render-process-gone', (_event, details) => {
    console.error(`Gatehouse renderer process gone: ${details.reason}`);
  });
  window.loadURL(options.startUrl).catch((error: unknown) => {
    console.error(`Gatehouse could not load its window: ${error instanceof Error ? error.name : 'unknown error'}`);
  });
  return window;
}
