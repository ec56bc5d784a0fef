import type { StartScreen } from '../../../src-shared/startScreen';
import type { CoreDependencies } from '../coreDependencies';

/**
 * The screen a new window opens on, decided in main before the window exists so the first
 * screen paints without a bridge call: sign-in when there is an account, else creating the
 * first one. Null while a session or a second sign-in step is live (possible only when the
 * window is opened again, e.g. from the macOS dock): the renderer then asks getSession as usual.
 */
export function chooseStartScreen({
  accounts,
  sessions,
  challenges,
}: Pick<CoreDependencies, 'accounts' | 'sessions' | 'challenges'>): StartScreen | null {
  if (sessions.peek() || challenges.current()) return null;
  return accounts.any() ? 'sign-in' : 'create-account';
}
