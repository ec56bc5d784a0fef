/**
 * Reflow and zoom (WCAG 1.4.10), for every screen and dialog of support/screens.ts, at three sizes:
 * - 400 CSS px wide (800 high), the width the issue names;
 * - the smallest window at 100% zoom: BrowserWindow's minWidth × minHeight is 760 × 560 for the
 *   whole window; less the frame, title bar and menu bar that leaves at least 740 × 500 CSS px
 *   for the page on every platform, and the spec uses exactly that;
 * - the same window at 200% zoom: 370 × 250 CSS px at a device pixel ratio of 2.
 *
 * How zoom is emulated: zooming a page to 200% halves its viewport in CSS pixels and doubles the
 * device pixel ratio, and nothing else: layout and media queries see only those two numbers. So
 * each size sets exactly those, with Chrome DevTools Protocol's Emulation.setDeviceMetricsOverride
 * on the running page (width and height in CSS px, deviceScaleFactor = zoom), for every size alike.
 *
 * At each size: no horizontal scrolling (the page, and an open dialog); every visible control
 * (buttons, links, fields) can be scrolled to and is then wholly inside the window and not covered
 * by anything; an open dialog fits the window, scrolls inside when it must, and its buttons are in
 * view and usable both at the top and at the bottom of its scrolling.
 */
import type { CDPSession, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { JOURNEYS, walkJourney } from './support/screens';

interface Size {
  readonly name: string;
  readonly width: number;
  readonly height: number;
  readonly zoom: number;
}

const MIN_WINDOW = { width: 740, height: 500 };
const SIZES: readonly Size[] = [
  { name: '400 CSS px wide', width: 400, height: 800, zoom: 1 },
  { name: 'smallest window at 100%', ...MIN_WINDOW, zoom: 1 },
  { name: 'smallest window at 200%', width: MIN_WINDOW.width / 2, height: MIN_WINDOW.height / 2, zoom: 2 },
];

/** The override lasts as long as its DevTools session, so each page keeps one for the test. */
const sessions = new WeakMap<Page, CDPSession>();

async function emulate(page: Page, size: Size): Promise<void> {
  let session = sessions.get(page);
  if (!session) {
    session = await page.context().newCDPSession(page);
    sessions.set(page, session);
  }
  await session.send('Emulation.setDeviceMetricsOverride', {
    width: size.width,
    height: size.height,
    deviceScaleFactor: size.zoom,
    mobile: false,
  });
  await expect.poll(() => page.evaluate(() => [innerWidth, devicePixelRatio])).toEqual([size.width, size.zoom]);
}

/** What is wrong with the current screen at the current size; empty when it reflows. */
function reflowProblems(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const problems: string[] = [];
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
    const label = (element: Element) =>
      `${element.tagName.toLowerCase()} "${(element.getAttribute('aria-label') ?? element.textContent ?? (element as HTMLInputElement).labels?.[0]?.textContent ?? '').trim().slice(0, 40)}"`;
    const root = document.scrollingElement ?? document.documentElement;
    if (root.scrollWidth > root.clientWidth) problems.push(`the page scrolls sideways (${root.scrollWidth} > ${root.clientWidth} px)`);

    const dialog = document.querySelector<HTMLDialogElement>('dialog[open]');
    const scope: ParentNode = dialog ?? document;
    const inView = (element: Element) => {
      const box = element.getBoundingClientRect();
      if (box.left < -0.5 || box.top < -0.5 || box.right > innerWidth + 0.5 || box.bottom > innerHeight + 0.5) return false;
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return hit !== null && (hit === element || element.contains(hit) || (hit instanceof HTMLLabelElement && hit.control === element));
    };
    const controls = [...scope.querySelectorAll<HTMLElement>('button, a[href], input, select, textarea')].filter((element) =>
      element.checkVisibility(),
    );
    if (controls.length === 0) problems.push('no visible control');
    for (const control of controls) {
      control.scrollIntoView({ block: 'center', inline: 'nearest' });
      await frame();
      if (!inView(control)) problems.push(`${label(control)} cannot be brought wholly into view`);
    }

    if (dialog) {
      if (dialog.scrollWidth > dialog.clientWidth) problems.push('the dialog scrolls sideways');
      const box = dialog.getBoundingClientRect();
      if (box.top < 0 || box.bottom > innerHeight || box.left < 0 || box.right > innerWidth)
        problems.push('the dialog does not fit the window');
      const actions = [...dialog.querySelectorAll<HTMLElement>('.form__actions button')].filter((button) => button.checkVisibility());
      if (actions.length === 0) problems.push('the dialog has no buttons');
      for (const where of ['top', 'bottom'] as const) {
        dialog.scrollTop = where === 'top' ? 0 : dialog.scrollHeight;
        await frame();
        for (const button of actions)
          if (!inView(button)) problems.push(`${label(button)} is out of view with the dialog scrolled to the ${where}`);
      }
      dialog.scrollTop = 0;
    }
    if (root.scrollLeft !== 0) problems.push('the page was scrolled sideways');
    return problems;
  });
}

for (const journey of JOURNEYS) {
  test(`every screen reflows at 400 px and at the smallest window at 100% and 200% zoom: ${journey.name}`, async ({ page, app }) => {
    test.slow();
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const checked: string[] = [];
    await walkJourney(journey, { page, app }, async (screen) => {
      for (const size of SIZES) {
        await emulate(app.page, size);
        expect(await reflowProblems(app.page), `${screen.name} at ${size.name}`).toEqual([]);
        checked.push(`${screen.name} at ${size.name}`);
      }
      // The journey goes on at the usual window size.
      await sessions.get(app.page)?.send('Emulation.clearDeviceMetricsOverride');
    });
    expect(checked).toHaveLength(journey.screens.length * SIZES.length);
  });
}
