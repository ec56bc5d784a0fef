// `npm run bench` (via scripts/bench.mjs): builds the app's renderer and the baseline app, runs
// every figure in its own process, writes bench/results.json and prints the table. Options:
//   --smoke           tiny sizes, results to .tmp/bench/smoke/results.json (what `npm test` runs)
//   --only a,b        only these figures (ids in bench/figures/index.ts); results to .tmp/bench/full/results.json
//   --driver electron start-up under the real Electron app (needs the binary and `npm run build`;
//                     GATEHOUSE_E2E_DRIVER=electron does the same)
//   --out <file>      write the results somewhere else
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { FIGURES } from './figures';
import { benchPaths } from './lib/benchPaths';
import { buildRenderer } from './lib/buildRenderer';
import type { Figure, FigureContext, FigureReport } from './lib/figure';
import { mergeReports, toResult, type FigureResult } from './lib/results';
import { formatTable } from './lib/table';

const { values: args } = parseArgs({
  options: {
    smoke: { type: 'boolean', default: false },
    only: { type: 'string' },
    // Like the e2e harness: GATEHOUSE_E2E_DRIVER picks the driver when --driver is not given.
    driver: { type: 'string', default: process.env.GATEHOUSE_E2E_DRIVER || 'chromium' },
    out: { type: 'string' },
  },
});

async function selectFigures(): Promise<Figure[]> {
  const wanted = args.only?.split(',').map((id) => id.trim()) ?? FIGURES.map((entry) => entry.id);
  const unknown = wanted.filter((id) => !FIGURES.some((entry) => entry.id === id));
  if (unknown.length > 0) throw new Error(`bench: unknown figure(s) ${unknown.join(', ')}; known: ${FIGURES.map((f) => f.id).join(', ')}`);
  return Promise.all(FIGURES.filter((entry) => wanted.includes(entry.id)).map((entry) => entry.load()));
}

/** Where scripts/bench.mjs put this file (compiled) and runFigure.mjs next to it. */
const builtDir = dirname(fileURLToPath(import.meta.url));

/** Runs one figure process and returns its report; a crash becomes an error. */
function runFigureProcess(figure: Figure, context: FigureContext, index: number): FigureReport {
  const reportFile = join(context.workDir, `${figure.id}.${index}.report.json`);
  rmSync(reportFile, { force: true });
  const child = spawnSync(
    process.execPath,
    ['--expose-gc', '--enable-source-maps', join(builtDir, 'runFigure.mjs'), figure.id, reportFile],
    { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, BENCH_CONTEXT: JSON.stringify(context) } },
  );
  if (child.status !== 0) throw new Error(`bench: figure "${figure.id}" failed (exit ${child.status ?? child.signal})`);
  return JSON.parse(readFileSync(reportFile, 'utf8')) as FigureReport;
}

async function main(): Promise<void> {
  const mode = args.smoke ? 'smoke' : 'full';
  if (args.driver !== 'chromium' && args.driver !== 'electron') throw new Error('bench: --driver must be chromium or electron');
  const figures = await selectFigures();
  const workDir = join(benchPaths.work, mode);
  mkdirSync(workDir, { recursive: true });
  const renderers = { app: join(workDir, 'renderer', 'app'), baseline: join(workDir, 'renderer', 'baseline') };
  const started = performance.now();

  console.log(`bench: ${mode} run of ${figures.map((f) => f.id).join(', ')} on Node ${process.versions.node}`);
  if (figures.some((figure) => figure.id === 'startup' || figure.id === 'rendererWeight')) {
    await buildRenderer(benchPaths.appRenderer, renderers.app);
    await buildRenderer(benchPaths.baselineApp, renderers.baseline);
  }

  const context: FigureContext = { mode, driver: args.driver, renderers, workDir };
  const results: FigureResult[] = [];
  for (const figure of figures) {
    const figureStarted = performance.now();
    const processes = mode === 'smoke' ? 1 : (figure.processes ?? 1);
    const reports = Array.from({ length: processes }, (_, index) => runFigureProcess(figure, context, index));
    results.push(toResult(figure.id, figure.title, mergeReports(reports)));
    console.log(`bench: ${figure.id} done in ${((performance.now() - figureStarted) / 1000).toFixed(1)} s`);
  }

  const output = {
    mode,
    generatedAt: new Date().toISOString(),
    durationSeconds: Math.round((performance.now() - started) / 100) / 10,
    machine: {
      platform: `${process.platform} ${process.arch}`,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.versions.node,
    },
    figures: results,
  };
  // Only a complete full run replaces bench/results.json; smoke and --only runs stay in .tmp/bench.
  const outFile = resolve(args.out ?? (mode === 'full' && !args.only ? benchPaths.results : join(workDir, 'results.json')));
  writeFileSync(outFile, `${JSON.stringify(output, null, 2)}\n`);
  console.log(`\n${formatTable(results)}\n`);
  const rows = results.flatMap((figure) => figure.rows).filter((row) => row.met !== null);
  console.log(
    `bench: ${rows.filter((row) => row.met).length}/${rows.length} targets met; ${output.durationSeconds} s; written to ${outFile}`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
