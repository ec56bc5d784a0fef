/**
 * WCAG 1.4.11 (non-text contrast): a text field's border is what shows where to type, so it must
 * reach 3:1 against the field and the surface around it, in both themes. Computed from the tokens
 * in src-renderer/styles/tokens.css (WCAG 2 relative luminance); the e2e accessibility spec checks
 * the rendered fields too.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const TOKENS = readFileSync(resolve(__dirname, '../../../src-renderer/styles/tokens.css'), 'utf8');
const TEXT_FIELD = readFileSync(resolve(__dirname, '../../../src-renderer/components/BaseTextField.vue'), 'utf8');

/** The custom properties of the light theme (:root) and the dark one (prefers-color-scheme: dark). */
function themes(css: string): { light: Record<string, string>; dark: Record<string, string> } {
  const darkStart = css.indexOf('@media (prefers-color-scheme: dark)');
  const read = (block: string) =>
    Object.fromEntries([...block.matchAll(/(--[\w-]+):\s*(#[0-9a-f]{6})\s*;/giu)].map((match) => [match[1]!, match[2]!.toLowerCase()]));
  const light = read(css.slice(0, darkStart));
  return { light, dark: { ...light, ...read(css.slice(darkStart)) } };
}

function luminance(hex: string): number {
  const channel = (offset: number) => {
    const value = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

function contrastRatio(a: string, b: string): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (high + 0.05) / (low + 0.05);
}

describe('input border contrast (WCAG 1.4.11)', () => {
  it('computes WCAG contrast ratios (black on white is 21:1, a colour on itself 1:1)', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#777777')).toBe(1);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  it('text fields draw their border with --color-input-border', () => {
    expect(TEXT_FIELD).toMatch(/\.field__input\s*\{[^}]*border:\s*1px solid var\(--color-input-border\)/u);
  });

  for (const [theme, tokens] of Object.entries(themes(TOKENS))) {
    it(`is at least 3:1 against the field and the surfaces around it in the ${theme} theme`, () => {
      const border = tokens['--color-input-border']!;
      expect(border, 'the theme defines --color-input-border').toMatch(/^#[0-9a-f]{6}$/u);
      for (const background of ['--color-input', '--color-surface', '--color-bg']) {
        expect(contrastRatio(border, tokens[background]!), `${theme}: border vs ${background}`).toBeGreaterThanOrEqual(3);
      }
    });
  }
});
