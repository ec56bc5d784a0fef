import { onScopeDispose } from 'vue';
import { useSessionStore } from '../stores/session';

/**
 * Re-reads the session when the window regains focus or becomes visible, so a
 * session main ended while we were away (inactivity, screen lock) is noticed at once.
 */
export function useSessionRefreshOnFocus(): void {
  const session = useSessionStore();

  const check = (): void => {
    if (session.isSignedIn) void session.refresh();
  };
  const onVisibilityChange = (): void => {
    if (document.visibilityState === 'visible') check();
  };

  window.addEventListener('focus', check);
  document.addEventListener('visibilitychange', onVisibilityChange);
  onScopeDispose(() => {
    window.removeEventListener('focus', check);
    document.removeEventListener('visibilitychange', onVisibilityChange);
  });
}
