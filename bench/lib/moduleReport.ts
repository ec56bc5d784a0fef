import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

export interface ModuleWeight {
  /** Source path relative to the project (node_modules/… for dependencies). */
  readonly id: string;
  /** Minified bytes this module contributes to its chunk. */
  readonly renderedBytes: number;
  /** gzip bytes of that code on its own: an estimate, since gzip works across module boundaries. */
  readonly gzipBytes: number;
  /** The output file (relative to the build's output folder) this module is in. */
  readonly chunk: string;
}

/** One output JS file and what it loads. Paths are relative to the build's output folder. */
export interface ChunkInfo {
  readonly fileName: string;
  readonly isEntry: boolean;
  /** JS files it imports statically (loaded before it runs). */
  readonly imports: readonly string[];
  /** JS files it may import later (lazy routes). */
  readonly dynamicImports: readonly string[];
  /** CSS files Vite loads along with it. */
  readonly importedCss: readonly string[];
}

export interface ModuleReport {
  readonly modules: readonly ModuleWeight[];
  readonly chunks: readonly ChunkInfo[];
}

/** A build plugin that writes which source modules ended up in the bundle, and how big each is. */
export function moduleReportPlugin(projectRoot: string, reportFile: string): Plugin {
  return {
    name: 'gatehouse-bench:module-report',
    apply: 'build',
    generateBundle(_options, bundle) {
      const modules: ModuleWeight[] = [];
      const chunks: ChunkInfo[] = [];
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        const { viteMetadata } = output as { viteMetadata?: { importedCss?: Set<string> } };
        chunks.push({
          fileName: output.fileName,
          isEntry: output.isEntry,
          imports: [...output.imports],
          dynamicImports: [...output.dynamicImports],
          importedCss: [...(viteMetadata?.importedCss ?? [])],
        });
        for (const [id, rendered] of Object.entries(output.modules)) {
          const code = rendered.code ?? '';
          modules.push({
            id: relative(projectRoot, id.replace(/^\0/, '').split('?')[0]!).replaceAll('\\', '/'),
            renderedBytes: Buffer.byteLength(code),
            gzipBytes: code.length > 0 ? gzipSync(code).length : 0,
            chunk: output.fileName,
          });
        }
      }
      modules.sort((a, b) => b.renderedBytes - a.renderedBytes);
      mkdirSync(dirname(reportFile), { recursive: true });
      writeFileSync(reportFile, `${JSON.stringify({ modules, chunks } satisfies ModuleReport, null, 2)}\n`);
    },
  };
}
