import type { OperationOutput, ValidatedInput } from '../../../src-shared/contract';
import type { CoreDependencies } from '../coreDependencies';
import type { TwoFactorRecord } from '../db/twoFactorRepository';
import { syncWitness } from '../twoFactor/syncWitness';
import {
  consumeSecondFactor,
  rejectUsedProof,
  requireSecondFactorInput,
  verifySecondFactor,
  type SecondFactorProof,
} from '../twoFactor/verifySecondFactor';
import { checkPassword } from '../accounts/checkPassword';
import type { SignedIn } from '../session/requireSignedIn';

type Deps = Pick<
  CoreDependencies,
  | 'accounts'
  | 'events'
  | 'sessions'
  | 'hasher'
  | 'clock'
  | 'transaction'
  | 'bookkeeping'
  | 'withAccountLock'
  | 'withTwoFactorLock'
  | 'twoFactor'
  | 'recoveryCodes'
  | 'recoveryKdf'
  | 'secrets'
  | 'totp'
  | 'logger'
  | 'cleanup'
  | 'twoFactorStates'
  | 'withWitnessLock'
>;

/**
 * "Delete account": the password, and with two-factor authentication a code or a recovery code,
 * checked in this same call (no earlier confirmation counts). A wrong password counts towards the
 * sign-in backoff and hourly cap, a wrong code towards the second-factor lock. Crash-safe order:
 * (a) one transaction uses the code up, signs out and deletes the account — its log, two-factor row
 * and code hashes go by cascade — and records the deletion; (b) the account's witness in the keychain
 * becomes its tombstone, so a restored backup cannot bring the account back, and its secrets go. If
 * (b) fails or never happens (a locked keychain, a crash), start-up reconciliation finishes it: the
 * recorded deletion gets its tombstone, and no two_factor row names the secrets.
 * Runs in runInSession like every signed-in operation: the commit happens only while the session
 * that asked is still current, and ending that session is part of the commit.
 */
export async function deleteAccount(
  deps: Deps,
  { account: signedIn }: SignedIn,
  { password, code, recoveryCode }: ValidatedInput<'deleteAccount'>,
): Promise<OperationOutput<'deleteAccount'>> {
  const record = await deps.withAccountLock(signedIn.id, () =>
    deps.withTwoFactorLock(signedIn.id, async () => {
      const twoFactor = deps.twoFactor.find(signedIn.id);
      if (twoFactor) requireSecondFactorInput(deps, twoFactor, { code, recoveryCode });
      const account = await checkPassword(deps, signedIn, password, 'password');
      if (account.failedSignIns > 0) deps.accounts.clearFailedSignIns(account.id);
      const proof = twoFactor && (await verifySecondFactor(deps, twoFactor, { code, recoveryCode }));
      commitDeletion(deps, account.id, proof);
      return twoFactor;
    }),
  );
  await leaveTombstone(deps, signedIn.id, record);
  return { accountsLeft: deps.accounts.count() };
}

function commitDeletion(deps: Deps, accountId: string, proof: SecondFactorProof | null): void {
  const deleted = deps.transaction(() => {
    if (proof && !consumeSecondFactor(deps, accountId, proof)) return false;
    // Signed out first: the sign-out is logged, then the whole log goes with the account.
    deps.sessions.end('user');
    deps.accounts.delete(accountId, deps.clock.now());
    return true;
  });
  if (!deleted) throw rejectUsedProof(deps, accountId, proof!);
  deps.logger.info('an account was deleted');
}

/**
 * Best effort and bounded, after the commit (deps.cleanup): a keychain that never answers cannot
 * hold the reply back; whatever is left undone, the next start-up reconciliation does. The tombstone
 * first (syncWitness, under the witness lock: no mirroring of the old state can land after it).
 */
async function leaveTombstone(deps: Deps, accountId: string, record: TwoFactorRecord | null): Promise<void> {
  await deps.cleanup.run("a deleted account's keychain entries", async () => {
    await syncWitness(deps, accountId);
    if (record) {
      await deps.secrets.deleteTotp(accountId);
      await deps.secrets.deleteRecovery(accountId, record.recoverySetId);
    }
  });
}
