import type { OperationOutput, ValidatedInput } from '../../../src-shared/contract';
import { enrollmentExpired, invalidCode, twoFactorAlreadyActive } from '../appError';
import type { CoreDependencies } from '../coreDependencies';
import type { SignedIn } from '../session/requireSignedIn';
import { newRecoverySet, toRecoveryCodeSet } from '../twoFactor/newRecoverySet';
import { requireActiveEnrollment } from '../twoFactor/requireActiveEnrollment';
import { matchedSteps, refusalFor } from '../twoFactor/totp';

type Deps = Pick<
  CoreDependencies,
  | 'events'
  | 'enrollments'
  | 'twoFactor'
  | 'recoveryCodes'
  | 'secrets'
  | 'totp'
  | 'recoveryKdf'
  | 'clock'
  | 'newId'
  | 'transaction'
  | 'withTwoFactorLock'
>;

/**
 * "Activate" with the first code from the app. The order makes a crash at any point safe:
 * (a) keychain: the active secret and the plaintext recovery codes; (b) one SQLite transaction:
 * the two_factor row, the code hashes and the event — this is the moment 2FA becomes active;
 * (c) delete the pending entry (bounded). If anything fails before (b), or the session ends,
 * runInSession deletes what (a) wrote; after a crash, start-up reconciliation does.
 */
export async function confirmTwoFactorEnrollment(
  deps: Deps,
  signedIn: SignedIn,
  { code }: ValidatedInput<'confirmTwoFactorEnrollment'>,
): Promise<OperationOutput<'confirmTwoFactorEnrollment'>> {
  const { account } = signedIn;
  const enrollment = await requireActiveEnrollment(deps, signedIn);
  const { secrets, twoFactor } = deps;

  return deps.withTwoFactorLock(account.id, async () => {
    if (!deps.enrollments.isCurrent(enrollment)) throw enrollmentExpired();
    if (twoFactor.find(account.id)) throw twoFactorAlreadyActive();
    const secret = await secrets.readPending(account.id);
    if (secret === null) {
      await deps.enrollments.discard(enrollment);
      throw enrollmentExpired();
    }
    const check = await deps.totp.check(secret, code);
    const step = check.inWindow.find((candidate) => !enrollment.spentSteps.has(candidate));
    if (step === undefined) {
      // Every step a refused code matched is spent (e.g. one a clock-drift hint named): never accepted
      // later, neither here nor at sign-in (they go into totp_spent_steps with the row).
      for (const matched of matchedSteps(check)) enrollment.spentSteps.add(matched);
      throw invalidCode(refusalFor(check));
    }

    const set = await newRecoverySet(deps);
    await secrets.writeTotp(account.id, secret);
    await secrets.writeRecovery(account.id, set.header.setId, set.codes);
    deps.transaction(() => {
      // The enrollment code's step counts as used: it cannot be replayed at the next sign-in.
      twoFactor.insert(account.id, deps.clock.now(), step, set.header);
      twoFactor.spendSteps(account.id, [...enrollment.spentSteps, ...matchedSteps(check)]);
      deps.recoveryCodes.replaceAll(account.id, set.hashes);
      deps.events.record(account.id, 'two_factor_activated', deps.clock.now());
    });
    await deps.enrollments.discard(enrollment);
    return { recoveryCodes: toRecoveryCodeSet(set.codes, new Set(), set.header.generatedAt) };
  });
}
