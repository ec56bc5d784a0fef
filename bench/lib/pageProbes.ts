// What the start-up figure reads from the page: when it became interactive, its own timeline, and
// the cost of one call over the bridge.
import type { Page } from '@playwright/test';

/** Where the interactive probe keeps what it saw, on the page's window. */
const PROBE_NAME = '__gatehouseBenchInteractive';

export interface InteractiveTiming {
  /** Page clock (ms since navigation start) when the Email field was ready. */
  readonly interactiveMs: number;
  /** The same moment in epoch ms (performance.timeOrigin + performance.now()), comparable with Date.now() in the bench. */
  readonly interactiveEpochMs: number;
  /** Page clock when DOMContentLoaded finished: the module scripts have run by then. */
  readonly scriptsDoneMs: number;
  /** The page clock's zero (navigation start) in epoch ms. */
  readonly timeOriginEpochMs: number;
}

/**
 * The interactive probe, as the source of an init script (it runs in the page before any of the
 * page's own scripts). In the top-level document it checks on every animation frame and on every
 * DOM mutation whether the field labelled exactly "Email" exists, is enabled, visible and takes
 * focus: the moment a person can start typing. The first time it is, it records the page's own
 * clock, so the result does not depend on when or how often the bench looks. Checking is cheap
 * (one query and, once the field is there, one focus call) and stops once the field is ready.
 */
export function interactiveProbeScript(): string {
  const probe = (name: string): void => {
    if (window !== window.top) return;
    const seen: { interactiveMs?: number; interactiveEpochMs?: number } = {};
    Object.defineProperty(window, name, { value: seen });
    const emailField = (): HTMLInputElement | undefined =>
      [...document.querySelectorAll('input')].find(
        (input) =>
          input.getAttribute('aria-label') === 'Email' || [...(input.labels ?? [])].some((label) => label.textContent?.trim() === 'Email'),
      );
    const check = (): void => {
      if (seen.interactiveMs !== undefined) return;
      const field = emailField();
      if (!field || field.disabled || !field.checkVisibility({ visibilityProperty: true })) return;
      field.focus();
      if (document.activeElement !== field) return;
      const now = performance.now();
      seen.interactiveMs = now;
      seen.interactiveEpochMs = performance.timeOrigin + now;
      observer.disconnect();
    };
    const everyFrame = (): void => {
      check();
      if (seen.interactiveMs === undefined) requestAnimationFrame(everyFrame);
    };
    const observer = new MutationObserver(check);
    requestAnimationFrame(everyFrame);
    observer.observe(document, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['disabled', 'hidden', 'inert', 'style', 'class', 'aria-label', 'for', 'id'],
    });
  };
  return `(${probe.toString()})(${JSON.stringify(PROBE_NAME)});`;
}

/**
 * Reads what the interactive probe recorded, waiting for it if the field is not ready yet. How
 * long the bench takes to look does not change the result: the page recorded its own time.
 */
export async function readInteractive(page: Page, timeout = 20_000): Promise<InteractiveTiming> {
  const handle = await page.waitForFunction(
    (name) => {
      const seen = (window as unknown as Record<string, { interactiveMs?: number; interactiveEpochMs?: number } | undefined>)[name];
      if (seen?.interactiveMs === undefined || seen.interactiveEpochMs === undefined) return false;
      const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
      return {
        interactiveMs: seen.interactiveMs,
        interactiveEpochMs: seen.interactiveEpochMs,
        scriptsDoneMs: navigation?.domContentLoadedEventEnd ?? 0,
        timeOriginEpochMs: performance.timeOrigin,
      };
    },
    PROBE_NAME,
    { polling: 'raf', timeout },
  );
  return (await handle.jsonValue()) as InteractiveTiming;
}

/**
 * Installs the probe into a page that is already running (the electron driver takes no init
 * scripts). If the field is ready by then, the time recorded is the time of installing: an upper
 * bound, as late as the bench got the page.
 */
export async function installInteractiveProbe(page: Page): Promise<void> {
  await page.evaluate(interactiveProbeScript());
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
