/**
 * The shape every figure module has and every figure process reports. A figure process returns
 * raw samples; the runner summarizes them (median, min, max), so a figure measured in several
 * processes (memory) merges the same way as one measured in a loop.
 */
export type Mode = 'full' | 'smoke';

/** A target a row is checked against: its value, or its ratio to the baseline. */
export interface Target {
  readonly on: 'value' | 'ratio';
  readonly max?: number;
  readonly min?: number;
}

export interface RowSamples {
  /** Stable id, e.g. "startup.interactive". */
  readonly id: string;
  readonly label: string;
  readonly unit: string;
  readonly samples: readonly number[];
  readonly baseline?: { readonly label: string; readonly samples: readonly number[] };
  readonly target?: Target;
}

export interface FigureReport {
  readonly rows: readonly RowSamples[];
  /** Anything worth keeping in results.json: query plans, biggest modules, parameters. */
  readonly details?: Record<string, unknown>;
  /** Set when the figure could not be measured yet, with the reason. */
  readonly pending?: string;
}

export interface FigureContext {
  readonly mode: Mode;
  /** Driver for the start-up figure. */
  readonly driver: 'chromium' | 'electron';
  /** Built renderers (the app and the baseline) and their module reports, made by the runner. */
  readonly renderers: { readonly app: string; readonly baseline: string };
  /** A scratch folder this figure may use. */
  readonly workDir: string;
}

export interface Figure {
  readonly id: string;
  readonly title: string;
  /** How many separate processes measure it; their samples are merged. Default 1. */
  readonly processes?: number;
  run(context: FigureContext): Promise<FigureReport>;
}

/** Picks the full or the smoke size of a parameter. */
export const sized = <T>(mode: Mode, full: T, smoke: T): T => (mode === 'full' ? full : smoke);
