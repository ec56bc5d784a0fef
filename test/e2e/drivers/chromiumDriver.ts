import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import type { Browser, BrowserContext } from '@playwright/test';
import type { Backend } from '../../../src-main/core/composeBackend';
import { keytarKeychainFor } from '../../../src-main/core/secrets/keytarSecretStore';
import { openBackend } from '../../../src-main/core/storage/openBackend';
import { isTrustedFrame } from '../../../src-main/electron/ipcSenderPolicy';
import { MESSAGES } from '../../../src-shared/errors';
import { startUrlWithScreen } from '../../../src-shared/startScreen';
import { BINDING_NAME, bridgeInitScript } from './bridgeScript';
import { assertBuilt, buildOutput } from './paths';
import { APP_ORIGIN, APP_URL, serveRenderer } from './serveRenderer';
import { prepareDownloadsDir, type AppDriver, type LaunchOptions, type RunningGatehouse } from './types';
import { createTestDesktop } from './testDesktop';
import { waitForReady } from './waitForReady';
import { createLaunchRecord } from './launchRecord';
import { tapProcessOutput } from './tapProcessOutput';

/** Quiet, offline Chromium: the machine has no network and tests run as root. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Playwright's own Chromium when installed, else $GATEHOUSE_CHROMIUM, else the system's. */
export function chromiumExecutable(): string {
  const candidates = [chromium.executablePath(), process.env.GATEHOUSE_CHROMIUM, '/usr/bin/chromium'];
  const found = candidates.find((candidate): candidate is string => !!candidate && existsSync(candidate));
  if (!found) {
    throw new Error(
      'Gatehouse e2e: no Chromium found for the chromium driver. Install one (npx playwright install chromium, ' +
        'or apt-get install chromium) or point GATEHOUSE_CHROMIUM at its executable.',
    );
  }
  return found;
}

/** The refusal the Electron IPC layer answers a sender it does not trust with. */
const forbidden = { ok: false, error: { code: 'FORBIDDEN', message: MESSAGES.forbidden } } as const;

/**
 * Runs the built renderer (out/renderer) in Chromium at http://gatehouse.localhost/, with the real
 * core composed in this test process on the test's data directory and the real OS keychain. The
 * page gets the same `window.gatehouse` object the preload builds; only the transport differs
 * (a Playwright binding instead of Electron IPC). Clipboard and save dialog are the test desktop
 * (./testDesktop): a string in memory, and a "dialog" that saves into the test's downloads folder.
 */
export function createChromiumDriver(rendererDir: string = buildOutput.rendererDir): AppDriver {
  let browser: Promise<Browser> | undefined;

  const getBrowser = async (): Promise<Browser> => {
    const current = browser ? await browser : undefined;
    if (current?.isConnected()) return current;
    browser = chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
    return browser;
  };

  return {
    name: 'chromium',
    async launch(dataDir: string, options: LaunchOptions): Promise<RunningGatehouse> {
      if (rendererDir === buildOutput.rendererDir) assertBuilt(['rendererIndex']);
      const desktop = createTestDesktop(await prepareDownloadsDir(dataDir, options));
      // The core runs in this process and prints through console: record from before it starts.
      const record = createLaunchRecord();
      const stopTap = tapProcessOutput((stream, text) => record.addOutput(stream, text));
      // As the Electron shell starts: check the database (the test desktop answers a recovery question), then compose.
      const opened = await openBackend({ dataDir, secretStore: keytarKeychainFor(), desktop });
      if (!opened) throw new Error('Gatehouse e2e: the test desktop chose to quit at start-up');
      const backend: Backend = opened.backend;
      let dailyBackup: Promise<void> = Promise.resolve();
      let context: BrowserContext | undefined;
      let closed = false;
      const close = async (): Promise<void> => {
        if (closed) return;
        closed = true;
        try {
          await context?.close();
        } finally {
          await backend.reconciled; // start-up keychain repair finishes before its database closes; never rejects
          await dailyBackup; // never rejects
          backend.close();
          stopTap();
        }
      };
      try {
        context = await (await getBrowser()).newContext({ viewport: options.viewport, colorScheme: options.colorScheme });
        await serveRenderer(context, rendererDir);
        await context.exposeBinding(BINDING_NAME, async (source, operation: unknown, payload: unknown) => {
          // The same sender check the Electron IPC layer makes: only the app's own top-level page.
          const frame = source.frame;
          const trusted =
            frame === source.page.mainFrame() &&
            isTrustedFrame({ url: frame.url(), parent: frame.parentFrame(), detached: frame.isDetached() }, APP_ORIGIN);
          // Real IPC copies the payload with the structured clone algorithm.
          const reply = trusted ? await backend.dispatch(operation, structuredClone(payload)) : forbidden;
          record.addReply(reply);
          return reply;
        });
        await context.addInitScript({ content: bridgeInitScript() });
        await record.recordAlertsInContext(context);
        for (const content of options.initScripts ?? []) await context.addInitScript({ content });
        const page = await context.newPage();
        record.watchPage(page);
        // As the shell does: main names the start screen before the page loads (no bridge call to paint it).
        await page.goto(startUrlWithScreen(APP_URL, backend.startScreen()));
        await waitForReady(page);
        dailyBackup = opened.takeDailyBackup(); // as the shell does, once the window is up
        return {
          page,
          clipboardText: async () => desktop.clipboardText(),
          screenProtected: async () => desktop.screenProtected(),
          cancelNextSave: async () => desktop.cancelNextSave(),
          output: record.output,
          rendererErrors: record.rendererErrors,
          close,
        };
      } catch (error) {
        await close().catch(() => undefined);
        throw error;
      }
    },
    async dispose() {
      const current = browser ? await browser.catch(() => undefined) : undefined;
      browser = undefined;
      await current?.close();
    },
  };
}
