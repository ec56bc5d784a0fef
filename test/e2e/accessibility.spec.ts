/**
 * Every screen and dialog (support/screens.ts) checked with axe-core against WCAG 2.0, 2.1 and 2.2
 * A and AA, in the light and the dark theme: 0 violations. Also the rendered text fields' borders
 * against their background: at least 3:1 (WCAG 1.4.11), in both themes.
 *
 * Themes are switched with prefers-color-scheme on the same page, with reduced motion on so no
 * colour transition is caught half-way.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { JOURNEYS, walkJourney } from './support/screens';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const THEMES = ['light', 'dark'] as const;

// Legacy mode runs axe in the page itself: the app has no iframes, and the default mode opens a
// second page per run to merge frame results, which costs seconds on a loaded machine.
async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).setLegacyMode().analyze();
  return results.violations.map(
    (violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
}

/** Contrast of every visible text field's border against its own background, as rendered. */
function inputBorderContrasts(page: Page): Promise<{ field: string; ratio: number }[]> {
  return page.evaluate(() => {
    const rgb = (color: string): number[] => (color.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    const luminance = ([r, g, b]: number[]): number => {
      const channel = (value: number) => {
        const c = value / 255;
        return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
    };
    const scope = document.querySelector('dialog[open]') ?? document;
    return [...scope.querySelectorAll<HTMLInputElement>('input')]
      .filter((input) => input.checkVisibility() && document.activeElement !== input && !input.matches(':hover'))
      .map((input) => {
        const style = getComputedStyle(input);
        const [high, low] = [luminance(rgb(style.borderTopColor)), luminance(rgb(style.backgroundColor))].sort((a, b) => b - a);
        return { field: input.labels?.[0]?.textContent?.trim() ?? input.name, ratio: (high! + 0.05) / (low! + 0.05) };
      });
  });
}

for (const journey of JOURNEYS) {
  test(`axe finds no WCAG 2.2 A/AA violation, light and dark: ${journey.name}`, async ({ page, app }) => {
    test.slow();
    await page.emulateMedia({ reducedMotion: 'reduce' });
    let fieldsChecked = 0;
    const visited = await walkJourney(journey, { page, app }, async (screen) => {
      for (const colorScheme of THEMES) {
        await page.emulateMedia({ colorScheme });
        expect(await axeViolations(app.page), `${screen.name} (${colorScheme})`).toEqual([]);
        const borders = await inputBorderContrasts(app.page);
        for (const border of borders)
          expect(border.ratio, `${screen.name} (${colorScheme}): ${border.field} border`).toBeGreaterThanOrEqual(3);
        fieldsChecked += borders.length;
      }
    });
    expect(visited).toEqual(journey.screens.map((screen) => screen.name));
    if (journey.name === 'accounts') expect(fieldsChecked).toBeGreaterThan(0);
  });
}
