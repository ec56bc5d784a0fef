import type { Summary } from './stats';
import type { FigureResult } from './results';

function formatNumber(value: number): string {
  if (value >= 1000) return Math.round(value).toLocaleString('en-US');
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

export const formatSummary = ({ median, min, max, runs }: Summary, unit: string): string =>
  runs === 1 ? `${formatNumber(median)} ${unit}` : `${formatNumber(median)} ${unit} (${formatNumber(min)}–${formatNumber(max)}, n=${runs})`;

/** The results as a Markdown table: figure, median (min–max), baseline, ratio, target, met. */
export function formatTable(results: readonly FigureResult[]): string {
  const lines = ['| figure | median (min–max) | baseline | ratio | target | met? |', '| --- | --- | --- | --- | --- | --- |'];
  for (const figure of results) {
    if (figure.rows.length === 0) lines.push(`| ${figure.title} | pending | | | | ${figure.pending ?? ''} |`);
    for (const row of figure.rows) {
      const baseline = row.baseline ? `${row.baseline.label}: ${formatSummary(row.baseline, row.unit)}` : '';
      const ratio = row.ratio === undefined ? '' : `${row.ratio.toFixed(2)}×`;
      const met = figure.pending ? 'pending' : row.met === null ? '' : row.met ? 'yes' : '**no**';
      lines.push(`| ${row.label} | ${formatSummary(row.value, row.unit)} | ${baseline} | ${ratio} | ${row.target?.text ?? ''} | ${met} |`);
    }
  }
  return lines.join('\n');
}
