import { notSignedIn } from '../appError';
import type { CoreDependencies } from '../coreDependencies';
import type { WithLock } from '../security/keyedMutex';
import type { TwoFactorSecrets } from '../twoFactor/twoFactorSecrets';
import { requireSignedIn, type SignedIn } from './requireSignedIn';

type Undo = () => Promise<unknown>;

/** What a signed-in operation answered, with the session's inactivity expiry after it (null if it ended its own session). */
export interface InSession<T> {
  readonly value: T;
  readonly sessionExpiresAt: number | null;
}

/**
 * Runs one signed-in operation so that it cannot outlive the session it started in: NOT_SIGNED_IN
 * unless someone is signed in (the call counts as activity), then `operation` gets the signed-in
 * account and session and its dependencies through this. The access gate applies it to every
 * operation whose level needs a session; the use cases need no checks of their own. It re-checks
 * that the same session is still current:
 * - right before each commit (`transaction`, synchronous, so nothing can end the session between
 *   the check and the commit), before an enrollment starts, and before anything is copied or saved;
 * - when a lock the operation took is about to be released, i.e. after its last await under it;
 * - once more before the answer (which may hold a secret) is returned.
 * If the session has ended the operation answers NOT_SIGNED_IN. Keychain entries it wrote that no
 * commit has made part of the saved state yet are deleted again, under the lock, on NOT_SIGNED_IN as
 * on any other failure. Failure counts go through `bookkeeping`, which commits whatever happened to
 * the session: a wrong password is counted even if the session ended meanwhile.
 */
export async function runInSession<T>(
  deps: CoreDependencies,
  operation: (scoped: CoreDependencies, signedIn: SignedIn) => Promise<T>,
): Promise<InSession<T>> {
  const signedIn = requireSignedIn(deps);
  const { session } = signedIn;
  const unsaved: Undo[] = [];
  // An operation may end its own session as part of its commit (deleting the account): from then on
  // it finishes what it committed instead of being refused as if someone else had signed it out.
  let endedByOperation = false;

  const assertCurrent = (): void => {
    if (!endedByOperation && !deps.sessions.isCurrent(session)) throw notSignedIn();
  };
  const committing = <R>(commit: () => R): R => {
    assertCurrent();
    const result = commit();
    unsaved.length = 0; // what was written so far now belongs to saved state
    return result;
  };
  const undoUnsaved = async (): Promise<void> => {
    for (const undo of unsaved.splice(0).reverse()) await deps.cleanup.run('an unfinished operation’s keychain entry', undo);
  };
  const guardLock =
    (withLock: WithLock): WithLock =>
    (key, task) =>
      withLock(key, async () => {
        try {
          const result = await task();
          assertCurrent();
          return result;
        } catch (error) {
          await undoUnsaved();
          throw error;
        }
      });

  const scoped: CoreDependencies = {
    ...deps,
    sessions: {
      ...deps.sessions,
      end: (reason) => {
        assertCurrent();
        endedByOperation = true;
        deps.sessions.end(reason);
      },
    },
    transaction: (work) => committing(() => deps.transaction(work)),
    withAccountLock: guardLock(deps.withAccountLock),
    withTwoFactorLock: guardLock(deps.withTwoFactorLock),
    secrets: recordingWrites(deps.secrets, unsaved),
    enrollments: { ...deps.enrollments, start: (current) => committing(() => deps.enrollments.start(current)) },
    desktop: {
      ...deps.desktop,
      copyText: async (text) => {
        assertCurrent();
        await deps.desktop.copyText(text);
      },
      saveTextFile: async (request) => {
        assertCurrent();
        return deps.desktop.saveTextFile(request);
      },
    },
  };

  try {
    const value = await operation(scoped, signedIn);
    assertCurrent();
    // Read at once after the check, so no other call can move or end the session in between.
    return { value, sessionExpiresAt: endedByOperation ? null : (deps.sessions.peek()?.expiresAt ?? null) };
  } catch (error) {
    await undoUnsaved();
    throw error;
  }
}

/** The keychain, remembering how to take back each entry written. */
function recordingWrites(secrets: TwoFactorSecrets, unsaved: Undo[]): TwoFactorSecrets {
  return {
    ...secrets,
    async writePending(accountId, secret) {
      await secrets.writePending(accountId, secret);
      unsaved.push(() => secrets.deletePending(accountId));
    },
    async writeTotp(accountId, secret) {
      await secrets.writeTotp(accountId, secret);
      unsaved.push(() => secrets.deleteTotp(accountId));
    },
    async writeRecovery(accountId, setId, codes) {
      await secrets.writeRecovery(accountId, setId, codes);
      unsaved.push(() => secrets.deleteRecovery(accountId, setId));
    },
  };
}
