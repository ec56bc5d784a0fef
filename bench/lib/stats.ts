/** Median, p90, min and max of a set of samples: how every bench figure is reported. */
export interface Summary {
  readonly median: number;
  /** 90th percentile (nearest rank): the slow tail a median hides. */
  readonly p90: number;
  readonly min: number;
  readonly max: number;
  readonly runs: number;
}

export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error('bench: cannot summarize zero samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  const p90 = sorted[Math.ceil(0.9 * sorted.length) - 1]!;
  return { median, p90, min: sorted[0]!, max: sorted[sorted.length - 1]!, runs: sorted.length };
}

/** Wall-clock milliseconds one call of `work` takes. */
export async function timeMs(work: () => unknown): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/** `runs` timings of `work`, after `warmup` untimed calls. */
export async function sampleMs(work: () => unknown, runs: number, warmup = 1): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(await timeMs(work));
  return samples;
}

/**
 * Timings of two pieces of work measured alternately (a, b, b, a, a, b, …), so that drift on a
 * shared machine hits both sides of a ratio alike.
 */
export async function samplePairMs(a: () => unknown, b: () => unknown, runs: number, warmup = 1): Promise<{ a: number[]; b: number[] }> {
  for (let i = 0; i < warmup; i++) {
    await a();
    await b();
  }
  const samples = { a: [] as number[], b: [] as number[] };
  for (let i = 0; i < runs; i++) {
    const order = i % 2 === 0 ? (['a', 'b'] as const) : (['b', 'a'] as const);
    for (const side of order) samples[side].push(await timeMs(side === 'a' ? a : b));
  }
  return samples;
}
