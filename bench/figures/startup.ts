import { rmSync } from 'node:fs';
import { relative } from 'node:path';
import { createScryptHasher } from '../../src-main/core/security/passwordHasher';
import { createChromiumDriver } from '../../test/e2e/drivers/chromiumDriver';
import { findElectronBinary } from '../../test/e2e/drivers/chooseDriver';
import { createElectronDriver } from '../../test/e2e/drivers/electronDriver';
import type { RunningApp } from '../../test/e2e/drivers/types';
import { call, makeDataDir, openBenchBackend } from '../lib/benchBackend';
import { benchPaths } from '../lib/benchPaths';
import { launchElectronBaseline } from '../lib/electronBaseline';
import { sized, type Figure, type FigureContext } from '../lib/figure';
import { BENCH_PASSWORD, CHEAP_SCRYPT } from '../lib/hashers';
import { firstPaintMs, installInteractiveProbe, interactiveProbeScript, ipcRoundTripMs, readInteractive } from '../lib/pageProbes';
import { summarize } from '../lib/stats';

/** A data directory with one account, so the app opens on the sign-in screen. */
async function dataDirWithOneAccount(): Promise<string> {
  const dataDir = makeDataDir();
  const { backend } = await openBenchBackend({ dataDir, hasher: createScryptHasher(CHEAP_SCRYPT) });
  await call(backend, 'createAccount', { name: 'Ada Lovelace', email: 'ada@example.com', password: BENCH_PASSWORD });
  backend.close();
  return dataDir;
}

type Side = 'app' | 'baseline';
type Launch = () => Promise<RunningApp>;

/**
 * The app and the baseline, each launched the way the chosen driver launches things, with the
 * interactive probe in the page from its first script on. The chromium driver takes it as an init
 * script; the Electron launches take none, so there it goes in as soon as the bench has the page.
 */
function launchers(context: FigureContext, dataDir: string): { [side in Side]: Launch } & { dispose(): Promise<void> } {
  if (context.driver === 'electron') {
    const binary = findElectronBinary();
    if (!binary) throw new Error('bench: --driver electron needs the Electron binary (see `npm start`), and `npm run build`');
    const app = createElectronDriver(binary);
    const withLateProbe = async (launch: Launch): Promise<RunningApp> => {
      const running = await launch();
      await installInteractiveProbe(running.page);
      return running;
    };
    return {
      app: () => withLateProbe(() => app.launch(dataDir, {})),
      baseline: () => withLateProbe(() => launchElectronBaseline(binary, context.renderers.baseline)),
      dispose: () => app.dispose(),
    };
  }
  const app = createChromiumDriver(context.renderers.app);
  const baseline = createChromiumDriver(context.renderers.baseline);
  const options = { initScripts: [interactiveProbeScript()] };
  return {
    app: () => app.launch(dataDir, options),
    baseline: () => baseline.launch(dataDir, options),
    dispose: async () => void (await Promise.all([app.dispose(), baseline.dispose()])),
  };
}

interface LaunchTiming {
  /** Launch (the bench's wall clock) → the Email field is ready (the page's own clock, in epoch ms): the figure. */
  readonly launchMs: number;
  /** The page's own clock (ms since its navigation started): the field ready, first paint, scripts run. */
  readonly interactiveMs: number;
  readonly firstPaintMs: number;
  readonly scriptsDoneMs: number;
  /** Launch → the page's navigation starts (context, core, routes, binding). */
  readonly beforeNavigationMs: number;
  /** Field ready → the driver's launch() returned: harness time after the page was ready (not in the figure). */
  readonly launchReturnedAfterMs: number;
}

async function measureLaunch(launch: Launch): Promise<{ timing: LaunchTiming; running: RunningApp }> {
  // Date.now() here and performance.timeOrigin + performance.now() in the page read the same
  // system clock: the bench and the browser run on one machine.
  const startedEpochMs = Date.now();
  const running = await launch();
  const returnedEpochMs = Date.now();
  const page = await readInteractive(running.page);
  const timing: LaunchTiming = {
    launchMs: page.interactiveEpochMs - startedEpochMs,
    interactiveMs: page.interactiveMs,
    firstPaintMs: await firstPaintMs(running.page),
    scriptsDoneMs: page.scriptsDoneMs,
    beforeNavigationMs: page.timeOriginEpochMs - startedEpochMs,
    launchReturnedAfterMs: returnedEpochMs - page.interactiveEpochMs,
  };
  return { timing, running };
}

/**
 * Start-up to interactive: from launching the app (chromium driver: a new browser context, the
 * core composed on the data directory, the page loaded; electron driver: the Electron process)
 * until the sign-in screen's Email field is enabled, visible and takes focus. The page times that
 * moment itself (bench/lib/pageProbes.ts: checked on every frame and every DOM mutation), so
 * neither the driver's own wait for a start screen nor the bench's polling shows in the figure.
 * A second row is the page alone: its navigation start → the field ready. The baseline is the
 * minimal Vue app in bench/baseline-app, built by the same Vite setup and launched the same way.
 * Runs alternate between the two; in a full run one untimed launch each starts the browser first.
 */
export const startup: Figure = {
  id: 'startup',
  title: 'Start-up to interactive',
  async run(context) {
    // 25 alternating pairs: on our shared, loaded 2-core machines 15 left the median ratio moving by ±0.15.
    const runs = sized(context.mode, 25, 1);
    const dataDir = await dataDirWithOneAccount();
    const launch = launchers(context, dataDir);
    const timings: { [side in Side]: LaunchTiming[] } = { app: [], baseline: [] };
    const ipcRoundTrips: number[] = [];
    try {
      for (let i = -sized(context.mode, 1, 0); i < runs; i++) {
        const order: Side[] = i % 2 === 0 ? ['app', 'baseline'] : ['baseline', 'app'];
        for (const side of order) {
          const { timing, running } = await measureLaunch(launch[side]);
          if (side === 'app' && i >= 0) ipcRoundTrips.push(await ipcRoundTripMs(running.page));
          await running.close();
          if (i >= 0) timings[side].push(timing);
        }
      }
    } finally {
      await launch.dispose();
      rmSync(dataDir, { recursive: true, force: true });
    }
    const samples = (side: Side, key: keyof LaunchTiming) => timings[side].map((timing) => timing[key]);
    const medians = (key: keyof LaunchTiming) => ({
      app: summarize(samples('app', key)).median,
      baseline: summarize(samples('baseline', key)).median,
    });
    return {
      rows: [
        {
          id: 'startup.launch',
          label: `Start-up to interactive (${context.driver} driver: launch → Email field ready)`,
          unit: 'ms',
          samples: samples('app', 'launchMs'),
          baseline: { label: 'minimal Vue app', samples: samples('baseline', 'launchMs') },
          target: { on: 'ratio', max: 1.3 },
        },
        {
          id: 'startup.pageInteractive',
          label: 'Start-up, in the page only (navigation start → Email field ready)',
          unit: 'ms',
          samples: samples('app', 'interactiveMs'),
          baseline: { label: 'minimal Vue app', samples: samples('baseline', 'interactiveMs') },
          target: { on: 'ratio', max: 1.6 },
        },
        {
          id: 'startup.firstPaint',
          label: 'Start-up, in the page only (navigation start → first paint of the sign-in screen)',
          unit: 'ms',
          samples: samples('app', 'firstPaintMs'),
          baseline: { label: 'minimal Vue app', samples: samples('baseline', 'firstPaintMs') },
        },
      ],
      details: {
        driver: context.driver,
        renderer: context.driver === 'electron' ? 'out/renderer (npm run build)' : relative(benchPaths.projectRoot, context.renderers.app),
        interactive:
          'the field labelled "Email" is enabled, visible and takes focus; timed in the page on every animation frame and DOM mutation' +
          (context.driver === 'electron' ? ' (probe installed once the bench has the window: an upper bound)' : ' (init script)'),
        medianMs: {
          beforeNavigation: medians('beforeNavigationMs'),
          scriptsDone: medians('scriptsDoneMs'),
          firstPaint: medians('firstPaintMs'),
          interactive: medians('interactiveMs'),
          launchReturnedAfterReady: medians('launchReturnedAfterMs'),
          ipcRoundTripAfterLoad: summarize(ipcRoundTrips).median,
        },
      },
    };
  },
};
