import type { Summary } from './stats';
import type { FigureResult } from './results';

function formatNumber(value: number): string {
  if (value >= 1000) return Math.round(value).toLocaleString('en-US');
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

/** A p90 says something only with enough samples; below this it is just the max again. */
const P90_FROM_RUNS = 10;

export function formatSummary({ median, p90, min, max, runs }: Summary, unit: string): string {
  if (runs === 1) return `${formatNumber(median)} ${unit}`;
  const tail = runs >= P90_FROM_RUNS ? `, p90 ${formatNumber(p90)}` : '';
  return `${formatNumber(median)} ${unit} (${formatNumber(min)}–${formatNumber(max)}${tail}, n=${runs})`;
}

/** The results as a Markdown table: figure, median (min–max), baseline, ratio, target, met. */
export function formatTable(results: readonly FigureResult[]): string {
  const lines = ['| figure | median (min–max) | baseline | ratio | target | met? |', '| --- | --- | --- | --- | --- | --- |'];
  for (const figure of results) {
    if (figure.rows.length === 0) lines.push(`| ${figure.title} | pending | | | | ${figure.pending ?? ''} |`);
    for (const row of figure.rows) {
      const baseline = row.baseline ? `${row.baseline.label}: ${formatSummary(row.baseline, row.unit)}` : '';
      const tail = row.ratioP90 !== undefined && row.value.runs >= P90_FROM_RUNS ? ` (p90 ${row.ratioP90.toFixed(2)}×)` : '';
      const ratio = row.ratio === undefined ? '' : `${row.ratio.toFixed(2)}×${tail}`;
      const met = figure.pending ? 'pending' : row.met === null ? '' : row.met ? 'yes' : '**no**';
      lines.push(`| ${row.label} | ${formatSummary(row.value, row.unit)} | ${baseline} | ${ratio} | ${row.target?.text ?? ''} | ${met} |`);
    }
  }
  return lines.join('\n');
}
