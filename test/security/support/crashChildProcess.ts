import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import type { ChildPlan, JournalLine } from './crashPlan';

const projectRoot = resolve(__dirname, '..', '..', '..');

/**
 * Compiles crashChild.ts with Vite (SSR build, every package external, as scripts/bench.mjs does)
 * into .tmp/security/<name>, so the child runs on plain Node 24 without a TypeScript loader. Each
 * test file builds into its own folder: files running in parallel never overwrite each other's.
 */
export async function buildCrashChild(name: string): Promise<string> {
  const outDir = join(projectRoot, '.tmp', 'security', name);
  await build({
    configFile: false,
    root: projectRoot,
    logLevel: 'warn',
    build: {
      ssr: true,
      target: 'node24',
      outDir,
      emptyOutDir: true,
      minify: false,
      sourcemap: true,
      rolldownOptions: {
        input: { crashChild: join(__dirname, 'crashChild.ts') },
        output: { format: 'es', entryFileNames: '[name].mjs' },
      },
    },
  });
  return join(outDir, 'crashChild.mjs');
}

export interface ChildRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** Everything the child printed (stdout and stderr), for leak scans and failure messages. */
  readonly output: string;
  readonly journal: readonly JournalLine[];
  /** The result of each step that finished, by step index. */
  readonly results: ReadonlyMap<number, unknown>;
}

/** Runs one child backend to its end (or its SIGKILL) and reads back what it journaled. */
export async function runCrashChild(
  bundle: string,
  plan: Omit<ChildPlan, 'journal'>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ChildRun> {
  const journalDir = mkdtempSync(join(tmpdir(), 'gatehouse-crash-journal-'));
  const journalFile = join(journalDir, 'journal.jsonl');
  try {
    const child = spawn(process.execPath, ['--enable-source-maps', bundle, JSON.stringify({ ...plan, journal: journalFile })], {
      cwd: projectRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((done, fail) => {
      child.once('error', fail);
      child.once('close', (exitCode, exitSignal) => done([exitCode, exitSignal]));
    });
    const journal = readJournal(journalFile);
    const results = new Map(journal.flatMap((line) => (line.type === 'result' ? [[line.step, line.result] as const] : [])));
    return { code, signal, output, journal, results };
  } finally {
    rmSync(journalDir, { recursive: true, force: true });
  }
}

function readJournal(file: string): JournalLine[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return []; // killed before the first line
  }
  // A kill at a random moment may cut the last line short: it is left out.
  return text.split('\n').flatMap((line) => {
    try {
      return line ? [JSON.parse(line) as JournalLine] : [];
    } catch {
      return [];
    }
  });
}
