/**
 * Accessibility checks with axe-core (WCAG 2.0, 2.1 and 2.2, levels A and AA) on what is on screen,
 * open dialogs included. A "walk" reaches screens one after another and calls `visit(name)` on each,
 * so walks of different areas can join one list (and one spec can run them in light and dark).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] as const;

/** Reaches each screen of one area in turn, calling `visit` with its name while it is showing. */
export type ScreenWalk = (page: Page, visit: (screen: string) => Promise<void>) => Promise<void>;

/** Every WCAG A/AA violation on the page, one line each (rule, what it asks, where). */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags([...WCAG_TAGS]).analyze();
  return results.violations.map(
    (violation) => `${violation.id}: ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
}

export async function expectNoAxeViolations(page: Page, screen: string): Promise<void> {
  expect(await axeViolations(page), `axe on "${screen}"`).toEqual([]);
}
