import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, posix, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { moduleReportFile } from '../lib/benchPaths';
import type { Figure } from '../lib/figure';
import type { ModuleReport } from '../lib/moduleReport';

/** Libraries that belong to the main process only. */
const MAIN_ONLY_PACKAGES = ['otplib', '@otplib', 'qrcode', 'valibot', 'better-sqlite3', 'keytar', '@zxcvbn-ts'];

interface Weight {
  readonly js: { raw: number; gzip: number };
  readonly css: { raw: number; gzip: number };
}

interface FileWeight {
  readonly kind: 'js' | 'css';
  readonly raw: number;
  readonly gzip: number;
}

/**
 * Raw and gzip (zlib default level, as Vite reports it) bytes of every JS and CSS file in a built
 * renderer, by path relative to the renderer folder.
 */
function measureFiles(rendererDir: string): Map<string, FileWeight> {
  const files = new Map<string, FileWeight>();
  for (const entry of readdirSync(rendererDir, { recursive: true, withFileTypes: true })) {
    const kind = { '.js': 'js', '.css': 'css' }[extname(entry.name)] as 'js' | 'css' | undefined;
    if (!entry.isFile() || !kind) continue;
    const path = join(entry.parentPath, entry.name);
    const bytes = readFileSync(path);
    files.set(relative(rendererDir, path).replaceAll('\\', '/'), { kind, raw: bytes.length, gzip: gzipSync(bytes).length });
  }
  return files;
}

/** The sum over some of the files (default: all of them). */
function weigh(files: ReadonlyMap<string, FileWeight>, only?: ReadonlySet<string>): Weight {
  const weight = { js: { raw: 0, gzip: 0 }, css: { raw: 0, gzip: 0 } };
  for (const [path, file] of files) {
    if (only && !only.has(path)) continue;
    weight[file.kind].raw += file.raw;
    weight[file.kind].gzip += file.gzip;
  }
  return weight;
}

/**
 * What the first screen loads: the scripts, module preloads and stylesheets index.html references,
 * plus (to be sure nothing is missed) everything those scripts import statically and the CSS Vite
 * loads with them. Lazy chunks (dynamic imports) are not in it, even if they are prefetched later.
 */
function initialFiles(rendererDir: string, report: ModuleReport | undefined): Set<string> {
  const html = readFileSync(join(rendererDir, 'index.html'), 'utf8');
  const initial = new Set<string>();
  const add = (reference: string): void => {
    if (/^[a-z]+:|^\/\//i.test(reference)) return; // another origin: not part of the bundle
    initial.add(posix.normalize(reference.replace(/^\.?\//, '')));
  };
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/gi)) {
    const rel = /\brel=["']?([^"'\s>]+)/i.exec(tag)?.[1]?.toLowerCase();
    const reference = /\b(?:src|href)=["']?([^"'\s>]+)/i.exec(tag)?.[1];
    if (!reference) continue;
    if (tag.toLowerCase().startsWith('<script') || rel === 'modulepreload' || rel === 'stylesheet') add(reference);
  }
  const chunks = new Map((report?.chunks ?? []).map((chunk) => [chunk.fileName, chunk]));
  const queue = [...initial];
  while (queue.length > 0) {
    const chunk = chunks.get(queue.pop()!);
    for (const file of [...(chunk?.imports ?? []), ...(chunk?.importedCss ?? [])]) {
      if (initial.has(file)) continue;
      initial.add(file);
      queue.push(file);
    }
  }
  return initial;
}

const readReport = (rendererDir: string): ModuleReport => JSON.parse(readFileSync(moduleReportFile(rendererDir), 'utf8')) as ModuleReport;
const kb = (bytes: number): number => Math.round((bytes / 1024) * 10) / 10;
const total = (weight: Weight, key: 'raw' | 'gzip'): number => kb(weight.js[key] + weight.css[key]);
const split = (weight: Weight) => ({
  jsKB: { raw: kb(weight.js.raw), gzip: kb(weight.js.gzip) },
  cssKB: { raw: kb(weight.css.raw), gzip: kb(weight.css.gzip) },
});

/**
 * Renderer weight: what the built renderer ships (JS + CSS), against the baseline app built the
 * same way. Deterministic, so one sample each. The target is on the total (every chunk, the lazy
 * signed-in screens included); a second row is the initial load, what the first screen needs
 * (index.html's scripts, preloads and stylesheets and their static imports). Also lists the output
 * files and the biggest source modules (from the build's own chunk data) and fails if a
 * main-process library leaked into the bundle.
 */
export const rendererWeight: Figure = {
  id: 'rendererWeight',
  title: 'Renderer weight',
  async run({ renderers }) {
    const report = readReport(renderers.app);
    const files = { app: measureFiles(renderers.app), baseline: measureFiles(renderers.baseline) };
    const initial = {
      app: initialFiles(renderers.app, report),
      baseline: initialFiles(renderers.baseline, readReport(renderers.baseline)),
    };
    const app = weigh(files.app);
    const baseline = weigh(files.baseline);
    const appInitial = weigh(files.app, initial.app);
    const baselineInitial = weigh(files.baseline, initial.baseline);
    const leaked = report.modules.filter((module) => MAIN_ONLY_PACKAGES.some((name) => module.id.includes(`node_modules/${name}/`)));
    const sharedSchemas = report.modules.filter((module) => /src-shared\/schemas/.test(module.id));
    const packages = new Map<string, number>();
    for (const module of report.modules) {
      const name = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(module.id)?.[1] ?? '(Gatehouse source)';
      packages.set(name, (packages.get(name) ?? 0) + module.renderedBytes);
    }
    return {
      rows: [
        {
          id: 'weight.gzip',
          label: 'Renderer weight, gzip JS + CSS (total: every chunk, lazy screens included)',
          unit: 'KB',
          samples: [total(app, 'gzip')],
          baseline: { label: 'minimal Vue app', samples: [total(baseline, 'gzip')] },
          target: { on: 'value', max: 70 },
        },
        {
          id: 'weight.initialGzip',
          label: 'Renderer weight, gzip JS + CSS the first screen loads (index.html and its static imports)',
          unit: 'KB',
          samples: [total(appInitial, 'gzip')],
          baseline: { label: 'minimal Vue app', samples: [total(baselineInitial, 'gzip')] },
        },
        {
          id: 'weight.raw',
          label: 'Renderer weight, minified JS + CSS (what the renderer parses)',
          unit: 'KB',
          samples: [total(app, 'raw')],
          baseline: { label: 'minimal Vue app', samples: [total(baseline, 'raw')] },
        },
        {
          id: 'weight.mainOnlyModules',
          label: `Main-process libraries in the renderer (${MAIN_ONLY_PACKAGES.join(', ')}, src-shared/schemas)`,
          unit: 'modules',
          samples: [leaked.length + sharedSchemas.length],
          target: { on: 'value', max: 0 },
        },
      ],
      details: {
        app: { total: split(app), initial: split(appInitial) },
        baseline: { total: split(baseline), initial: split(baselineInitial) },
        files: Object.fromEntries(
          [...files.app]
            .sort((a, b) => b[1].gzip - a[1].gzip)
            .map(([path, file]) => [path, { rawKB: kb(file.raw), gzipKB: kb(file.gzip), initial: initial.app.has(path) }]),
        ),
        byPackageKB: Object.fromEntries([...packages].sort((a, b) => b[1] - a[1]).map(([name, bytes]) => [name, kb(bytes)])),
        biggestModules: report.modules.slice(0, 15).map((module) => ({
          id: module.id,
          chunk: module.chunk,
          renderedKB: kb(module.renderedBytes),
          gzipKBAlone: kb(module.gzipBytes),
        })),
        leakedModules: [...leaked, ...sharedSchemas].map((module) => module.id),
        moduleCount: report.modules.length,
      },
    };
  },
};
