import type { FigureReport, RowSamples, Target } from './figure';
import { summarize, type Summary } from './stats';

export interface ResultRow {
  readonly figure: string;
  readonly id: string;
  readonly label: string;
  readonly unit: string;
  readonly value: Summary;
  readonly baseline?: Summary & { readonly label: string };
  /** value median / baseline median. */
  readonly ratio?: number;
  /** value p90 / baseline p90: whether the tails differ too. */
  readonly ratioP90?: number;
  readonly target?: Target & { readonly text: string };
  /** null when the row has no target. */
  readonly met: boolean | null;
}

export interface FigureResult {
  readonly id: string;
  readonly title: string;
  readonly rows: readonly ResultRow[];
  readonly details?: Record<string, unknown>;
  readonly pending?: string;
}

/** One report from several processes of the same figure: samples of the same row are pooled. */
export function mergeReports(reports: readonly FigureReport[]): FigureReport {
  const rows = new Map<string, RowSamples>();
  for (const report of reports) {
    for (const row of report.rows) {
      const seen = rows.get(row.id);
      rows.set(
        row.id,
        seen
          ? {
              ...seen,
              samples: [...seen.samples, ...row.samples],
              ...(seen.baseline && row.baseline
                ? { baseline: { ...seen.baseline, samples: [...seen.baseline.samples, ...row.baseline.samples] } }
                : {}),
            }
          : row,
      );
    }
  }
  const details = reports.length === 1 ? reports[0]!.details : { perProcess: reports.map((report) => report.details) };
  const pending = reports.find((report) => report.pending)?.pending;
  return { rows: [...rows.values()], ...(details ? { details } : {}), ...(pending ? { pending } : {}) };
}

export function targetText({ on, max, min }: Target, unit: string): string {
  const subject = on === 'ratio' ? 'ratio ' : '';
  const suffix = on === 'ratio' ? '' : ` ${unit}`;
  if (max !== undefined && min !== undefined) return `${subject}${min.toLocaleString('en-US')}–${max.toLocaleString('en-US')}${suffix}`;
  if (max !== undefined) return `${subject}≤ ${max.toLocaleString('en-US')}${suffix}`;
  return `${subject}≥ ${min!.toLocaleString('en-US')}${suffix}`;
}

function isMet({ on, max, min }: Target, value: number, ratio: number | undefined): boolean | null {
  const subject = on === 'ratio' ? ratio : value;
  if (subject === undefined) return null;
  return (max === undefined || subject <= max) && (min === undefined || subject >= min);
}

export function toResult(id: string, title: string, report: FigureReport): FigureResult {
  const rows = report.rows.map((row): ResultRow => {
    const value = summarize(row.samples);
    const baseline = row.baseline ? { label: row.baseline.label, ...summarize(row.baseline.samples) } : undefined;
    const ratio = baseline && baseline.median > 0 ? value.median / baseline.median : undefined;
    const ratioP90 = baseline && baseline.p90 > 0 ? value.p90 / baseline.p90 : undefined;
    return {
      figure: id,
      id: row.id,
      label: row.label,
      unit: row.unit,
      value,
      ...(baseline ? { baseline } : {}),
      ...(ratio !== undefined ? { ratio } : {}),
      ...(ratioP90 !== undefined ? { ratioP90 } : {}),
      ...(row.target ? { target: { ...row.target, text: targetText(row.target, row.unit) } } : {}),
      met: row.target && !report.pending ? isMet(row.target, value.median, ratio) : null,
    };
  });
  return {
    id,
    title,
    rows,
    ...(report.details ? { details: report.details } : {}),
    ...(report.pending ? { pending: report.pending } : {}),
  };
}
