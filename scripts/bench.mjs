// `npm run bench`: compiles the bench (bench/**/*.ts and the test harness pieces it imports) with
// Vite into .tmp/bench/dist, then runs it on this Node (24, from the `node` dev dependency).
// Arguments go to bench/runBench.ts: --smoke, --only <ids>, --driver <chromium|electron>, --out <file>.
// Vite bundles our TypeScript (extensionless imports, no type-stripping limits) and leaves every
// package external; __dirname and __filename keep meaning the source file's folder and path,
// so the shared e2e driver modules find the project as they do under Playwright.
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// Smoke and full runs build into their own folders, so `npm test` and `npm run bench` can overlap.
const distDir = join(projectRoot, '.tmp', 'bench', process.argv.includes('--smoke') ? 'smoke' : 'full', 'dist');

/** Replaces __dirname/__filename in project sources with the source file's own folder/path. */
const sourceLocation = {
  name: 'gatehouse-bench:source-location',
  transform(code, id) {
    if (id.includes('/node_modules/') || !/\.(ts|mts)$/.test(id) || !/\b__(dirname|filename)\b/.test(code)) return null;
    const replaced = code.replace(/\b__dirname\b/g, JSON.stringify(dirname(id))).replace(/\b__filename\b/g, JSON.stringify(id));
    // Lines stay where they were, so the existing source map still holds.
    return { code: replaced, map: null };
  },
};

await build({
  configFile: false,
  root: projectRoot,
  logLevel: 'warn',
  plugins: [sourceLocation],
  build: {
    ssr: true,
    target: 'node24',
    outDir: distDir,
    emptyOutDir: true,
    minify: false,
    sourcemap: true,
    rolldownOptions: {
      input: { runBench: join(projectRoot, 'bench', 'runBench.ts'), runFigure: join(projectRoot, 'bench', 'runFigure.ts') },
      output: { format: 'es', entryFileNames: '[name].mjs' },
    },
  },
});

const result = spawnSync(process.execPath, ['--enable-source-maps', join(distDir, 'runBench.mjs'), ...process.argv.slice(2)], {
  stdio: 'inherit',
  cwd: projectRoot,
});
process.exit(result.status ?? 1);
