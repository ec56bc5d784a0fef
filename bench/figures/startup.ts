import { rmSync } from 'node:fs';
import { createChromiumDriver } from '../../test/e2e/drivers/chromiumDriver';
import { findElectronBinary } from '../../test/e2e/drivers/chooseDriver';
import { createElectronDriver } from '../../test/e2e/drivers/electronDriver';
import type { RunningApp } from '../../test/e2e/drivers/types';
import { call, makeDataDir, openBenchBackend } from '../lib/benchBackend';
import { launchElectronBaseline } from '../lib/electronBaseline';
import { sized, type Figure, type FigureContext } from '../lib/figure';
import { BENCH_PASSWORD, CHEAP_SCRYPT } from '../lib/hashers';
import { createScryptHasher } from '../../src-main/core/security/passwordHasher';
import { summarize } from '../lib/stats';
import { firstPaintMs, waitInteractive } from '../lib/waitInteractive';

/** A data directory with one account, so the app opens on the sign-in screen. */
async function dataDirWithOneAccount(): Promise<string> {
  const dataDir = makeDataDir();
  const { backend } = await openBenchBackend({ dataDir, hasher: createScryptHasher(CHEAP_SCRYPT) });
  await call(backend, 'createAccount', { name: 'Ada Lovelace', email: 'ada@example.com', password: BENCH_PASSWORD });
  backend.close();
  return dataDir;
}

type Launch = () => Promise<RunningApp>;

/** Page clock when the last script or stylesheet finished arriving (served through the driver, as the app protocol serves it in Electron). */
function assetsLoadedMs(running: RunningApp): Promise<number> {
  return running.page.evaluate(() =>
    Math.max(0, ...(performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((entry) => entry.responseEnd)),
  );
}

/** One getSession call from the page and back: the cost of each call the app makes before it shows. */
async function ipcRoundTripMs(running: RunningApp): Promise<number> {
  return running.page.evaluate(async () => {
    const api = (window as unknown as { gatehouse: { getSession(input: object): Promise<unknown> } }).gatehouse;
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      await api.getSession({});
      times.push(performance.now() - started);
    }
    return times.sort((a, b) => a - b)[2]!;
  });
}

/** The app and the baseline, each launched the way the chosen driver launches things. */
function launchers(context: FigureContext, dataDir: string): { app: Launch; baseline: Launch; dispose(): Promise<void> } {
  if (context.driver === 'electron') {
    const binary = findElectronBinary();
    if (!binary) throw new Error('bench: --driver electron needs the Electron binary (see `npm start`), and `npm run build`');
    const app = createElectronDriver(binary);
    return {
      app: () => app.launch(dataDir, {}),
      baseline: () => launchElectronBaseline(binary, context.renderers.baseline),
      dispose: () => app.dispose(),
    };
  }
  const app = createChromiumDriver(context.renderers.app);
  const baseline = createChromiumDriver(context.renderers.baseline);
  return {
    app: () => app.launch(dataDir, {}),
    baseline: () => baseline.launch(dataDir, {}),
    dispose: async () => void (await Promise.all([app.dispose(), baseline.dispose()])),
  };
}

/**
 * Start-up to interactive: from launching the app (chromium driver: a new browser context, the
 * core composed on the data directory, the page loaded; electron driver: the Electron process)
 * until the sign-in screen's Email field is enabled and takes focus. The baseline is the minimal
 * Vue app in bench/baseline-app, built by the same Vite setup and launched the same way. Runs
 * alternate between the two; the browser itself is started before timing (warm-up launches).
 */
export const startup: Figure = {
  id: 'startup',
  title: 'Start-up to interactive',
  async run(context) {
    const runs = sized(context.mode, 15, 1);
    const dataDir = await dataDirWithOneAccount();
    const launch = launchers(context, dataDir);
    const samples = { app: [] as number[], baseline: [] as number[] };
    const inPage = { app: [] as number[], baseline: [] as number[] };
    const scriptsDone = { app: [] as number[], baseline: [] as number[] };
    const firstPaint = { app: [] as number[], baseline: [] as number[] };
    const assetsLoaded = { app: [] as number[], baseline: [] as number[] };
    const ipcRoundTrips: number[] = [];
    // Where launch time goes: before the page's navigation starts, and after the field is ready until the bench sees it.
    const phases = { beforeNavigation: { app: [] as number[], baseline: [] as number[] }, detection: { app: [] as number[], baseline: [] as number[] } };
    try {
      const warmups = sized(context.mode, 1, 0);
      for (let i = -warmups; i < runs; i++) {
        const order = i % 2 === 0 ? (['app', 'baseline'] as const) : (['baseline', 'app'] as const);
        for (const side of order) {
          const started = performance.now();
          const running = await launch[side]();
          const page = await waitInteractive(running.page);
          const launchMs = performance.now() - started;
          const startedEpochMs = performance.timeOrigin + started;
          const paintMs = await firstPaintMs(running.page);
          const assetsMs = await assetsLoadedMs(running);
          if (side === 'app' && i >= 0) ipcRoundTrips.push(await ipcRoundTripMs(running));
          await running.close();
          if (i < 0) continue; // warm-up: starts the browser, fills the OS file cache
          samples[side].push(launchMs);
          inPage[side].push(page.interactiveMs);
          scriptsDone[side].push(page.scriptsDoneMs);
          firstPaint[side].push(paintMs);
          assetsLoaded[side].push(assetsMs);
          phases.beforeNavigation[side].push(page.timeOriginEpochMs - startedEpochMs);
          phases.detection[side].push(startedEpochMs + launchMs - (page.timeOriginEpochMs + page.interactiveMs));
        }
      }
    } finally {
      await launch.dispose();
      rmSync(dataDir, { recursive: true, force: true });
    }
    return {
      rows: [
        {
          id: 'startup.launch',
          label: `Start-up to interactive (${context.driver} driver: launch → Email field ready)`,
          unit: 'ms',
          samples: samples.app,
          baseline: { label: 'minimal Vue app', samples: samples.baseline },
          target: { on: 'ratio', max: 1.3 },
        },
        {
          id: 'startup.firstPaint',
          label: 'Start-up, in the page only (navigation start → first paint of the sign-in screen)',
          unit: 'ms',
          samples: firstPaint.app,
          baseline: { label: 'minimal Vue app', samples: firstPaint.baseline },
        },
      ],
      details: {
        driver: context.driver,
        renderer: context.driver === 'electron' ? 'out/renderer (npm run build)' : context.renderers.app,
        interactive: 'the field labelled "Email" is enabled, visible and takes focus',
        interactiveSeenInPageMedianMs: { app: summarize(inPage.app).median, baseline: summarize(inPage.baseline).median },
        assetsLoadedMedianMs: { app: summarize(assetsLoaded.app).median, baseline: summarize(assetsLoaded.baseline).median },
        scriptsDoneMedianMs: { app: summarize(scriptsDone.app).median, baseline: summarize(scriptsDone.baseline).median },
        ipcRoundTripMedianMs: summarize(ipcRoundTrips).median,
        beforeNavigationMedianMs: { app: summarize(phases.beforeNavigation.app).median, baseline: summarize(phases.beforeNavigation.baseline).median },
        detectionLagMedianMs: { app: summarize(phases.detection.app).median, baseline: summarize(phases.detection.baseline).median },
      },
    };
  },
};
