import { fail, ok, type Result } from '../../src-shared/result';

/*
 * The one convention for store actions: an action that asks main for something resolves to a
 * Result<T> (src-shared/result.ts), like the bridge itself: ok with what the caller needs next (or
 * nothing), or the ApiError for the screen to show. Reads whose outcome stays in the store for the
 * screens (load, ensureLoaded, refresh) resolve to nothing.
 */

/** An action that needs nothing back succeeded. */
export const done: Result<void> = ok(undefined);

/** A second request while the first still runs is refused here, never sent (its button is disabled anyway). */
export function stillBusy<T>(): Result<T> {
  return fail({ code: 'FORBIDDEN', message: 'Please wait for the current step to finish.' });
}
