import { OPERATION_ACCESS } from '../../../src-shared/access';
import type { OperationName } from '../../../src-shared/operations';
import { challengeExpired } from '../appError';
import type { CoreDependencies } from '../coreDependencies';
import { requirePasswordConfirmation } from './requirePasswordConfirmation';
import type { SignedIn } from './requireSignedIn';
import { runInSession } from './runInSession';

/** What a session-level handler runs with: the session-scoped dependencies (see runInSession) and who is signed in. */
export interface SessionScope {
  readonly deps: CoreDependencies;
  readonly signedIn: SignedIn;
}

/**
 * Refusals a `freshPassword` operation makes before the password is checked, e.g. "two-factor
 * authentication is not active": a request that cannot succeed costs no password check and
 * counts no failure.
 */
export type PasswordPrechecks = { readonly [K in OperationName]?: (deps: CoreDependencies, signedIn: SignedIn) => void };

/** A successful call: its answer and, for an operation that acts in a session, the session's expiry after it. */
export interface GatedReply {
  readonly value: unknown;
  readonly sessionExpiresAt?: number;
}

export type AccessGate = (
  operation: OperationName,
  input: unknown,
  handler: (input: unknown, scope?: SessionScope) => Promise<unknown>,
) => Promise<GatedReply>;

/**
 * Enforces each operation's access level (src-shared/access.ts) once, before its handler runs, as
 * route middleware does:
 * - `guest`: nothing to check;
 * - `challenge`: a pending second sign-in step, else CHALLENGE_EXPIRED;
 * - `session`: a signed-in session, else NOT_SIGNED_IN; the handler runs inside runInSession;
 * - `freshPassword`: the same, then a password confirmed in the last 15 minutes or the input's
 *   `password` (see requirePasswordConfirmation), after the operation's precheck, if any.
 */
export function createAccessGate(deps: CoreDependencies, prechecks: PasswordPrechecks = {}): AccessGate {
  return async (operation, input, handler) => {
    const access = OPERATION_ACCESS[operation];
    if (access === 'guest') return { value: await handler(input) };
    if (access === 'challenge') {
      if (!deps.challenges.current()) throw challengeExpired();
      return { value: await handler(input) };
    }
    const { value, sessionExpiresAt } = await runInSession(deps, async (scoped, signedIn) => {
      if (access === 'freshPassword') {
        prechecks[operation]?.(scoped, signedIn);
        await requirePasswordConfirmation(scoped, signedIn, passwordIn(input));
      }
      return handler(input, { deps: scoped, signedIn });
    });
    return sessionExpiresAt === null ? { value } : { value, sessionExpiresAt };
  };
}

/** The optional `password` a freshPassword operation's validated input may carry. */
function passwordIn(input: unknown): string | undefined {
  const password = (input as { password?: unknown }).password;
  return typeof password === 'string' ? password : undefined;
}
