import type { Page } from '@playwright/test';

/**
 * Waits (on every animation frame, never a fixed delay) until the field labelled exactly "Email"
 * is enabled and takes focus: the moment a person can start typing. Resolves to the page's own
 * clock at that moment (ms since the navigation started).
 */
export async function waitInteractive(page: Page, timeout = 20_000): Promise<number> {
  const handle = await page.waitForFunction(
    () => {
      const field = [...document.querySelectorAll('input')].find(
        (input) =>
          input.getAttribute('aria-label') === 'Email' ||
          [...(input.labels ?? [])].some((label) => label.textContent?.trim() === 'Email'),
      );
      if (!field || field.disabled || field.getClientRects().length === 0) return false;
      field.focus();
      return document.activeElement === field ? performance.now() : false;
    },
    undefined,
    { polling: 'raf', timeout },
  );
  return (await handle.jsonValue()) as number;
}
