import { nextTick, onScopeDispose } from 'vue';
import { useRouter } from 'vue-router';

/**
 * Puts focus on the page's h1 (focusable by script only, tabindex="-1"), so keyboard and screen
 * reader users start at the top of what they now see. For after a route change, and for when the
 * control that had focus goes away (a dismissed notice).
 */
export async function focusPageHeading(): Promise<void> {
  await nextTick();
  const heading = document.querySelector<HTMLElement>('.app-root h1');
  if (!heading) return;
  heading.setAttribute('tabindex', '-1');
  heading.focus();
}

/**
 * After every route change (not the first screen, which focuses its own first field), focus moves
 * to the new page's h1 instead of staying on a control that is gone or being lost to <body>.
 */
export function useFocusHeadingOnRouteChange(): void {
  const removeHook = useRouter().afterEach((to, from, failure) => {
    if (failure || from.matched.length === 0 || to.fullPath === from.fullPath) return;
    void focusPageHeading();
  });
  onScopeDispose(removeHook);
}
