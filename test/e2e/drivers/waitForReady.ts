import type { Page } from '@playwright/test';

/** The headings of the screens the app can open on. */
const START_HEADINGS = ['Create account', 'Sign in', 'Dashboard'] as const;

/** Waits until the app shows one of its start screens: a real UI state, never a fixed delay. */
/** `timeout` is a hang guard: a loaded 2-core machine has taken well over 20 s to show the first screen. */
export async function waitForReady(page: Page, timeout = 60_000): Promise<void> {
  const [first, ...rest] = START_HEADINGS.map((name) => page.getByRole('heading', { name, exact: true }));
  const anyStartScreen = rest.reduce((locator, next) => locator.or(next), first!);
  try {
    await anyStartScreen.first().waitFor({ state: 'visible', timeout });
  } catch (error) {
    const body = await page
      .locator('body')
      .innerText({ timeout: 1_000 })
      .catch(() => '(could not read the page)');
    throw new Error(
      `Gatehouse e2e: the app did not show a start screen (${START_HEADINGS.join(' / ')}) within ${timeout} ms.\n` +
        `URL: ${page.url()}\nPage text: ${body.slice(0, 500) || '(empty)'}\nCause: ${String(error)}`,
    );
  }
}
