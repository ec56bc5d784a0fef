import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { moduleReportFile } from '../lib/benchPaths';
import type { Figure } from '../lib/figure';
import type { ModuleReport } from '../lib/moduleReport';

/** Libraries that belong to the main process only. */
const MAIN_ONLY_PACKAGES = ['otplib', '@otplib', 'qrcode', 'valibot', 'better-sqlite3', 'keytar'];

interface Weight {
  readonly js: { raw: number; gzip: number };
  readonly css: { raw: number; gzip: number };
}

/** Raw and gzip (zlib default level, as Vite reports it) bytes of every JS and CSS file in a built renderer. */
function measure(rendererDir: string): Weight {
  const weight = { js: { raw: 0, gzip: 0 }, css: { raw: 0, gzip: 0 } };
  for (const entry of readdirSync(rendererDir, { recursive: true, withFileTypes: true })) {
    const kind = { '.js': 'js', '.css': 'css' }[extname(entry.name)] as 'js' | 'css' | undefined;
    if (!entry.isFile() || !kind) continue;
    const bytes = readFileSync(join(entry.parentPath, entry.name));
    weight[kind].raw += bytes.length;
    weight[kind].gzip += gzipSync(bytes).length;
  }
  return weight;
}

const kb = (bytes: number): number => Math.round((bytes / 1024) * 10) / 10;
const total = (weight: Weight, key: 'raw' | 'gzip'): number => kb(weight.js[key] + weight.css[key]);

/**
 * Renderer weight: what the built renderer ships (JS + CSS), against the baseline app built the
 * same way. Deterministic, so one sample each. Also lists the biggest source modules (from the
 * build's own chunk data) and fails if a main-process library leaked into the bundle.
 */
export const rendererWeight: Figure = {
  id: 'rendererWeight',
  title: 'Renderer weight',
  async run({ renderers }) {
    const app = measure(renderers.app);
    const baseline = measure(renderers.baseline);
    const report = JSON.parse(readFileSync(moduleReportFile(renderers.app), 'utf8')) as ModuleReport;
    const leaked = report.modules.filter((module) =>
      MAIN_ONLY_PACKAGES.some((name) => module.id.includes(`node_modules/${name}/`)),
    );
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
          label: 'Renderer weight, gzip JS + CSS',
          unit: 'KB',
          samples: [total(app, 'gzip')],
          baseline: { label: 'minimal Vue app', samples: [total(baseline, 'gzip')] },
          target: { on: 'value', max: 70 },
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
        app: { jsKB: { raw: kb(app.js.raw), gzip: kb(app.js.gzip) }, cssKB: { raw: kb(app.css.raw), gzip: kb(app.css.gzip) } },
        baseline: {
          jsKB: { raw: kb(baseline.js.raw), gzip: kb(baseline.js.gzip) },
          cssKB: { raw: kb(baseline.css.raw), gzip: kb(baseline.css.gzip) },
        },
        byPackageKB: Object.fromEntries([...packages].sort((a, b) => b[1] - a[1]).map(([name, bytes]) => [name, kb(bytes)])),
        biggestModules: report.modules.slice(0, 15).map((module) => ({
          id: module.id,
          renderedKB: kb(module.renderedBytes),
          gzipKBAlone: kb(module.gzipBytes),
        })),
        leakedModules: [...leaked, ...sharedSchemas].map((module) => module.id),
        moduleCount: report.modules.length,
      },
    };
  },
};
