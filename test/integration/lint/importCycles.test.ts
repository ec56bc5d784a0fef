/**
 * No import cycles in the app's code (issue 14, item 8). Imports are read with TypeScript's own
 * pre-processor (type-only imports count: a cycle of types still ties two modules together), .vue
 * files by their script blocks; relative specifiers are resolved as the bundler does.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const projectRoot = resolve(__dirname, '..', '..', '..');
const FOLDERS = ['src-main', 'src-shared', 'src-renderer'];
const SOURCE = /\.(ts|mts|cts|vue)$/;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return SOURCE.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function scriptOf(path: string): string {
  const text = readFileSync(path, 'utf8');
  if (!path.endsWith('.vue')) return text;
  return [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]).join('\n');
}

function resolveImport(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null; // packages and node: built-ins cannot close a cycle
  const base = resolve(dirname(from), specifier);
  const candidates = [base, `${base}.ts`, `${base}.vue`, join(base, 'index.ts')];
  return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile() && SOURCE.test(candidate)) ?? null;
}

/** Every cycle found by a depth-first walk, each as the chain of files that closes it. */
function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string): void => {
    state.set(file, 'visiting');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'visiting') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return cycles;
}

function importGraph(): Map<string, string[]> {
  const files = FOLDERS.flatMap((folder) => sourceFiles(join(projectRoot, folder)));
  return new Map(
    files.map((file) => {
      const { importedFiles } = ts.preProcessFile(scriptOf(file), true, true);
      const targets = importedFiles.flatMap(({ fileName }) => resolveImport(file, fileName) ?? []);
      return [file, targets];
    }),
  );
}

describe('import cycles', () => {
  it('the walk finds a cycle when there is one', () => {
    expect(
      findCycles(
        new Map([
          ['a', ['b']],
          ['b', ['c']],
          ['c', ['a']],
          ['d', ['a']],
        ]),
      ),
    ).toEqual([['a', 'b', 'c', 'a']]);
  });

  it('there are none in src-main, src-shared and src-renderer', () => {
    const graph = importGraph();
    expect(graph.size).toBeGreaterThan(100);
    // Every relative import resolved: a missed one could hide a cycle.
    expect([...graph.values()].flat().length).toBeGreaterThan(graph.size);
    const cycles = findCycles(graph).map((cycle) => cycle.map((file) => relative(projectRoot, file)).join(' -> '));
    expect(cycles).toEqual([]);
  });
});
