import type { Page } from '@playwright/test';

/**
 * A Page that always forwards to `current()`, so a test's `page` keeps working after
 * app.restart() replaced the real one. Methods are bound to the page they came from.
 * Listeners added with page.on() stay on the page that was current when they were added.
 */
export function stablePage(current: () => Page): Page {
  return new Proxy(current(), {
    get(_target, property) {
      const page = current();
      const value: unknown = Reflect.get(page, property, page);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(page) : value;
    },
    set(_target, property, value) {
      return Reflect.set(current(), property, value);
    },
    has(_target, property) {
      return Reflect.has(current(), property);
    },
    getPrototypeOf() {
      return Reflect.getPrototypeOf(current());
    },
  });
}
