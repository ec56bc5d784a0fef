import type { OperationOutput, ValidatedInput } from '../../../src-shared/contract';
import { invalidCredentials, rateLimited, secondFactorLocked } from '../appError';
import type { CoreDependencies } from '../coreDependencies';
import { toChallengeInfo } from '../twoFactor/toChallengeInfo';
import { countPasswordFailure } from '../accounts/countPasswordFailure';
import { nextPasswordAttemptAt } from '../accounts/readThrottle';
import { pruneUnknownEmails, refuseUnknownEmail } from '../accounts/refuseUnknownEmail';
import { openSession, recordSignIn } from '../session/openSession';

type Deps = Pick<
  CoreDependencies,
  | 'accounts'
  | 'events'
  | 'sessions'
  | 'hasher'
  | 'clock'
  | 'withAccountLock'
  | 'transaction'
  | 'twoFactor'
  | 'challenges'
  | 'unknownEmails'
  | 'restoreCheck'
>;

/**
 * Email and password sign-in. An unknown email and a wrong password give the
 * same error, cost the same hash and are throttled by the same rule, counted in
 * SQLite (see refuseUnknownEmail and signInThrottle); a hash with outdated
 * parameters is upgraded.
 * For an account with two-factor authentication a correct password does not
 * sign in: it opens a challenge for the second step.
 */
export async function signIn(deps: Deps, { email, password }: ValidatedInput<'signIn'>): Promise<OperationOutput<'signIn'>> {
  const { accounts, events, sessions, hasher, clock, withAccountLock, transaction } = deps;
  // After a restored backup, every email waits for the two-factor state to be checked (the same for all: no oracle).
  await deps.restoreCheck.ready();
  const candidate = accounts.findByEmail(email);
  if (!candidate) return refuseUnknownEmail(deps, email, password);

  return withAccountLock(candidate.id, async () => {
    // Re-read inside the lock: an attempt queued behind us must see our failure.
    const account = accounts.findById(candidate.id);
    // Deleted meanwhile: from now on its email is one without an account.
    if (!account) return refuseUnknownEmail(deps, email, password);
    const retryAt = nextPasswordAttemptAt(deps, account);
    if (retryAt !== null) throw rateLimited(retryAt);

    // A locked second factor answers the same, after the same hash time, whether or not the
    // password is right: the lock must not turn into a password oracle.
    const lockedUntil = deps.twoFactor.find(account.id)?.lockedUntil ?? null;
    if (lockedUntil !== null && lockedUntil > clock.now()) {
      await hasher.verifyNothing(password);
      throw secondFactorLocked(lockedUntil);
    }

    if (!(await hasher.verify(password, account.passwordHash))) {
      transaction(() => {
        const now = clock.now();
        pruneUnknownEmails(deps, now);
        countPasswordFailure(deps, account, now);
        events.record(account.id, 'sign_in_failed', now);
      });
      const failed = accounts.findById(account.id);
      throw invalidCredentials(failed && nextPasswordAttemptAt(deps, failed));
    }

    const upgradedHash = hasher.needsRehash(account.passwordHash) ? await hasher.hash(password) : null;
    const needsSecondFactor = deps.twoFactor.find(account.id) !== null;
    // One commit for the common case: nothing to clear, no rehash, just the log entry.
    transaction(() => {
      if (account.failedSignIns > 0 || account.lastFailedSignInAt !== null) accounts.clearFailedSignIns(account.id);
      if (upgradedHash) accounts.setPasswordHash(account.id, upgradedHash);
      if (!needsSecondFactor) recordSignIn(deps, account.id);
    });

    if (needsSecondFactor) {
      // Whoever was signed in before is signed out: the screen now belongs to the second step.
      sessions.end('user');
      // No await since the two_factor row was read: it still exists, so the info does too.
      return { challenge: toChallengeInfo(deps, deps.challenges.start(account.id))! };
    }
    return { session: openSession(deps, account) };
  });
}
