// What the start-up figure reads from the page: when it became interactive, its own timeline, and
// the cost of one call over the bridge.
import type { Page } from '@playwright/test';

export interface InteractiveTiming {
  /** Page clock (ms since navigation start) when the Email field was ready. */
  readonly interactiveMs: number;
  /** Page clock when DOMContentLoaded finished: the module scripts have run by then. */
  readonly scriptsDoneMs: number;
  /** The page clock's zero (navigation start) in epoch ms, comparable with the bench's own clock. */
  readonly timeOriginEpochMs: number;
}

/**
 * Waits (on every animation frame, never a fixed delay) until the field labelled exactly "Email"
 * is enabled and takes focus: the moment a person can start typing.
 */
export async function waitInteractive(page: Page, timeout = 20_000): Promise<InteractiveTiming> {
  const handle = await page.waitForFunction(
    () => {
      const field = [...document.querySelectorAll('input')].find(
        (input) =>
          input.getAttribute('aria-label') === 'Email' ||
          [...(input.labels ?? [])].some((label) => label.textContent?.trim() === 'Email'),
      );
      if (!field || field.disabled || field.getClientRects().length === 0) return false;
      field.focus();
      if (document.activeElement !== field) return false;
      const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
      return {
        interactiveMs: performance.now(),
        scriptsDoneMs: navigation?.domContentLoadedEventEnd ?? 0,
        timeOriginEpochMs: performance.timeOrigin,
      };
    },
    undefined,
    { polling: 'raf', timeout },
  );
  return (await handle.jsonValue()) as InteractiveTiming;
}

/**
 * Page clock at the first contentful paint: the start screen for both apps (neither paints anything
 * before it). Waits for the entry, which is reported only after that frame is on screen.
 */
export async function firstPaintMs(page: Page, timeout = 20_000): Promise<number> {
  const handle = await page.waitForFunction(
    () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? false,
    undefined,
    { polling: 'raf', timeout },
  );
  return (await handle.jsonValue()) as number;
}

/** One getSession call from the page and back (median of 5): the cost of each call the app makes before it shows. */
export function ipcRoundTripMs(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const api = (window as unknown as { gatehouse: { getSession(input: object): Promise<unknown> } }).gatehouse;
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      await api.getSession({});
      times.push(performance.now() - started);
    }
    return times.sort((a, b) => a - b)[2]!;
  });
}
