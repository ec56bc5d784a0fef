/**
 * The screens a new window can open on, by router path. At a cold start there is never a
 * session, so main picks one from the database before it creates the window and puts its path in
 * the start URL's hash, which is the renderer's route (hash history): the first screen paints
 * without waiting for a bridge call.
 */
export const START_SCREEN_PATHS = {
  'sign-in': '/sign-in',
  'create-account': '/create-account',
} as const;

export type StartScreen = keyof typeof START_SCREEN_PATHS;

/**
 * `startUrl` with the start screen's route as its hash; unchanged when there is none (the
 * renderer then asks main). A hash needs no inline script (the CSP allows none) and no extra
 * preload surface, the page reads it the way it reads every route, and a reload reopens the
 * route the person was on, not this one.
 */
export function startUrlWithScreen(startUrl: string, screen: StartScreen | null): string {
  return screen ? `${startUrl.replace(/#.*$/s, '')}#${START_SCREEN_PATHS[screen]}` : startUrl;
}
