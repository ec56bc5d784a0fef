/** The Playwright binding the page's alert recorder reports to; removed from window once captured. */
export const ALERT_BINDING_NAME = '__gatehouseE2eAlert';

/**
 * Source of a script that reports the text of every element with role="alert" the page shows, each
 * distinct text once, through the binding. A MutationObserver sees an alert the moment it is
 * rendered, so one that disappears again quickly is recorded too. Like the bridge's binding, the
 * binding's global name is deleted, so the page under test sees no extra global.
 * Runs as an init script (chromium) or is evaluated in the loaded page (electron).
 */
export function alertRecorderScript(): string {
  return `(() => {
  const report = globalThis[${JSON.stringify(ALERT_BINDING_NAME)}];
  if (typeof report !== 'function') return;
  try { delete globalThis[${JSON.stringify(ALERT_BINDING_NAME)}]; } catch {}
  const seen = new Set();
  const scan = () => {
    for (const node of document.querySelectorAll('[role="alert"]')) {
      const text = (node.textContent || '').trim();
      if (text !== '' && !seen.has(text)) {
        seen.add(text);
        void report(text);
      }
    }
  };
  new MutationObserver(scan).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  scan();
})();`;
}
