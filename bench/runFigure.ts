// One figure in its own process (spawned by runBench.ts with --expose-gc): a clean heap, event
// loop and thread pool per figure. Usage: runFigure.mjs <figure-id> <report-file>; the context
// comes as JSON in BENCH_CONTEXT.
import { writeFileSync } from 'node:fs';
import type { FigureContext } from './lib/figure';
import { FIGURES } from './figures';

async function main(): Promise<void> {
  const [id, reportFile] = process.argv.slice(2);
  const entry = FIGURES.find((candidate) => candidate.id === id);
  if (!entry || !reportFile) throw new Error(`bench: usage runFigure <${FIGURES.map((f) => f.id).join('|')}> <report-file>`);
  const context = JSON.parse(process.env.BENCH_CONTEXT ?? '') as FigureContext;
  const report = await (await entry.load()).run(context);
  writeFileSync(reportFile, JSON.stringify(report));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
