import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIGURES } from '../../../bench/figures';
import type { FigureResult, ResultRow } from '../../../bench/lib/results';
import { projectRoot } from '../../e2e/drivers/paths';

/**
 * `npm run bench` cannot rot: its smoke mode (tiny sizes, every figure, the same build and
 * processes) runs here and must produce well-formed figures. No timing is asserted: the bench
 * reports against targets, tests never do.
 */
const BENCH_HANG_GUARD_MS = 600_000;

describe('npm run bench (smoke)', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'gatehouse-bench-smoke-'));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it(
    'runs every figure and writes well-formed results',
    () => {
      const out = join(outDir, 'results.json');
      const run = spawnSync(process.execPath, ['scripts/bench.mjs', '--smoke', '--driver', 'chromium', '--out', out], {
        cwd: projectRoot,
        encoding: 'utf8',
        // A hang guard only: two renderer builds and every figure, on a machine others load too.
        timeout: BENCH_HANG_GUARD_MS,
      });
      expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
      expect(run.stdout).toContain('| figure | median (min–max) | baseline | ratio | target | met? |');

      const results = JSON.parse(readFileSync(out, 'utf8')) as { mode: string; figures: FigureResult[] };
      expect(results.mode).toBe('smoke');
      expect(results.figures.map((figure) => figure.id)).toEqual(FIGURES.map((figure) => figure.id));
      for (const figure of results.figures) {
        if (figure.pending) continue;
        expect(figure.rows.length, figure.id).toBeGreaterThan(0);
        for (const row of figure.rows) expectWellFormed(row);
      }
    },
    BENCH_HANG_GUARD_MS,
  );
});

function expectWellFormed(row: ResultRow): void {
  for (const summary of [row.value, ...(row.baseline ? [row.baseline] : [])]) {
    expect(summary.runs, row.id).toBeGreaterThanOrEqual(1);
    for (const figure of [summary.median, summary.p90, summary.min, summary.max]) expect(Number.isFinite(figure), row.id).toBe(true);
    expect(summary.min, row.id).toBeLessThanOrEqual(summary.median);
    expect(summary.median, row.id).toBeLessThanOrEqual(summary.max);
    expect(summary.min, row.id).toBeLessThanOrEqual(summary.p90);
    expect(summary.p90, row.id).toBeLessThanOrEqual(summary.max);
  }
  if (row.baseline && row.baseline.median > 0) expect(Number.isFinite(row.ratio), row.id).toBe(true);
  if (row.baseline && row.baseline.p90 > 0) expect(Number.isFinite(row.ratioP90), row.id).toBe(true);
  if (row.target) {
    expect(row.target.text, row.id).toMatch(/^(ratio )?([≤≥] |[\d.]+–[\d.]+)/);
    expect(typeof row.met, row.id).toBe('boolean');
  } else {
    expect(row.met, row.id).toBeNull();
  }
}
