import type { Page, ViewportSize } from '@playwright/test';

/** Page settings a test can set with test.use(); the chromium driver applies them to each context. */
export interface LaunchOptions {
  readonly viewport?: ViewportSize | null;
  readonly colorScheme?: 'light' | 'dark' | 'no-preference' | null;
}

/** One running app on one data directory. */
export interface RunningApp {
  readonly page: Page;
  /** Closes the window (or browser context) and releases the backend. Safe to call twice. */
  close(): Promise<void>;
}

/** How the harness starts the app: the real Electron app, or the built renderer in Chromium. */
export interface AppDriver {
  readonly name: 'electron' | 'chromium';
  launch(dataDir: string, options: LaunchOptions): Promise<RunningApp>;
  /** Releases what the driver holds for the whole worker (the chromium browser). */
  dispose(): Promise<void>;
}
