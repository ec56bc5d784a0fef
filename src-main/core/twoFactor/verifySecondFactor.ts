import { MESSAGES } from '../../../src-shared/errors';
import { SECOND_FACTOR_MAX_FAILURES } from '../../../src-shared/twoFactorRules';
import { AppError, invalidCode, secondFactorLocked } from '../appError';
import type { CoreDependencies } from '../coreDependencies';
import type { TwoFactorRecord } from '../db/twoFactorRepository';
import { readTotpSecret } from './readTotpSecret';
import { recordSecondFactorFailure, type SecondFactorRejection } from './recordSecondFactorFailure';
import { acceptTotpCode } from './acceptTotpCode';
import { matchedSteps, refusalFor, type TotpCheck } from './totp';

type Deps = Pick<CoreDependencies, 'twoFactor' | 'events' | 'clock' | 'bookkeeping' | 'secrets' | 'totp' | 'recoveryCodes' | 'recoveryKdf'>;

/** A second factor given while signed in: a code from the authenticator app or a recovery code. */
export interface SecondFactorInput {
  readonly code?: string | undefined;
  readonly recoveryCode?: string | undefined;
}

/** What a correct code proves; the committing transaction uses it up (consumeSecondFactor). */
export type SecondFactorProof =
  { readonly kind: 'totp'; readonly check: TotpCheck } | { readonly kind: 'recovery'; readonly position: number };

/**
 * Cheap checks before any password is: the second factor is not locked, and the input names one.
 * Call inside the account's two-factor lock.
 */
export function requireSecondFactorInput({ clock }: Pick<Deps, 'clock'>, record: TwoFactorRecord, input: SecondFactorInput): void {
  if (record.lockedUntil !== null && record.lockedUntil > clock.now()) throw secondFactorLocked(record.lockedUntil);
  if (input.code === undefined && input.recoveryCode === undefined) {
    throw new AppError({ code: 'INVALID_INPUT', message: MESSAGES.secondFactorRequired, fields: { code: MESSAGES.secondFactorRequired } });
  }
}

/**
 * Checks the second factor of a signed-in account, exactly as the sign-in step does (one TOTP window,
 * clock-drift hints, recovery codes checked against SQLite only, so they work without the keychain).
 * A wrong code counts towards the same lock as at sign-in. Call inside the two-factor lock.
 */
export async function verifySecondFactor(deps: Deps, record: TwoFactorRecord, input: SecondFactorInput): Promise<SecondFactorProof> {
  const { accountId } = record;
  if (input.recoveryCode !== undefined) {
    const unused = deps.recoveryCodes.list(accountId).filter((stored) => stored.usedAt === null);
    const hash = await deps.recoveryKdf.hash(input.recoveryCode, record.recoveryKdf);
    const [position] = deps.recoveryKdf.matches(hash, unused);
    if (position === undefined) throw rejectSignedInCode(deps, accountId, 'recovery_code_rejected', MESSAGES.invalidRecoveryCode);
    return { kind: 'recovery', position };
  }
  const secret = await readTotpSecret(deps, accountId, MESSAGES.secretMissingUseRecoveryCode);
  const check = await deps.totp.check(secret, input.code ?? '');
  // Every step the code matched is spent with a refusal too: a code refused now is never accepted later.
  if (check.inWindow.length === 0) {
    const { message, clockDriftMinutes } = refusalFor(check);
    throw rejectSignedInCode(deps, accountId, 'two_factor_code_rejected', message, clockDriftMinutes, matchedSteps(check));
  }
  return { kind: 'totp', check };
}

/**
 * Inside the committing transaction: uses the proof up, by the same conditional updates as sign-in
 * (a TOTP step is accepted once, a recovery code is used once). False when it was used meanwhile.
 */
export function consumeSecondFactor(
  deps: Pick<Deps, 'twoFactor' | 'recoveryCodes' | 'clock'>,
  accountId: string,
  proof: SecondFactorProof,
): boolean {
  return proof.kind === 'totp'
    ? acceptTotpCode(deps, accountId, proof.check)
    : deps.recoveryCodes.markUsed(accountId, proof.position, deps.clock.now());
}

/** A proof that consumeSecondFactor refused: the code was already used (a replay). */
export function rejectUsedProof(deps: Deps, accountId: string, proof: SecondFactorProof): AppError {
  return proof.kind === 'totp'
    ? rejectSignedInCode(deps, accountId, 'two_factor_code_rejected', MESSAGES.replayedTotpCode, undefined, matchedSteps(proof.check))
    : rejectSignedInCode(deps, accountId, 'recovery_code_rejected', MESSAGES.invalidRecoveryCode);
}

function rejectSignedInCode(
  deps: Deps,
  accountId: string,
  event: SecondFactorRejection,
  message: string,
  clockDriftMinutes?: number,
  spentSteps: readonly number[] = [],
): AppError {
  const outcome = recordSecondFactorFailure(deps, accountId, event, spentSteps);
  if (outcome.locked) return secondFactorLocked(outcome.lockedUntil);
  return invalidCode({
    message,
    attemptsLeft: SECOND_FACTOR_MAX_FAILURES - outcome.failures,
    ...(clockDriftMinutes === undefined ? {} : { clockDriftMinutes }),
  });
}
