import type { CoreDependencies } from '../coreDependencies';

/**
 * Declares a handler as one that returns secrets to show (the QR code, the secret key, recovery
 * codes): once it succeeds, and before its reply leaves main, the window is protected from screen
 * capture. A failed call (wrong password, expired enrollment) changes nothing. Turned off again by
 * markSecretsHidden or the end of the session.
 */
export function revealsSecrets<A extends unknown[], O>(
  { desktop }: Pick<CoreDependencies, 'desktop'>,
  handler: (...args: A) => Promise<O>,
): (...args: A) => Promise<O> {
  return async (...args) => {
    const output = await handler(...args);
    desktop.protectScreen(true);
    return output;
  };
}
