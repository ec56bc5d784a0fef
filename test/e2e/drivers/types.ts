import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page, ViewportSize } from '@playwright/test';
import type { ApiError } from '../../../src-shared/errors';

/** Per-test launch settings: page settings a test can set with test.use() (the chromium driver applies them to each context) and the test's downloads folder. */
export interface LaunchOptions {
  readonly viewport?: ViewportSize | null;
  readonly colorScheme?: 'light' | 'dark' | 'no-preference' | null;
  /**
   * Where the save dialog puts files: it accepts the app's suggested name in this folder.
   * Default: `downloads` inside the data directory (the e2e fixture passes its own folder).
   */
  readonly downloadsDir?: string;
  /**
   * Scripts (source text) the chromium driver adds to the launch's browser context before the page
   * loads, after the bridge: they run in every document before its own scripts. The bench uses one
   * to time start-up with the page's own clock. The electron driver ignores them. Default: none.
   */
  readonly initScripts?: readonly string[];
}

/** The downloads folder for a launch: the given one, else `downloads` inside the data directory. Created if missing. */
export async function prepareDownloadsDir(dataDir: string, options: LaunchOptions): Promise<string> {
  const dir = options.downloadsDir ?? join(dataDir, 'downloads');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  return dir;
}

/** One running app on one data directory. */
export interface RunningApp {
  readonly page: Page;
  /** Closes the window (or browser context) and releases the backend. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * An error that reached the renderer. Both drivers return this shape.
 * - `reply`: a bridge reply with ok === false, exactly as the page received it. Only the chromium
 *   driver sees these (it serves the bridge itself); under electron the reply travels through
 *   Electron's IPC, which offers no public place to observe it without a product hook.
 * - `alert`: the text of an element with role="alert" the page showed (both drivers), recorded by a
 *   MutationObserver from page load (chromium) or from the first start screen (electron).
 */
export type RendererError = { readonly via: 'reply'; readonly error: ApiError } | { readonly via: 'alert'; readonly text: string };

/** A running Gatehouse, with the test's hold on its clipboard and save dialog. */
export interface RunningGatehouse extends RunningApp {
  /** The text on the clipboard the app copies to. */
  clipboardText(): Promise<string>;
  /** The app's next save dialog is cancelled instead of saving. */
  cancelNextSave(): Promise<void>;
  /**
   * Whether the window is kept out of screen capture now. Electron on Windows and macOS: the
   * window's own isContentProtected(); on Linux (where Electron has no protection to read back):
   * the last setContentProtection() call. Chromium: what the core asked of the desktop port.
   */
  screenProtected(): Promise<boolean>;
  /**
   * Everything this launch wrote, one line per chunk with its source in brackets, readable after
   * close(). Electron: the app process's stdout and stderr (from the moment launch resolved: what
   * Electron printed while Playwright was still connecting is not captured) plus the page's console
   * messages and page errors. Chromium: every write to this process's stdout/stderr while the app
   * runs (the core's logger writes there) plus the page's console messages and page errors.
   */
  output(): Promise<string>;
  /** Every error that reached the renderer in this launch, oldest first; readable after close(). */
  rendererErrors(): Promise<RendererError[]>;
}

/** How the harness starts the app: the real Electron app, or the built renderer in Chromium. */
export interface AppDriver {
  readonly name: 'electron' | 'chromium';
  launch(dataDir: string, options: LaunchOptions): Promise<RunningGatehouse>;
  /** Releases what the driver holds for the whole worker (the chromium browser). */
  dispose(): Promise<void>;
}
